// recent_change.cpp: the last figures and the changes of one area's series at a period.
#include "map/recent_change.h"

#include <cmath>
#include <cstdio>

#include "core/cell.h"
#include "core/periods.h"
#include "map/map_view.h"

namespace sespm {

RecentChange recent_change(const std::vector<SeriesPoint>& series, const std::string& period, size_t n) {
    RecentChange rc;
    if (series.empty()) return rc;
    size_t at = series.size() - 1;
    if (!period.empty() && period != "latest")
        for (size_t i = 0; i < series.size(); ++i)
            if (series[i].period == period) at = i;
    for (size_t i = at + 1 > n ? at + 1 - n : 0; i <= at; ++i) {
        rc.periods.push_back(series[i].period);
        rc.counts.push_back(series[i].count);
    }
    rc.now = series[at].count;
    if (at > 0) {
        rc.previous_period = series[at - 1].period;
        rc.previous = series[at - 1].count;
    }
    for (size_t i = 0; i < at; ++i)
        if (months_between(series[i].period, series[at].period) == 12) {
            rc.year_before_period = series[i].period;
            rc.year_before = series[i].count;
        }
    if (rc.now && rc.previous) rc.change_previous = *rc.now - *rc.previous;
    if (rc.now && rc.year_before) rc.change_year = *rc.now - *rc.year_before;
    return rc;
}

std::string change_phrase(std::optional<double> change, std::optional<double> before, const std::string& since_period) {
    if (!change || since_period.empty()) return "";
    std::string when = " since " + long_date(since_period);
    if (*change == 0) return "no change" + when;
    std::string s = (*change > 0 ? "+" : "-") + Cell::of_num(std::fabs(*change), 0).display() + when;
    if (before && *before != 0) {
        char pct[32];
        std::snprintf(pct, sizeof pct, " (%+.1f%%)", 100.0 * *change / *before);
        s += pct;
    }
    return s;
}

} // namespace sespm
