// cmd_query.cpp: `sespm-map query ...`, the spatial questions, as CSV on stdout:
// neighbours, within, count-points, nearest, dissolve.
#include <geos_c.h>

#include <cstdio>
#include <iostream>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/error.h"
#include "io/attribution.h"
#include "io/export.h"
#include "io/points.h"
#include "io/spatial.h"

namespace sespm {

static const char* kQueryHelp = R"(usage: sespm-map query neighbours   --code CODE [--geography G]
       sespm-map query within       --code CODE --km N [--geography G]
       sespm-map query count-points --points FILE [--geography G] [--within CODE]
       sespm-map query nearest      --points FILE [--geography G] [--within CODE]
       sespm-map query dissolve     (--codes CODE,CODE,... | --group-by FIELD) [--geography G] [-o FILE]
       (all accept --data DIR and --layers DIR; G is district (default), county, lep,
        subregion or region; --open FILE [--code-field F] [--name-field F] asks the question
        of any polygon file GDAL reads instead, e.g. England's wards)

CSV on stdout, one row per area, computed with GEOS in British National Grid (EPSG:27700):
  neighbours    code,name                    areas sharing a boundary line with CODE
  within        code,name,distance_km        areas within N km of CODE's boundary, nearest first
  count-points  code,name,count              points inside each area
  nearest       code,name,nearest,distance_km  the nearest point to each area (0 when inside)
  dissolve      code,members,area_km2,parts  the union of the given areas, or of the areas
                                             grouped by a property (--group-by); -o FILE also
                                             writes the result (.geojson, .csv, .gpkg)
Points: CSV with lat,lon or easting,northing or postcode (geocoded offline with
postcodes/codepoint_south_east.csv), or any GDAL vector file of points.
)";

static std::string km(double m) {
    char b[32];
    std::snprintf(b, sizeof b, "%.2f", m / 1000.0);
    return b;
}

int cmd_query(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"--code", "--codes", "--km", "--points", "--geography", "--within", "--open",
                                           "--code-field", "--name-field", "--group-by", "-o"}), {}, "query");
    if (a.has("--help") || a.positional.empty()) {
        std::cout << kQueryHelp;
        return a.has("--help") ? 0 : 2;
    }
    std::string what = a.positional[0];
    if (a.positional.size() > 1) throw UsageError("query: unexpected argument '" + clip(a.positional[1]) + "'");
    Geography geo = geography_option(a);
    if (what != "neighbours" && what != "within" && what != "count-points" && what != "nearest" && what != "dissolve")
        throw UsageError("query: unknown question '" + clip(what) + "' (neighbours, within, count-points, nearest, dissolve)");
    // Check the options before any data is read.
    std::string code, points_file;
    double km_limit = 0;
    if (what == "neighbours" || what == "within") code = a.require("--code", "query " + what);
    if (what == "within") {
        km_limit = a.number("--km", -1);
        if (!a.get("--km")) throw UsageError("query within: --km N is required");
        if (km_limit < 0) throw UsageError("query within: --km must not be negative");
    }
    if (what == "count-points" || what == "nearest") points_file = a.require("--points", "query " + what);

    if (a.get("-o")) check_output_path(*a.get("-o"));
    auto s = open_session(a);
    Atlas& atlas = *s->atlas;
    auto open = a.get("--open");
    if (open && a.get("--within")) throw UsageError("query: --within works with the built-in geographies, not --open");
    const AreaSet& set = open ? atlas.open_file(*open, a.get("--code-field").value_or("code"),
                                                a.get("--name-field").value_or("name"), true)
                              : atlas.areas(geo);
    auto selection = [&]() {
        if (!open) return atlas.select(geo, a.get("--within"));
        std::vector<size_t> all(set.areas.size());
        for (size_t i = 0; i < all.size(); ++i) all[i] = i;
        return all;
    };
    auto index_of = [&](const std::string& c) {
        const Area* ar = set.find(c);
        if (!ar) throw UsageError("--code " + clip(c) + ": no " + std::string(geography_name(geo)) + " has this code");
        return static_cast<size_t>(ar - set.areas.data());
    };

    if (what == "neighbours") {
        std::cout << "code,name\n";
        for (size_t i : neighbours(s->geos, set, index_of(code)))
            std::cout << set.areas[i].code << "," << csv_escape(set.areas[i].name) << "\n";
    } else if (what == "within") {
        std::cout << "code,name,distance_km\n";
        for (const auto& h : areas_within(s->geos, set, index_of(code), km_limit * 1000.0))
            std::cout << set.areas[h.area].code << "," << csv_escape(set.areas[h.area].name) << "," << km(h.distance_m) << "\n";
    } else if (what == "count-points" || what == "nearest") {
        PointSet pts = read_points(points_file, "name", s->data_dir + "/postcodes/codepoint_south_east.csv");
        std::vector<size_t> sel = selection();
        if (what == "count-points") {
            std::vector<int> n = count_points(s->geos, set, sel, pts);
            std::cout << "code,name,count\n";
            for (size_t k = 0; k < sel.size(); ++k)
                std::cout << set.areas[sel[k]].code << "," << csv_escape(set.areas[sel[k]].name) << "," << n[k] << "\n";
        } else {
            std::vector<NearestPoint> n = nearest_points(s->geos, set, sel, pts);
            std::cout << "code,name,nearest,distance_km\n";
            for (size_t k = 0; k < sel.size(); ++k) {
                std::cout << set.areas[sel[k]].code << "," << csv_escape(set.areas[sel[k]].name) << ",";
                if (n[k].point >= 0) std::cout << csv_escape(pts.labels[n[k].point]) << "," << km(n[k].distance_m);
                else std::cout << ",";
                std::cout << "\n";
            }
        }
    } else {  // dissolve
        std::vector<std::pair<std::string, std::string>> to_group;
        std::map<std::string, std::string> names;
        if (auto field = a.get("--group-by")) {
            std::string code_field = a.get("--code-field").value_or("code"), name_field = a.get("--name-field").value_or("name");
            for (const auto& ar : set.areas) {
                std::string value;
                if (*field == name_field) value = ar.name;
                else if (*field == code_field) value = ar.code;
                else if (auto it = ar.props.find(*field); it != ar.props.end()) value = it->second;
                if (value.empty()) throw DataError(where(set.source, 0, *field, "area " + ar.code + " has no value to group by"));
                to_group.emplace_back(ar.code, value);
            }
        } else {
            std::string list = a.require("--codes", "query dissolve");
            std::string cur;
            for (char c : list + ",") {
                if (c == ',') { if (!cur.empty()) { index_of(cur); to_group.emplace_back(cur, "dissolved"); } cur.clear(); }
                else if (c != ' ') cur += c;
            }
            if (to_group.empty()) throw UsageError("query dissolve: --codes lists no code");
        }
        AreaSet groups = dissolve_groups(set, to_group, names, set.source + " (dissolved)");
        project_areas(s->geos, groups);
        std::vector<std::vector<Cell>> rows;
        std::vector<size_t> sel;
        for (size_t i = 0; i < groups.areas.size(); ++i) {
            const Area& g = groups.areas[i];
            double area = 0;
            GEOSArea_r(s->geos, g.bng.get(), &area);
            int parts = GEOSGetNumGeometries_r(s->geos, g.bng.get());
            std::string members;
            for (const auto& m : g.members) members += (members.empty() ? "" : ";") + m;
            rows.push_back({Cell::of_text(g.code), Cell::of_text(members), Cell::of_num(area / 1e6, 3),
                            Cell::of_num(parts, 0)});
            sel.push_back(i);
        }
        std::vector<std::string> cols{"code", "members", "area_km2", "parts"};
        write_csv(std::cout, cols, rows);
        if (auto out = a.get("-o")) {
            ExportData d;
            d.set = &groups;
            d.selection = sel;
            d.columns = cols;
            d.rows = rows;
            d.class_index.assign(rows.size(), -1);
            d.fill.assign(rows.size(), "#9ecae1");
            d.layer_id = "dissolve";
            d.title = "Dissolve of " + set.source;
            d.attribution = file_attribution(s->data_dir, open ? *open : s->data_dir + "/boundaries/lad.geojson");
            export_areas(d, *out);
        }
    }
    return 0;
}

} // namespace sespm
