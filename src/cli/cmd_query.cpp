// cmd_query.cpp: `sespm-map query ...`, the spatial questions, as CSV on stdout:
// neighbours, within, count-points, nearest, dissolve.
#include <iostream>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/error.h"
#include "core/text.h"
#include "outputs/attribution.h"
#include "outputs/export.h"
#include "map/queries.h"

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

// --code/--km/--points/--codes/--group-by as a QueryRequest, checked before any data is read.
static QueryRequest query_request(const Args& a, Question q, const std::string& what) {
    QueryRequest r;
    r.question = q;
    r.geography = geography_option(a);
    r.within = a.get("--within");
    r.open_file = a.get("--open").value_or("");
    r.code_field = a.get("--code-field").value_or("code");
    r.name_field = a.get("--name-field").value_or("name");
    if (q == Question::Neighbours || q == Question::Within) r.code = a.require("--code", "query " + what);
    if (q == Question::Within) {
        r.km = a.number("--km", -1);
        if (!a.get("--km")) throw UsageError("query within: --km N is required");
        if (r.km < 0) throw UsageError("query within: --km must not be negative");
    }
    if (q == Question::CountPoints || q == Question::Nearest) r.points_file = a.require("--points", "query " + what);
    if (q == Question::Dissolve) {
        r.group_by = a.get("--group-by").value_or("");
        if (r.group_by.empty()) r.codes = split_list(a.require("--codes", "query dissolve"));
    }
    return r;
}

// The dissolved groups as a file (.geojson, .csv, .gpkg).
static void export_dissolve(Session& s, const QueryAnswer& ans, const std::string& out) {
    ExportData d;
    d.set = &ans.dissolved;
    for (size_t i = 0; i < ans.rows.size(); ++i) d.selection.push_back(i);
    d.columns = ans.columns;
    d.rows = ans.rows;
    d.class_index.assign(ans.rows.size(), -1);
    d.fill.assign(ans.rows.size(), "#9ecae1");
    d.layer_id = "dissolve";
    d.title = "Dissolve of " + ans.set->source;
    d.attribution = file_attribution(s.data_dir, ans.attribution_source);
    export_areas(d, out);
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
    resolve_area_options(a, AreaKinds::Any);  // names as well as codes
    auto q = parse_question(what);
    if (!q) throw UsageError("query: unknown question '" + clip(what) + "' (neighbours, within, count-points, nearest, dissolve)");
    QueryRequest req = query_request(a, *q, what);
    if (a.get("-o")) check_output_path(*a.get("-o"));
    auto s = open_session(a);
    QueryAnswer ans = run_query(*s, req);
    write_csv(std::cout, ans.columns, ans.rows);
    if (*q == Question::Dissolve && a.get("-o")) export_dissolve(*s, ans, *a.get("-o"));
    return 0;
}

} // namespace sespm
