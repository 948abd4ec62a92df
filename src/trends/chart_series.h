// chart_series.h: what a chart over time shows, the same for the window's View > Chart over
// time, `sespm-map chart` and its PNG/PDF/SVG: one line per area (the areas asked for, or the
// South East and its four sub-regions) across every period of a time-series layer, a single
// area's limit and agreed trigger at the latest period, the layer's series-break notes, and the
// attribution. Built from layer_series, so every value is one `trend` prints.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "rules/types.h"
#include "map/evaluate.h"
#include "map/session.h"

namespace sespm {

struct ChartLine {
    std::string code, name;
    std::vector<std::string> periods;            // oldest first
    std::vector<std::optional<double>> counts;   // per period; missing = no published figure (a gap)
};

struct ChartSeries {
    std::string layer_id, title, count_title, limit_title;
    std::vector<ChartLine> lines;
    // With one line: its limit at the latest period, and its agreed trigger (pct of that limit)
    // as a count, drawn as level lines.
    std::optional<double> limit, trigger_count, trigger_pct;
    std::vector<std::string> notes;              // the layer's series breaks
    std::string attribution;
};

// UsageError when the layer is not a time series or a code is not an area of `g` among the
// layer's areas. `codes` empty: the South East (E12000008) and its sub-regions.
ChartSeries chart_series(Session& s, const std::string& layer_id, Geography g, const std::set<std::string>& codes);

} // namespace sespm
