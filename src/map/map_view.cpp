// map_view.cpp: see map_view.h.
#include "map/map_view.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "core/error.h"
#include "io/attribution.h"
#include "map/scenario_eval.h"

namespace sespm {

int legend_decimals(const Classification& c) {
    if (c.class_count() == 0) return 0;
    double span = c.max - c.min;
    bool integral = true;
    for (double u : c.upper) integral &= std::abs(u - std::round(u)) < 1e-9;
    if (integral && std::abs(c.min - std::round(c.min)) < 1e-9) return 0;
    if (span >= 100) return 0;
    if (span >= 5) return 1;
    return 2;
}

// Replaces the published figures of the selected districts by a scenario's outcome (or the
// difference between two scenarios), keeping the same areas and selection.
static void apply_scenario(Atlas& atlas, const LayerSpec& spec, const MapViewOptions& opt, MapView& v) {
    ScenarioOutcome a = evaluate_scenario_in(atlas, spec, *opt.scenario, opt.within);
    std::optional<ScenarioOutcome> b;
    if (opt.compare_with) b = evaluate_scenario_in(atlas, spec, *opt.compare_with, opt.within);
    std::map<std::string, const DistrictOutcome*> by_code, by_code_b;
    for (const auto& d : a.districts) by_code[d.code] = &d;
    if (b) for (const auto& d : b->districts) by_code_b[d.code] = &d;
    LayerResult& r = v.result;
    r.columns = kOutcomeColumns;
    if (b) r.columns.insert(r.columns.end(), {"other_new_total", "difference"});
    r.rows.clear();
    r.class_values.clear();
    for (size_t k = 0; k < r.selection.size(); ++k) {
        const std::string& code = r.measures[k].code;
        const DistrictOutcome* d = by_code.count(code) ? by_code[code] : nullptr;
        if (!d) {
            std::vector<Cell> row{Cell::of_text(code), Cell::of_text(r.measures[k].name)};
            row.resize(r.columns.size(), Cell::of_num(std::nullopt, 0));
            r.rows.push_back(row);
            r.class_values.push_back(std::nullopt);
            continue;
        }
        std::vector<Cell> row = outcome_cells(*d);
        std::optional<double> cls = round_to(d->share_pct, 1);
        if (b) {
            const DistrictOutcome* e = by_code_b.count(code) ? by_code_b[code] : nullptr;
            double diff = e ? e->new_total - d->new_total : 0;
            row.push_back(Cell::of_num(e ? std::optional<double>(e->new_total) : std::nullopt, 0));
            row.push_back(Cell::of_num(diff, 0));
            cls = diff;
        }
        r.rows.push_back(std::move(row));
        r.class_values.push_back(cls);
    }
    r.spec.class_measure = b ? "difference" : "share_of_limit_pct";
    v.title = b ? "Comparing dispersal scenarios" : "Dispersal scenario: " + opt.scenario->name;
    v.legend_title = b ? "Places: " + opt.compare_with->name + " minus " + opt.scenario->name : "Share of the cluster limit (%)";
    v.attribution += " Scenario places are proposals entered by planners.";
}

MapView build_map_view(Atlas& atlas, const std::vector<LayerSpec>& layers, const MapViewOptions& opt) {
    MapView v;
    v.options = opt;
    const LayerSpec* spec = nullptr;
    if (!opt.open_file.empty()) {
        v.result = evaluate_file(atlas, opt.open_file, opt.by.empty() ? "area" : opt.by, opt.code_field, opt.name_field);
        v.set = &atlas.open_file(opt.open_file, opt.code_field, opt.name_field, true);
        v.title = v.result.spec.title;
        v.legend_title = opt.by.empty() || opt.by == "area" ? "Area (km²)" : opt.by;
        v.attribution = file_attribution(atlas.data_dir(), opt.open_file);
    } else {
        for (const auto& l : layers) if (l.id == opt.layer_id) spec = &l;
        if (!spec) throw UsageError("--layer " + opt.layer_id + ": no such layer");
        EvaluateOptions eo;
        eo.geography = opt.geography;
        eo.within = opt.within;
        eo.user_values = opt.user_values;
        v.result = evaluate_layer(atlas, *spec, eo);
        v.set = &atlas.areas(opt.geography);
        v.title = spec->title;
        v.subtitle = spec->period;
        v.legend_title = spec->class_legend;
        v.attribution = full_attribution(atlas.data_dir(), spec->attribution);
    }
    if (opt.scenario && spec && spec->id == "dispersal" && opt.geography == Geography::District)
        apply_scenario(atlas, *spec, opt, v);
    else if (opt.scenario)
        throw UsageError("a scenario is shown on the dispersal layer at district level");
    std::string method_name = !opt.method.empty() ? opt.method : spec ? spec->class_method : "quantile";
    auto method = parse_class_method(method_name);
    if (!method) throw UsageError("--classify " + method_name + ": use quantile, equal, jenks or stddev");
    int classes = opt.classes > 0 ? opt.classes : spec ? spec->classes : 5;
    if (classes < 2 || classes > 12) throw UsageError("--classes " + std::to_string(classes) + ": use 2 to 12");
    std::string palette = !opt.palette.empty() ? opt.palette : opt.compare_with ? "blue-red" : spec ? spec->palette : "yellow-green-blue";
    if (!palette_exists(palette)) throw UsageError("--palette " + palette + ": no such palette");
    if (opt.scenario && !opt.compare_with && opt.method.empty()) {
        // A scenario map: classes planners read at a glance, aligned with the status words
        // (near = 90% of the limit, over = above 100%), the same for every scenario.
        double top = 100.0001;
        for (const auto& x : v.result.class_values) if (x) top = std::max(top, *x);
        v.styled = style_fixed_classes(v.result.class_values, 0, {25, 50, 75, 90, 100, top}, palette);
    } else if (opt.compare_with && opt.method.empty()) {
        // A difference map: classes symmetric about zero, so the light middle class means "the
        // same in both" and the diverging colours read as fewer (blue) or more (red) places.
        double m = 0;
        for (const auto& x : v.result.class_values) if (x) m = std::max(m, std::abs(*x));
        if (m == 0) m = 1;
        // places are whole numbers: whole-number bounds read better ("-19 – -6", not "-19.2 – -6.4")
        double a = m >= 5 ? std::round(0.6 * m) : 0.6 * m, b = m >= 5 ? std::max(1.0, std::round(0.2 * m)) : 0.2 * m;
        v.styled = style_fixed_classes(v.result.class_values, -m, {-a, -b, b, a, m}, palette);
    } else {
        v.styled = style_values(v.result.class_values, *method, classes, palette,
                                spec ? std::span<const double>(spec->manual_breaks) : std::span<const double>());
    }

    v.row_of_area.assign(v.set->areas.size(), -1);
    for (size_t r = 0; r < v.result.selection.size(); ++r) v.row_of_area[v.result.selection[r]] = static_cast<int>(r);
    v.colours.resize(v.set->areas.size());
    Bbox b{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
           std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    for (size_t i = 0; i < v.set->areas.size(); ++i) {
        int r = v.row_of_area[i];
        if (r < 0) { v.colours[i] = Rgba::from(context_colour); continue; }
        int k = v.styled.class_index[r];
        if (k < 0) v.has_missing = true;
        v.colours[i] = Rgba::from(k >= 0 ? v.styled.palette[k] : no_figure_colour);
        double x0, y0, x1, y1;
        const GEOSGeometry* g = v.set->areas[i].bng.get();
        GEOSGeom_getXMin_r(atlas.geos(), g, &x0);
        GEOSGeom_getYMin_r(atlas.geos(), g, &y0);
        GEOSGeom_getXMax_r(atlas.geos(), g, &x1);
        GEOSGeom_getYMax_r(atlas.geos(), g, &y1);
        b = {std::min(b.minx, x0), std::min(b.miny, y0), std::max(b.maxx, x1), std::max(b.maxy, y1)};
    }
    v.selection_bbox = b;
    int dec = legend_decimals(v.styled.classification);
    for (int k = 0; k < v.styled.classification.class_count(); ++k)
        v.legend.push_back({v.styled.palette[k], v.styled.classification.label(k, dec)});
    if (opt.scenario && !opt.compare_with && opt.method.empty() && !v.legend.empty())
        v.legend.back().label = "over 100 (over the limit)";
    if (v.has_missing) v.legend.push_back({no_figure_colour, "No published figure"});

    if (!opt.points_layer.empty()) {
        const LayerSpec* pl = nullptr;
        for (const auto& l : layers) if (l.id == opt.points_layer && l.kind == LayerKind::Points) pl = &l;
        if (!pl) throw UsageError("points layer '" + opt.points_layer + "' is not a points layer");
        v.points = read_points(atlas.data_dir() + "/" + pl->points_file, pl->point_label,
                               atlas.data_dir() + "/postcodes/codepoint_south_east.csv");
        v.points_title = pl->title;
        v.attribution += " Points: " + pl->attribution;
    }
    return v;
}

} // namespace sespm
