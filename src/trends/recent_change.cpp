// recent_change.cpp: the last figures and the dated changes of one area's series at a period.
#include "trends/recent_change.h"

#include "rules/periods.h"

namespace sespm {

RecentChange recent_change(const std::vector<SeriesPoint>& series, const std::string& period, size_t n) {
    RecentChange rc;
    if (series.empty()) return rc;
    size_t at = series.size() - 1;
    if (!period.empty() && period != "latest")
        for (size_t i = 0; i < series.size(); ++i)
            if (series[i].period == period) at = i;
    std::vector<std::string> periods;
    std::vector<std::optional<double>> counts;
    for (const auto& p : series) {
        periods.push_back(p.period);
        counts.push_back(p.charted);
    }
    for (size_t i = at + 1 > n ? at + 1 - n : 0; i <= at; ++i) {
        rc.periods.push_back(periods[i]);
        rc.counts.push_back(counts[i]);
    }
    rc.now = counts[at];
    int step = period_step_months(periods);
    rc.yearly = step >= 12;
    if (at > 0) {  // the first period has nothing before it to compare with
        rc.previous = change_by_date(periods, counts, periods[at], step > 0 ? step : 3);
        // a year before; a yearly series' step is that year, and a census's ten years have no year before
        rc.year = step == 12 ? rc.previous : step < 12 ? change_by_date(periods, counts, periods[at], 12) : DatedChange{};
    }
    return rc;
}

} // namespace sespm
