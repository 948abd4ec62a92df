// dated_change.cpp: see dated_change.h.
#include "rules/dated_change.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "rules/cell.h"
#include "rules/periods.h"

namespace sespm {

DatedChange change_by_date(const std::vector<std::string>& periods, const std::vector<std::optional<double>>& counts,
                           const std::string& period, int months) {
    DatedChange c;
    c.months = months;
    c.period = period;
    if (!is_iso_date(period)) return c;
    c.since = months_before(period, months);
    for (size_t i = 0; i < periods.size(); ++i) {
        std::optional<double> count = i < counts.size() ? counts[i] : std::nullopt;  // no counts: the dates alone
        if (periods[i] == period) c.now = count;
        // the same calendar month: a census day moves (27 Mar 2011, 21 Mar 2021), a quarter's end does not
        if (is_iso_date(periods[i]) && months_between(periods[i], period) == months) {
            c.since = periods[i];
            c.published = true;
            c.before = count;
        }
    }
    if (c.now && c.before) c.change = *c.now - *c.before;
    return c;
}

std::string signed_count(double change) {
    if (change == 0) return "±0";
    return (change > 0 ? "+" : "-") + Cell::of_num(std::fabs(change), 0).display();
}

std::string change_phrase(const DatedChange& c, bool with_percent) {
    if (!c.now || c.since.empty()) return "";
    if (!c.change) return "no figure for " + quarter_label(c.since);
    std::string when = " since " + quarter_label(c.since);
    if (*c.change == 0) return "no change" + when;
    std::string s = signed_count(*c.change) + when;
    if (with_percent && c.before && *c.before != 0) {
        char pct[32];
        std::snprintf(pct, sizeof pct, " (%+.1f%%)", 100.0 * *c.change / *c.before);
        s += pct;
    }
    return s;
}

} // namespace sespm
