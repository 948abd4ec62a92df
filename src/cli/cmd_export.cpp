// cmd_export.cpp: `sespm-map export` writes a classified layer as GeoJSON, CSV or GeoPackage.
#include <iostream>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/bad_rows.h"
#include "core/error.h"
#include "core/output_file.h"
#include "outputs/pg_publish.h"
#include "map/export_view.h"

namespace sespm {

static const char* kExportHelp = R"(usage: sespm-map export (--layer ID | --open FILE --by FIELD|area [--code-field F] [--name-field F])
                        [--geography district|county|lep|subregion|region]
                        [--within CODE] [--classify quantile|equal|jenks|stddev|manual] [--classes N]
                        [--breaks B1,B2,...]
                        [--palette NAME] [--ratio CODE=N]... [--points FILE]
                        (-o FILE | --to-table NAME --project SERVER | -o "postgresql://HOST/DB?table=NAME")
                        [--period DATE|latest|earliest] [--classes-over all|period] [--all-periods]
                        [--data DIR] [--layers DIR]

Writes FILE as GeoJSON (.geojson: RFC 7946, lon/lat with 6 decimals, right-hand winding),
CSV (.csv) or GeoPackage (.gpkg), by its extension. Each area carries its code, name, every
measure, its class and a `fill` colour (simplestyle); the attribution is written with the data.
--open FILE exports any polygon file GDAL reads, classified by a numeric property or by area.
Classes are computed over the areas --within selects (all areas when it is absent); --breaks
1,2,5,10 gives them by hand (class upper bounds; the last class runs to the highest figure).
Few areas get few classes (one per two areas with distinct figures), and the legend says so. The file
is written under a temporary name and renamed, so a failed export leaves nothing behind.
GeoJSON has a top-level `legend` member (the classes in order: min, max, label, fill). For a
time-series layer --period picks the period (default latest); classes are made over every
period pooled, so a colour means the same value in each (--classes-over period: this period
only); `as_at`, `denominator` (the population estimate the rates used), `classes_over` and
`period_notes` (series breaks) are top-level members. --all-periods adds a `series` property to
each feature: an array of {period, <count>, <rate>}.
--to-table NAME (or a postgresql:// URI with ?table=NAME) publishes the layer on the shared
server as the PostGIS table published.NAME (EPSG:4326 geometry `geom`, the GeoJSON's
properties), written beside the old one and swapped in by one transaction, so readers
(GeoServer, pg_featureserv, QGIS) never see half a table. An admin's right.
)";

// Where the export goes: a file, or a table on the server (location, table).
struct ExportTarget { std::string file, location, table; };

static ExportTarget export_target(const Args& a) {
    auto out = a.get("-o") ? a.get("-o") : a.get("--output");
    if (auto t = a.get("--to-table")) {
        if (out) throw UsageError("--to-table: give -o FILE or --to-table NAME, not both");
        std::string loc = a.require("--project", "export --to-table");
        if (!is_server_location(loc)) throw UsageError("--to-table: --project must name a PostgreSQL server (a postgresql:// URI or service=NAME)");
        check_table_name(*t);
        return {"", loc, *t};
    }
    if (!out) throw UsageError("export: -o FILE is required (see export --help)");
    if (auto tl = table_in_location(*out)) {
        check_table_name(tl->second);
        return {"", tl->first, tl->second};
    }
    if (is_server_location(*out)) throw UsageError("-o " + clip(*out) + ": a server location needs ?table=NAME (or use --to-table NAME --project LOC)");
    check_output_path(*out);  // a directory or a bad extension is a usage error before any work
    return {*out, "", ""};
}

int cmd_export(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"--layer", "--geography", "--within", "--classify", "--classes", "--breaks",
                                           "--palette", "--ratio", "--points", "--project", "-o", "--output", "--open", "--by",
                                           "--code-field", "--name-field", "--period", "--classes-over", "--to-table"}),
                        {"--all-periods"}, "export");
    if (a.has("--help")) { std::cout << kExportHelp; return 0; }
    resolve_area_options(a, AreaKinds::Any);  // names as well as codes
    bool open_file = a.get("--open").has_value();
    if (open_file) a.require("--by", "export --open");
    else a.require("--layer", "export");
    ExportTarget target = export_target(a);
    MapRequest req = map_request(a, std::nullopt);
    req.for_drawing = false;
    SessionOptions so = session_options(a);
    so.data_optional = open_file;  // any file: the data folder serves only the attribution
    Session s(so);
    if (!open_file) req.user_values = s.user_values();
    MapView v = build_map_view(*s.atlas, s.layers, req);
    if (!open_file) note_unmatched(req.layer_id, v.result.report);  // every unmatched source code on stderr
    ExportData data = export_data(v);
    if (a.has("--all-periods")) {
        if (open_file) throw UsageError("--all-periods: a layer's time series; not with --open");
        add_series(*s.atlas, s.layer(req.layer_id), v, data);
    }
    if (target.table.empty()) export_areas(data, target.file);  // (staged: put in place only if the command succeeds)
    else if (input_log().rejected_count() > 0 && !input_options().skip_bad_rows)  // a table on a server cannot be staged
        throw DataError("published." + target.table + " on the server was not replaced, because rows were rejected (listed below); "
                        "fix the file, or pass --skip-bad-rows to publish without them");
    else publish_table(data, target.location, target.table);
    size_t n = data.rows.size();
    announce_output("wrote " + (target.table.empty() ? target.file : "published." + target.table + " on " + target.location) + ": " + std::to_string(n) +
                    " areas, " + std::to_string(v.styled.classification.class_count()) + " classes of " + v.result.spec.class_measure);
    return 0;
}

} // namespace sespm
