// recent_change.h: one area's recent past at a chosen period, from its series (map/evaluate.h
// layer_series): the last N figures up to the period (for sparklines in the window's table and
// tooltip) and the change since the previous period and since a year before. Pure: no I/O.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "map/evaluate.h"

namespace sespm {

struct RecentChange {
    std::vector<std::string> periods;              // up to N, oldest first, ending at the period
    std::vector<std::optional<double>> counts;     // missing = no published figure
    std::optional<double> now;
    std::string previous_period, year_before_period;  // "" when the series has none
    std::optional<double> previous, year_before;
    std::optional<double> change_previous, change_year;  // empty when either figure is missing
};

// `period` "" = the series' latest. The previous period is the one just before in the series
// (a quarter for a quarterly series, a year for an annual one); a year before is the period
// exactly 12 months earlier, when the series has it.
RecentChange recent_change(const std::vector<SeriesPoint>& series, const std::string& period, size_t n = 12);

// "+12 since 30 Jun 2024 (+4.1%)" / "no change since ..." / "" when the change is unknown.
std::string change_phrase(std::optional<double> change, std::optional<double> before, const std::string& since_period);

} // namespace sespm
