// evaluate.cpp: see evaluate.h.
#include "map/evaluate.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

#include "core/csv.h"
#include "core/data_dir.h"

#include "core/error.h"
#include "rules/cell.h"
#include "rules/periods.h"
#include "geodata/points.h"
#include "geodata/spatial.h"

namespace sespm {

std::vector<std::string> native_members(Atlas& atlas, const LayerSpec& spec, Geography g, const Area& a) {
    if (spec.native == Geography::District || g == spec.native) return spec.native == g ? std::vector<std::string>{a.code} : a.members;
    // native == County
    if (g == Geography::District)
        throw SettingError("geography", "district", "layer '" + spec.id + "' is published by county and unitary authority only; "
                           "show it by county, sub-region or region");
    std::set<std::string> want(a.members.begin(), a.members.end()), covered;
    std::vector<std::string> out;
    for (const auto& c : atlas.areas_lonlat(Geography::County).areas) {
        bool all_in = !c.members.empty();
        for (const auto& m : c.members) if (!want.count(m)) { all_in = false; break; }
        if (!all_in) continue;
        out.push_back(c.code);
        covered.insert(c.members.begin(), c.members.end());
    }
    if (covered != want) return {};
    return out;
}

namespace {

int decimals_for(const LayerSpec& s, const std::string& col) {
    if (col == s.rate_column) return s.rate_decimals;
    if (s.denominator && col == s.denominator_column) return s.denominator_decimals;
    if (col == s.share_column) return 1;
    return 0;
}

// What does not change from one period to the next: each selected area's native members,
// its ratio override and its planner-entered figures.
struct PreparedArea {
    const Area* area;
    std::vector<std::string> members;
    double ratio = 0;
    std::vector<double> member_ratios;   // per member: its agreed ratio, 0 = none
    std::vector<std::optional<double>> user;
};

std::vector<PreparedArea> prepare_areas(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt,
                                        const std::vector<size_t>& selection) {
    const AreaSet& set = atlas.areas_lonlat(opt.geography);
    std::vector<PreparedArea> out;
    for (size_t idx : selection) {
        const Area& a = set.areas[idx];
        PreparedArea p{&a, native_members(atlas, spec, opt.geography, a), 0, {}, {}};
        if (auto it = opt.ratio_overrides.find(a.code); it != opt.ratio_overrides.end()) p.ratio = it->second;
        for (const auto& m : p.members) {
            auto it = opt.ratio_overrides.find(m);
            p.member_ratios.push_back(it != opt.ratio_overrides.end() ? it->second : 0);
        }
        p.user.assign(spec.user_columns.size(), std::nullopt);
        for (size_t u = 0; u < spec.user_columns.size(); ++u) {
            auto col = opt.user_values.find(spec.user_columns[u]);
            if (col == opt.user_values.end()) continue;
            double sum = 0;
            bool any = false;
            for (const auto& d : a.members)
                if (auto it = col->second.find(d); it != col->second.end()) { sum += it->second; any = true; }
            if (any) p.user[u] = sum;
        }
        out.push_back(std::move(p));
    }
    return out;
}

MeasureRow measure_of(const LayerSpec& spec, const PreparedArea& p, const FigureData& data) {
    MeasureRow m = compute_measure(spec, p.area->code, p.area->name, p.members, data, p.ratio, p.member_ratios);
    m.user = p.user;
    return m;
}

std::optional<double> class_value_of(const LayerSpec& spec, const MeasureRow& m) {
    std::optional<double> cv = measure_value(spec, m, spec.class_measure);
    if (!cv) return cv;
    double raw = *cv;
    cv = round_to(raw, decimals_for(spec, spec.class_measure));
    // a share just over the limit (100.04%) rounds to 100.0: it stays above the 100% class bound,
    // so its colour says "over" as its status does
    if (!spec.limit_column.empty() && spec.class_measure == spec.share_column && raw > 100 && *cv <= 100)
        cv = std::nextafter(100.0, 101.0);
    return cv;
}

const LoadedFigures& layer_figures(Atlas& atlas, const LayerSpec& spec) {
    try {
        return atlas.figures(spec);
    } catch (const DataError& e) {  // say which layer file sent us to the bad figures file
        throw DataError(spec.path + ": layer '" + spec.id + "': " + e.what());
    }
}

// The figures of the requested period (UsageError for a period the layer does not have).
const PeriodFigures& period_figures(const LayerSpec& spec, const LoadedFigures& figs, const std::string& wanted) {
    if (!spec.temporal()) {
        if (!wanted.empty() && wanted != "latest" && wanted != "earliest")
            throw SettingError("period", clip(wanted), "layer '" + spec.id + "' is not a time series (its figures are " +
                             spec.period + "); use latest or leave {period} out");
        return figs.periods.back();
    }
    return *figs.at(choose_period(figs.period_list(), wanted, spec.id));
}

// What a group's figure of a value layer is, said with every table and export of groups: a
// weighted mean of its members' published figures (not a published figure), or none at all.
std::string value_group_note(const LayerSpec& spec) {
    if (spec.kind != LayerKind::Value) return "";
    if (!spec.denominator)
        return column_title(spec, spec.rate_column) + " is published for " + std::string(geography_name(spec.native)) +
               "s only and cannot be combined: a group of several has no figure";
    std::string by = spec.denominator_column == "population" ? "population" : column_title(spec, spec.denominator_column);
    return column_title(spec, spec.rate_column) + " of a group is the mean of its members' published figures weighted by " + by +
           " (no counts are published), not a published figure";
}

LayerResult evaluate_rate(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt, LayerResult r) {
    const LoadedFigures& figs = layer_figures(atlas, spec);
    r.report = join_report(figs, atlas.areas_lonlat(spec.native));  // a file joining nothing is a DataError first
    const PeriodFigures& pf = period_figures(spec, figs, opt.period);
    r.period = pf.period;
    r.periods = figs.period_list();
    r.denominator_label = pf.denominator_label;
    r.period_notes = pf.notes;
    r.columns = measure_columns(spec);
    // A group (a county of districts, a LEP...) sums its members' published figures; how many it
    // summed and how many had none go with it everywhere its total goes (table, exports, tooltip).
    bool group = opt.geography != spec.native;
    if (group) r.columns.insert(r.columns.end(), {"member_areas", "members_without_figure"});
    std::string combined = group ? value_group_note(spec) : "";
    if (!combined.empty()) {
        if (spec.denominator) r.columns.push_back("combined_as");
        r.period_notes.push_back(combined);
    }
    for (const auto& p : prepare_areas(atlas, spec, opt, r.selection)) {
        MeasureRow m = measure_of(spec, p, pf.data);
        std::vector<Cell> row;
        for (const auto& col : r.columns) {
            if (col == "code") row.push_back(Cell::of_text(m.code));
            else if (col == "name") row.push_back(Cell::of_text(m.name));
            else if (!spec.limit_column.empty() && col == spec.status_column) row.push_back(Cell::of_text(m.status));
            else if (!spec.limit_rule_column.empty() && col == spec.limit_rule_column) row.push_back(Cell::of_text(m.limit_rule));
            else if (group && col == "member_areas") row.push_back(Cell::of_num(m.members, 0));
            else if (group && col == "members_without_figure") row.push_back(Cell::of_num(m.members_without_figure, 0));
            else if (col == "combined_as") row.push_back(Cell::of_text(!m.rate ? "" : m.members > 1 ? "weighted mean of members" : "published figure"));
            else row.push_back(Cell::of_num(measure_value(spec, m, col), decimals_for(spec, col)));
        }
        r.class_values.push_back(class_value_of(spec, m));
        r.rows.push_back(std::move(row));
        r.measures.push_back(std::move(m));
    }
    return r;
}

LayerResult evaluate_points(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt, LayerResult r) {
    std::string file = opt.points_file.empty() ? resolve_in_data_dir(atlas.data_dir(), spec.points_file, spec.path, "points.file")
                                               : opt.points_file;
    PointSet pts = read_points(file, spec.point_label, postcode_lookup_file(atlas.data_dir()));
    const AreaSet& set = atlas.areas(opt.geography);
    std::vector<int> counts = count_points(atlas.geos(), set, r.selection, pts);
    std::vector<NearestPoint> near = nearest_points(atlas.geos(), set, r.selection, pts);
    r.columns = {"code", "name", spec.points_count_column, "nearest", "distance_km"};
    r.report.areas = set.areas.size();
    for (size_t k = 0; k < r.selection.size(); ++k) {
        const Area& a = set.areas[r.selection[k]];
        std::vector<Cell> row{Cell::of_text(a.code), Cell::of_text(a.name), Cell::of_num(counts[k], 0)};
        if (near[k].point >= 0) {
            row.push_back(Cell::of_text(pts.labels[near[k].point]));
            row.push_back(Cell::of_num(near[k].distance_m / 1000.0, 2));
        } else {
            row.push_back(Cell::of_text(""));
            row.push_back(Cell::of_num(std::nullopt, 2));
        }
        if (counts[k] > 0) ++r.report.matched;
        r.class_values.push_back(static_cast<double>(counts[k]));
        r.rows.push_back(std::move(row));
    }
    return r;
}

} // namespace

LayerResult evaluate_file(Atlas& atlas, const std::string& path, const std::string& by,
                          const std::string& code_field, const std::string& name_field) {
    bool by_area = by == "area";
    if (by == name_field || by == code_field)  // issue 9: say the field is text
        throw SettingError("by", by, std::string("the ") + (by == name_field ? "name" : "code") + " field of " + path +
                         " is text, not a number; give a numeric property, or {by} area");
    const AreaSet& set = atlas.open_file(path, code_field, name_field, by_area);
    LayerResult r;
    r.spec.id = std::filesystem::path(path).stem().string();
    r.spec.title = r.spec.id + (by_area ? ": area" : ": " + by);
    r.spec.class_measure = by_area ? "area_km2" : by;
    r.columns = {"code", "name", r.spec.class_measure};
    r.report.areas = set.areas.size();
    for (size_t i = 0; i < set.areas.size(); ++i) {
        const Area& a = set.areas[i];
        std::optional<double> v;
        int decimals = 3;
        if (by_area) {
            double m2 = 0;
            GEOSArea_r(atlas.geos(), a.bng.get(), &m2);
            v = m2 / 1e6;
        } else {
            auto it = a.props.find(by);
            if (it == a.props.end()) {
                bool anywhere = false;
                for (const auto& o : set.areas) anywhere |= o.props.count(by) > 0;
                if (!anywhere) throw SettingError("by", by, path + " has no such property (or it is always empty)");
            } else {
                v = parse_figure(it->second, path + ": feature " + std::to_string(i + 1) + " (" + a.code + ")", 0, by, true);
                decimals = it->second.find('.') == std::string::npos ? 0 : 3;
            }
        }
        r.selection.push_back(i);
        r.rows.push_back({Cell::of_text(a.code), Cell::of_text(a.name), Cell::of_num(v, decimals)});
        if (v) {
            v = round_to(*v, decimals);
            ++r.report.matched;
        }
        r.class_values.push_back(v);
    }
    return r;
}

std::vector<std::string> layer_periods(Atlas& atlas, const LayerSpec& spec) {
    if (!spec.temporal()) return {};
    return layer_figures(atlas, spec).period_list();
}

std::vector<double> pooled_class_values(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt) {
    std::vector<double> out;
    if (!spec.has_figures()) return out;
    const LoadedFigures& figs = layer_figures(atlas, spec);
    std::vector<PreparedArea> areas = prepare_areas(atlas, spec, opt, atlas.select(opt.geography, opt.within));
    for (const auto& pf : figs.periods)
        for (const auto& p : areas)
            if (auto v = class_value_of(spec, measure_of(spec, p, pf.data))) out.push_back(*v);
    return out;
}

std::vector<double> period_class_values(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt) {
    std::vector<double> out;
    for (const auto& v : evaluate_layer(atlas, spec, opt).class_values)
        if (v) out.push_back(*v);
    return out;
}

std::vector<std::vector<SeriesPoint>> layer_series(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt) {
    if (!spec.temporal()) return {};
    const LoadedFigures& figs = layer_figures(atlas, spec);
    std::vector<PreparedArea> areas = prepare_areas(atlas, spec, opt, atlas.select(opt.geography, opt.within));
    std::vector<std::vector<SeriesPoint>> out(areas.size());
    for (size_t i = 0; i < areas.size(); ++i)
        for (const auto& pf : figs.periods) {
            MeasureRow m = measure_of(spec, areas[i], pf.data);
            std::optional<double> rate = m.rate ? std::optional<double>(round_to(*m.rate, spec.rate_decimals)) : std::nullopt;
            std::optional<double> share = m.share_pct ? std::optional<double>(round_to(*m.share_pct, 1)) : std::nullopt;
            out[i].push_back({pf.period, m.count, rate, share, class_value_of(spec, m), m.limit,
                              spec.kind == LayerKind::Value ? rate : m.count});
        }
    return out;
}

LayerResult evaluate_layer(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt) {
    LayerResult r;
    r.spec = spec;
    r.geography = opt.geography;
    r.selection = atlas.select(opt.geography, opt.within);
    for (const auto& [code, ratio] : opt.ratio_overrides) {
        // an area of the geography shown, or a district: its agreed ratio counts in its groups' limits
        if (!atlas.areas_lonlat(opt.geography).find(code) && !atlas.areas_lonlat(Geography::District).find(code))
            throw SettingError("ratio", code, "no " + std::string(geography_name(opt.geography)) + " or district has this code");
        if (!(ratio >= 1)) throw SettingError("ratio", code, "the ratio must be at least 1 resident per place");
    }
    if (spec.kind == LayerKind::Points) {
        if (!opt.period.empty() && opt.period != "latest" && opt.period != "earliest")
            throw SettingError("period", clip(opt.period), "layer '" + spec.id + "' is not a time series (" + spec.period + ")");
        return evaluate_points(atlas, spec, opt, std::move(r));
    }
    if (!opt.points_file.empty())  // it was ignored, even a file that did not exist
        throw SettingError("points", clip(opt.points_file), "layer '" + spec.id + "' counts no points, so it would not be read; "
                         "a points file replaces the points of a points layer (e.g. esol)");
    return evaluate_rate(atlas, spec, opt, std::move(r));
}

} // namespace sespm
