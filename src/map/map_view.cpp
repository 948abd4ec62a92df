// map_view.cpp: see map_view.h.
#include "map/map_view.h"

#include <algorithm>
#include <cstdlib>
#include <cmath>
#include <limits>
#include <map>

#include "core/data_dir.h"
#include "core/error.h"
#include "outputs/attribution.h"
#include "map/fair_share_factors.h"
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
static void apply_scenario(Atlas& atlas, const LayerSpec& spec, const MapRequest& opt, MapView& v) {
    ScenarioOutcome a = evaluate_scenario_in(atlas, spec, *opt.scenario, opt.within, opt.period);
    std::optional<ScenarioOutcome> b;
    if (opt.compare_with) b = evaluate_scenario_in(atlas, spec, *opt.compare_with, opt.within, opt.period);
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

// Replaces the published figures of the selected districts by a fair-share model's pressure
// index (0: the least pressure on every factor) and each factor's pressure (0 to 1).
static void apply_pressure(Atlas& atlas, const std::vector<LayerSpec>& layers, const MapRequest& req, MapView& v) {
    LayerResult& r = v.result;
    if (req.layer_id != "dispersal" || !req.open_file.empty())
        throw UsageError("a pressure index is drawn over the dispersal layer's districts, not with another layer or a file");
    // the districts an allocation shares over: those with a population figure (as dispersal_baseline)
    std::vector<AllocationInput> areas;
    std::vector<int> area_of_row(r.measures.size(), -1);
    for (size_t i = 0; i < r.measures.size(); ++i)
        if (r.measures[i].denominator) {
            area_of_row[i] = static_cast<int>(areas.size());
            areas.push_back({r.measures[i].code, *r.measures[i].denominator, 0, 0});
        }
    std::vector<std::string> said;
    std::vector<Factor> factors = read_factors(atlas, layers, req.pressure, req.within, areas, said);
    std::vector<double> index = pressure_index(areas, factors);
    std::vector<std::vector<double>> by_factor;
    for (const auto& f : factors) by_factor.push_back(factor_pressure(f, areas));
    r.columns = {"code", "name", "pressure_index"};
    std::string model, sources;
    for (const auto& f : factors) {
        const LayerSpec* spec = nullptr;
        for (const auto& l : layers) if (l.id == f.name) spec = &l;
        std::string title = spec ? spec->title : f.name;
        r.columns.push_back("pressure_" + f.name);
        r.spec.column_titles["pressure_" + f.name] = "Pressure: " + title + " (0 to 1)";
        model += (model.empty() ? "" : ", ") + title + " " + Cell::of_num(f.weight, 2).display();
        if (spec && sources.find(spec->attribution) == std::string::npos) sources += " " + spec->attribution;
    }
    r.rows.clear();
    r.class_values.clear();
    for (size_t i = 0; i < r.measures.size(); ++i) {
        int k = area_of_row[i];
        auto at = [&](const std::vector<double>& v) { return k < 0 ? std::optional<double>() : std::optional<double>(v[k]); };
        std::vector<Cell> row{Cell::of_text(r.measures[i].code), Cell::of_text(r.measures[i].name), Cell::of_num(at(index), 2)};
        for (const auto& p : by_factor) row.push_back(Cell::of_num(at(p), 2));
        r.rows.push_back(std::move(row));
        r.class_values.push_back(k < 0 ? std::nullopt : std::optional<double>(round_to(index[k], 2)));
    }
    r.spec.class_measure = "pressure_index";
    r.spec.column_titles["pressure_index"] = "Pressure index";
    r.period_notes = said;
    r.periods.clear();   // each factor at its own latest period: no period to step through
    r.period.clear();
    r.spec.title = "Pressure index of the fair-share model";
    v.title = r.spec.title;
    v.subtitle = "Weights: " + model + "; each factor scaled 0 (least pressure) to 1 (most) over these districts";
    v.legend_title = "Pressure index (0 = least pressure)";
    v.attribution = full_attribution(atlas.data_dir(), sources.empty() ? "" : sources.substr(1));
}

namespace {

// The layer (or opened file) evaluated over the request's areas, with title and attribution.
const LayerSpec* evaluate_request(Atlas& atlas, const std::vector<LayerSpec>& layers, const MapRequest& req, MapView& v) {
    if (!req.open_file.empty()) {
        std::string by = req.by.empty() ? "area" : req.by;
        v.result = evaluate_file(atlas, req.open_file, by, req.code_field, req.name_field);
        v.set = &atlas.open_file(req.open_file, req.code_field, req.name_field, req.for_drawing || by == "area");
        v.title = v.result.spec.title;
        v.legend_title = by == "area" ? "Area (km²)" : by;
        v.attribution = file_attribution(atlas.data_dir(), req.open_file);
        return nullptr;
    }
    const LayerSpec* spec = nullptr;
    for (const auto& l : layers) if (l.id == req.layer_id) spec = &l;
    if (!spec) throw SettingError("layer", req.layer_id, "no such layer");
    v.result = evaluate_layer(atlas, *spec, evaluate_options_of(req));
    v.set = req.for_drawing ? &atlas.areas(req.geography) : &atlas.areas_lonlat(req.geography);
    v.title = spec->title;
    v.subtitle = spec->period;
    if (!v.result.period.empty())
        v.subtitle = "As at " + long_date(v.result.period) + "; rates use " + v.result.denominator_label;
    v.legend_title = spec->class_legend;
    v.attribution = full_attribution(atlas.data_dir(), spec->attribution);
    return spec;
}

// Colours per area (context, class or no figure) and the BNG extent of the selected areas.
void colour_areas(Atlas& atlas, MapView& v) {
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
        const GEOSGeometry* g = v.set->areas[i].bng.get();
        if (!g) continue;  // lon/lat only (an export): no extent needed
        double x0, y0, x1, y1;
        GEOSGeom_getXMin_r(atlas.geos(), g, &x0);
        GEOSGeom_getYMin_r(atlas.geos(), g, &y0);
        GEOSGeom_getXMax_r(atlas.geos(), g, &x1);
        GEOSGeom_getYMax_r(atlas.geos(), g, &y1);
        b = {std::min(b.minx, x0), std::min(b.miny, y0), std::max(b.maxx, x1), std::max(b.maxy, y1)};
    }
    v.selection_bbox = b;
}

void read_points_layer(Atlas& atlas, const std::vector<LayerSpec>& layers, const std::string& id, MapView& v) {
    const LayerSpec* pl = nullptr;
    for (const auto& l : layers) if (l.id == id && l.kind == LayerKind::Points) pl = &l;
    if (!pl) throw UsageError("points layer '" + id + "' is not a points layer");
    v.points = read_points(atlas.data_dir() + "/" + pl->points_file, pl->point_label, postcode_lookup_file(atlas.data_dir()));
    v.points_title = pl->title;
    v.attribution += " Points: " + pl->attribution;
}

} // namespace

EvaluateOptions evaluate_options_of(const MapRequest& req) {
    EvaluateOptions eo;
    eo.geography = req.geography;
    eo.within = req.within;
    eo.ratio_overrides = req.ratio_overrides;
    eo.points_file = req.points_file;
    eo.user_values = req.user_values;
    eo.period = req.period;
    return eo;
}

std::string long_date(const std::string& iso) {
    static const char* months[] = {"January", "February", "March", "April", "May", "June", "July",
                                   "August", "September", "October", "November", "December"};
    if (iso.size() != 10) return iso;
    int m = std::atoi(iso.substr(5, 2).c_str()), d = std::atoi(iso.substr(8, 2).c_str());
    if (m < 1 || m > 12) return iso;
    return std::to_string(d) + " " + months[m - 1] + " " + iso.substr(0, 4);
}

std::vector<LegendClass> legend_classes(const MapView& v) {
    std::vector<LegendClass> out;
    const Classification& c = v.styled.classification;
    for (int k = 0; k < c.class_count(); ++k) {
        LegendClass e;
        e.min = k == 0 ? c.min : c.upper[k - 1];
        e.max = c.upper[k];
        e.label = k < static_cast<int>(v.legend.size()) ? v.legend[k].label : "";
        e.fill = v.styled.palette[k].hex();
        out.push_back(e);
    }
    return out;
}

MapView build_map_view(Atlas& atlas, const std::vector<LayerSpec>& layers, const MapRequest& req) {
    MapView v;
    v.options = req;
    const LayerSpec* spec = evaluate_request(atlas, layers, req, v);
    if (req.scenario && spec && spec->id == "dispersal" && req.geography == Geography::District)
        apply_scenario(atlas, *spec, req, v);
    else if (req.scenario)
        throw UsageError("a scenario is shown on the dispersal layer at district level");
    if (!req.pressure.empty() && req.scenario) throw UsageError("show a scenario or a model's pressure index, not both");
    if (!req.pressure.empty() && req.geography != Geography::District)
        throw SettingError("geography", std::string(geography_name(req.geography)), "a pressure index is worked out over districts");
    if (!req.pressure.empty()) apply_pressure(atlas, layers, req, v);
    v.kind = !req.pressure.empty() ? MapKind::Pressure : !req.scenario ? MapKind::Layer : req.compare_with ? MapKind::Difference : MapKind::Scenario;
    std::vector<double> pool;
    std::string pooled;
    EvaluateOptions class_options = evaluate_options_of(req);  // the areas the classes are made over
    if (req.classes_within) class_options.within = req.classes_within;
    std::string whose = req.classes_within ? req.classes_within_name + "'s " : "";
    if (spec && spec->temporal() && v.kind == MapKind::Layer) {
        const auto& ps = v.result.periods;
        if (req.classes_over_period) {
            v.classes_over = "this period only (" + v.result.period + ")";
            if (req.classes_within) pool = period_class_values(atlas, *spec, class_options);
        } else {
            pool = pooled_class_values(atlas, *spec, class_options);
            v.classes_over = "all periods pooled (" + std::to_string(ps.size()) + ", " + ps.front() + " to " + ps.back() + ")";
        }
        pooled = "classes over " + v.classes_over;
        v.series = layer_series(atlas, *spec, evaluate_options_of(req));
        v.legend_title += " (" + (whose.empty() ? std::string("classes") : whose + "classes") +
                          (req.classes_over_period ? ": this period)" : ": all periods)");
    } else if (req.classes_within && v.kind == MapKind::Layer && spec) {
        pool = period_class_values(atlas, *spec, class_options);
        v.legend_title += " (" + whose + "classes)";
    }
    if (req.classes_within) pooled = whose + (pooled.empty() ? "classes" : pooled);
    ClassRequest classes = req.classes;
    if (req.classes_within) classes.areas_classed = atlas.select(req.geography, req.classes_within).size();
    ClassPolicy policy = choose_classes(v.result.class_values, classes, spec, v.kind, pool, pooled);
    v.palette = chosen_palette(req.classes, spec, v.kind);
    v.styled = std::move(policy.styled);
    v.classification = policy.description;
    v.class_note = policy.note;
    colour_areas(atlas, v);
    int dec = legend_decimals(v.styled.classification);
    for (int k = 0; k < v.styled.classification.class_count(); ++k)
        v.legend.push_back({v.styled.palette[k], v.styled.classification.label(k, dec)});
    if (!policy.top_label.empty() && !v.legend.empty()) v.legend.back().label = policy.top_label;
    if (v.has_missing) v.legend.push_back({no_figure_colour, "No published figure"});
    if (!req.points_layer.empty()) read_points_layer(atlas, layers, req.points_layer, v);
    return v;
}

} // namespace sespm
