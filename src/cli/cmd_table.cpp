// cmd_table.cpp: `sespm-map table` prints one row per area of a layer's measures (CSV or JSON).
#include <iostream>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/error.h"
#include "core/bad_rows.h"
#include "map/evaluate.h"
#include "trends/trends.h"

namespace sespm {

static const char* kTableHelp = R"(usage: sespm-map table --layer ID [--geography district|county|lep|subregion|region]
                       [--within CODE] [--format csv|json] [--ratio CODE=N]... [--points FILE] [--project FILE]
                       [--period DATE|latest|earliest] [--since DATE] [--data DIR] [--layers DIR]

Prints one row per area. For --layer dispersal the CSV header is
  code,name,population,dispersed,per_10k,cluster_limit,headroom,share_of_limit_pct,status
Missing figures are empty cells (null in JSON). Groups (county, LEP, sub-region, region) sum
their districts' counts and populations and recompute the rates. cluster_limit =
floor(population / 200); --ratio CODE=N sets another residents-per-place ratio for one area.
--within CODE keeps the areas that share a district with CODE (E12000008 = South East).
--points FILE replaces a points layer's file (CSV with lat,lon / easting,northing / postcode,
or any GDAL vector file of points).
--period DATE|latest|earliest picks the period of a time-series layer (default latest; see
`sespm-map periods --layer ID`); an unknown date is a usage error naming the nearest periods.
A value layer (a ratio, rank, percentage or pay published without counts) shows a group's
figure as the population-weighted mean of its members' (column combined_as says so), or none
where its layer file gives no weight; the note on stderr says which. A group's rows end with
members: its districts' names ("; " between them).
--since DATE adds previous (the count column at DATE), change and change_pct (change as % of
previous), empty where either figure is missing.
With --project, layers with a limit get trigger_pct and trigger_status (reached / within 10
points / below) from the project's trigger points, and for a quarterly series
extrapolated_quarters_to_trigger and extrapolated_quarters_to_limit: how many quarters until
the trigger / the limit if the average change of the last four quarters went on (an
extrapolation, not a forecast; empty when falling or flat). Areas that reached their trigger in
the latest period or the last four quarters are listed on stderr as alerts.
)";

// A group's rows name their member districts (or authorities), in the boundary file's order.
static void add_member_names(Atlas& atlas, LayerResult& r) {
    const AreaSet& set = atlas.areas_lonlat(r.geography);
    r.columns.push_back("members");
    for (size_t i = 0; i < r.rows.size() && i < r.selection.size(); ++i) {
        std::string names;
        for (const auto& m : set.areas[r.selection[i]].members) names += (names.empty() ? "" : "; ") + atlas.name_of(m);
        r.rows[i].push_back(Cell::of_text(names));
    }
}

int cmd_table(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"--layer", "--geography", "--within", "--format", "--ratio", "--points", "--project", "--period", "--since"}), {}, "table");
    if (a.has("--help")) { std::cout << kTableHelp; return 0; }
    resolve_area_options(a, AreaKinds::Any);  // names as well as codes
    a.require("--layer", "table");
    std::string format = format_option(a);
    MapRequest req = map_request(a, std::nullopt);
    auto s = open_session(a);
    req.user_values = s->user_values();
    const LayerSpec& spec = s->layer(req.layer_id);
    EvaluateOptions eo = evaluate_options_of(req);
    LayerResult r = evaluate_layer(*s->atlas, spec, eo);
    note_unmatched(req.layer_id, r.report);  // every unmatched source code on stderr
    for (const auto& n : r.period_notes) input_log().note("layer '" + req.layer_id + "': " + n);  // breaks, how groups combine
    if (auto since = a.get("--since")) add_change_columns(*s->atlas, spec, eo, *since, r);
    add_trigger_output(*s, spec, eo, r);
    if (eo.geography != spec.native && spec.has_figures()) add_member_names(*s->atlas, r);
    write_table(std::cout, format, r.columns, r.rows);
    return 0;
}

} // namespace sespm
