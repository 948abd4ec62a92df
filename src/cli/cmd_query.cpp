// cmd_query.cpp: `sespm-map query ...`, the spatial questions, as CSV on stdout:
// neighbours, within, count-points, nearest, dissolve.
#include <geos_c.h>

#include <cstdio>
#include <iostream>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/error.h"
#include "io/points.h"
#include "io/spatial.h"

namespace sespm {

static const char* kQueryHelp = R"(usage: sespm-map query neighbours   --code CODE [--geography G]
       sespm-map query within       --code CODE --km N [--geography G]
       sespm-map query count-points --points FILE [--geography G] [--within CODE]
       sespm-map query nearest      --points FILE [--geography G] [--within CODE]
       sespm-map query dissolve     --codes CODE,CODE,... [--geography G]
       (all accept --data DIR and --layers DIR; G is district (default), county, lep,
        subregion or region)

CSV on stdout, one row per area, computed with GEOS in British National Grid (EPSG:27700):
  neighbours    code,name                    areas sharing a boundary line with CODE
  within        code,name,distance_km        areas within N km of CODE's boundary, nearest first
  count-points  code,name,count              points inside each area
  nearest       code,name,nearest,distance_km  the nearest point to each area (0 when inside)
  dissolve      codes,area_km2,parts         the union of the given areas
Points: CSV with lat,lon or easting,northing or postcode (geocoded offline with
postcodes/codepoint_south_east.csv), or any GDAL vector file of points.
)";

static std::string km(double m) {
    char b[32];
    std::snprintf(b, sizeof b, "%.2f", m / 1000.0);
    return b;
}

int cmd_query(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"--code", "--codes", "--km", "--points", "--geography", "--within"}), {}, "query");
    if (a.has("--help") || a.positional.empty()) {
        std::cout << kQueryHelp;
        return a.has("--help") ? 0 : 2;
    }
    std::string what = a.positional[0];
    if (a.positional.size() > 1) throw UsageError("query: unexpected argument '" + a.positional[1] + "'");
    Geography geo = geography_option(a);
    if (what != "neighbours" && what != "within" && what != "count-points" && what != "nearest" && what != "dissolve")
        throw UsageError("query: unknown question '" + what + "' (neighbours, within, count-points, nearest, dissolve)");
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

    auto s = open_session(a);
    Atlas& atlas = *s->atlas;
    const AreaSet& set = atlas.areas(geo);
    auto index_of = [&](const std::string& c) {
        const Area* ar = set.find(c);
        if (!ar) throw UsageError("--code " + c + ": no " + std::string(geography_name(geo)) + " has this code");
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
        std::vector<size_t> sel = atlas.select(geo, a.get("--within"));
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
        std::string list = a.require("--codes", "query dissolve");
        std::vector<size_t> sel;
        std::string cur;
        for (char c : list + ",") {
            if (c == ',') { if (!cur.empty()) sel.push_back(index_of(cur)); cur.clear(); }
            else if (c != ' ') cur += c;
        }
        if (sel.empty()) throw UsageError("query dissolve: --codes lists no code");
        GeomPtr u = dissolve(s->geos, set, sel);
        double area = 0;
        GEOSArea_r(s->geos, u.get(), &area);
        int parts = GEOSGetNumGeometries_r(s->geos, u.get());
        char b[64];
        std::snprintf(b, sizeof b, "%.3f", area / 1e6);
        std::cout << "codes,area_km2,parts\n" << csv_escape(list) << "," << b << "," << parts << "\n";
    }
    return 0;
}

} // namespace sespm
