// evaluate.cpp: see evaluate.h.
#include "map/evaluate.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

#include "core/csv.h"
#include "core/data_dir.h"

#include "core/error.h"
#include "io/points.h"
#include "io/spatial.h"

namespace sespm {

std::vector<std::string> native_members(Atlas& atlas, const LayerSpec& spec, Geography g, const Area& a) {
    if (spec.native == Geography::District || g == spec.native) return spec.native == g ? std::vector<std::string>{a.code} : a.members;
    // native == County
    if (g == Geography::District)
        throw UsageError("layer '" + spec.id + "' is published by county and unitary authority only; use "
                         "--geography county, subregion or region");
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
    if (col == s.rate_column) return 2;
    if (col == s.share_column) return 1;
    return 0;
}

LayerResult evaluate_rate(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt, LayerResult r) {
    LoadedFigures figs;
    try {
        figs = read_figures(atlas.data_dir(), spec);
    } catch (const DataError& e) {  // say which layer file sent us to the bad figures file
        throw DataError(spec.path + ": layer '" + spec.id + "': " + e.what());
    }
    r.report = join_report(figs, atlas.areas_lonlat(spec.native));
    const AreaSet& set = atlas.areas_lonlat(opt.geography);
    r.columns = measure_columns(spec);
    // A group (a county of districts, a LEP...) sums its members' published figures; how many it
    // summed and how many had none go with it everywhere its total goes (table, exports, tooltip).
    bool group = opt.geography != spec.native;
    if (group) r.columns.insert(r.columns.end(), {"member_areas", "members_without_figure"});
    for (size_t idx : r.selection) {
        const Area& a = set.areas[idx];
        std::vector<std::string> nm = native_members(atlas, spec, opt.geography, a);
        double ratio = 0;
        if (auto it = opt.ratio_overrides.find(a.code); it != opt.ratio_overrides.end()) ratio = it->second;
        MeasureRow m = compute_measure(spec, a.code, a.name, nm, figs.data, ratio);
        for (size_t u = 0; u < spec.user_columns.size(); ++u) {
            auto col = opt.user_values.find(spec.user_columns[u]);
            if (col == opt.user_values.end()) continue;
            double sum = 0;
            bool any = false;
            for (const auto& d : a.members)
                if (auto it = col->second.find(d); it != col->second.end()) { sum += it->second; any = true; }
            if (any) m.user[u] = sum;
        }
        std::vector<Cell> row;
        for (const auto& col : r.columns) {
            if (col == "code") row.push_back(Cell::of_text(a.code));
            else if (col == "name") row.push_back(Cell::of_text(a.name));
            else if (!spec.limit_column.empty() && col == spec.status_column) row.push_back(Cell::of_text(m.status));
            else if (group && col == "member_areas") row.push_back(Cell::of_num(m.members, 0));
            else if (group && col == "members_without_figure") row.push_back(Cell::of_num(m.members_without_figure, 0));
            else row.push_back(Cell::of_num(measure_value(spec, m, col), decimals_for(spec, col)));
        }
        std::optional<double> cv = measure_value(spec, m, spec.class_measure);
        if (cv) cv = round_to(*cv, decimals_for(spec, spec.class_measure));
        r.class_values.push_back(cv);
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
        throw UsageError("--by " + by + ": the " + (by == name_field ? "name" : "code") + " field of " + path +
                         " is text, not a number; give a numeric property, or --by area");
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
                if (!anywhere) throw UsageError("--by " + by + ": " + path + " has no such property (or it is always empty)");
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

LayerResult evaluate_layer(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt) {
    LayerResult r;
    r.spec = spec;
    r.geography = opt.geography;
    r.selection = atlas.select(opt.geography, opt.within);
    for (const auto& [code, ratio] : opt.ratio_overrides) {
        if (!atlas.areas_lonlat(opt.geography).find(code))
            throw UsageError("--ratio " + code + "=...: no " + std::string(geography_name(opt.geography)) +
                             " has the code " + code);
        if (!(ratio >= 1)) throw UsageError("--ratio " + code + ": the ratio must be at least 1 resident per place");
    }
    if (spec.kind == LayerKind::Points) return evaluate_points(atlas, spec, opt, std::move(r));
    return evaluate_rate(atlas, spec, opt, std::move(r));
}

} // namespace sespm
