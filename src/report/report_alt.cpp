// report_alt.cpp: see report_alt.h.
#include "report/report_alt.h"

#include <algorithm>

#include "rules/cell.h"
#include "rules/periods.h"

namespace sespm {

std::string ranked_chart_alt(const DotChartPart& c, const std::string& unit) {
    auto items = c.items;
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
        if (!a.second || !b.second) return a.second.has_value() && !b.second.has_value();
        return *a.second > *b.second;
    });
    std::string out = "Chart: " + c.title + " (" + c.axis + ").";
    std::string top;
    size_t over = 0, shown = 0, missing = 0;
    for (const auto& [name, v] : items) {
        if (!v) { ++missing; continue; }
        if (c.limit > 0 && *v > c.limit) ++over;
        if (shown < 3) top += (shown == 0 ? "" : shown == 2 ? " and " : ", ") + name + " " + Cell::of_num(*v, 1).display() + unit;
        ++shown;
    }
    if (!top.empty()) out += " Highest: " + top + ".";
    if (c.limit > 0) out += " " + std::to_string(over) + " above the " + c.limit_label + ".";
    if (missing > 0) out += " " + std::to_string(missing) + " with no published figure.";
    return out;
}

std::string trend_chart_alt(const std::string& title, const std::vector<std::pair<std::string, AreaTrend>>& lines) {
    std::string out = "Line chart: " + title;
    if (!lines.empty() && !lines[0].second.periods.empty())
        out += ", from " + quarter_label(lines[0].second.periods.front()) + " to " + quarter_label(lines[0].second.periods.back());
    out += ".";
    for (const auto& [name, t] : lines) {
        size_t last = t.counts.size(), peak = t.counts.size();
        for (size_t i = 0; i < t.counts.size(); ++i) {
            if (!t.counts[i]) continue;
            last = i;
            if (peak == t.counts.size() || *t.counts[i] > *t.counts[peak]) peak = i;
        }
        if (last == t.counts.size()) continue;
        out += " " + name + ": " + Cell::of_num(t.counts[last], 0).display() + " at " + quarter_label(t.periods[last]) +
               ", highest " + Cell::of_num(t.counts[peak], 0).display() + " at " + quarter_label(t.periods[peak]) + ".";
    }
    return out;
}

} // namespace sespm
