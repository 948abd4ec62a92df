// chart_series.cpp: the lines of a chart over time, from the layer's series.
#include "trends/chart_series.h"

#include "rules/cell.h"
#include "core/error.h"
#include "outputs/attribution.h"
#include "stores/project_store.h"

namespace sespm {

namespace {

// Adds a line per area of `g` (within `within`) that `only` names (every area when empty);
// keeps the latest limit of the last one (used when the chart has one line).
void add_lines(Session& s, const LayerSpec& spec, Geography g, const std::optional<std::string>& within,
               const std::set<std::string>& only, ChartSeries& c) {
    EvaluateOptions o;
    o.geography = g;
    o.within = within;
    o.user_values = s.user_values();
    LayerResult r = evaluate_layer(*s.atlas, spec, o);
    auto series = layer_series(*s.atlas, spec, o);
    for (size_t a = 0; a < series.size() && a < r.rows.size(); ++a) {
        if (!only.empty() && !only.count(r.rows[a][0].text)) continue;
        ChartLine line{r.rows[a][0].text, r.rows[a][1].text, {}, {}};
        for (const auto& p : series[a]) {
            line.periods.push_back(p.period);
            line.counts.push_back(p.charted);
        }
        if (!series[a].empty()) c.limit = series[a].back().limit;
        c.lines.push_back(std::move(line));
    }
}

} // namespace

ChartSeries chart_series(Session& s, const std::string& layer_id, Geography g, const std::set<std::string>& codes) {
    const LayerSpec& spec = s.layer(layer_id);
    if (!spec.temporal()) throw UsageError("layer '" + layer_id + "' is not a time series (" + spec.period + "): nothing to chart over time");
    ChartSeries c;
    c.layer_id = layer_id;
    c.title = spec.title;
    c.count_title = column_title(spec, charted_column(spec));
    if (!spec.limit_column.empty()) c.limit_title = column_title(spec, spec.limit_column);
    for (const auto& n : spec.breaks) c.notes.push_back(n.from + " to " + n.to + ": " + n.note);
    c.attribution = full_attribution(s.atlas->data_dir(), spec.attribution);
    if (codes.empty()) {
        add_lines(s, spec, Geography::Region, std::string("E12000008"), {}, c);
        add_lines(s, spec, Geography::Subregion, std::string("E12000008"), {}, c);
    } else {
        add_lines(s, spec, g, std::nullopt, codes, c);
        for (const auto& code : codes) {
            bool found = false;
            for (const auto& l : c.lines) found |= l.code == code;
            if (!found) throw SettingError("codes", code, "no " + std::string(geography_name(g)) + " of layer '" + layer_id + "' has that code");
        }
    }
    if (c.lines.size() != 1) { c.limit.reset(); return c; }
    if (ProjectStore* p = s.project_for_reading()) {
        auto t = p->triggers().find(c.lines[0].code);
        if (t != p->triggers().end() && c.limit) {
            c.trigger_pct = t->second;
            c.trigger_count = *c.limit * t->second / 100.0;
        }
    }
    return c;
}

} // namespace sespm
