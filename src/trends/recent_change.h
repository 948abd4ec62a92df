// recent_change.h: one area's recent past at a chosen period, from its series (map/evaluate.h
// layer_series): the last N figures up to the period (for sparklines in the window's table and
// tooltip) and its change on the step (a quarter for a quarterly series, a year for a yearly
// one) and on the year, each against the figure that many months before by date
// (rules/dated_change.h: across a skipped quarter it says "no figure for ...", never compares
// with another date). Pure: no I/O.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rules/dated_change.h"
#include "map/evaluate.h"

namespace sespm {

struct RecentChange {
    std::vector<std::string> periods;              // up to N, oldest first, ending at the period
    std::vector<std::optional<double>> counts;     // missing = no published figure
    std::optional<double> now;
    DatedChange previous, year;                    // `previous` is one step back (3, 6, 12, 120 months)
    bool yearly = false;                           // the step is a year or more: `year` is `previous` or empty
};

// `period` "" = the series' latest.
RecentChange recent_change(const std::vector<SeriesPoint>& series, const std::string& period, size_t n = 12);

} // namespace sespm
