// cmd_table.cpp: `sespm-map table` prints one row per area of a layer's measures (CSV or JSON).
#include <iostream>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/error.h"
#include "map/evaluate.h"

namespace sespm {

static const char* kTableHelp = R"(usage: sespm-map table --layer ID [--geography district|county|lep|subregion|region]
                       [--within CODE] [--format csv|json] [--ratio CODE=N]... [--points FILE] [--project FILE]
                       [--data DIR] [--layers DIR]

Prints one row per area. For --layer dispersal the CSV header is
  code,name,population,dispersed,per_10k,cluster_limit,headroom,share_of_limit_pct,status
Missing figures are empty cells (null in JSON). Groups (county, LEP, sub-region, region) sum
their districts' counts and populations and recompute the rates. cluster_limit =
floor(population / 200); --ratio CODE=N sets another residents-per-place ratio for one area.
--within CODE keeps the areas that share a district with CODE (E12000008 = South East).
--points FILE replaces a points layer's file (CSV with lat,lon / easting,northing / postcode,
or any GDAL vector file of points).
)";

int cmd_table(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"--layer", "--geography", "--within", "--format", "--ratio", "--points", "--project"}), {}, "table");
    if (a.has("--help")) { std::cout << kTableHelp; return 0; }
    resolve_area_options(a, AreaKinds::Any);  // names as well as codes
    a.require("--layer", "table");
    std::string format = format_option(a);
    MapRequest req = map_request(a, std::nullopt);
    auto s = open_session(a);
    req.user_values = s->user_values();
    LayerResult r = evaluate_layer(*s->atlas, s->layer(req.layer_id), evaluate_options_of(req));
    note_unmatched(req.layer_id, r.report);  // every unmatched source code on stderr
    write_table(std::cout, format, r.columns, r.rows);
    return 0;
}

} // namespace sespm
