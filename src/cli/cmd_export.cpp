// cmd_export.cpp: `sespm-map export` writes a classified layer as GeoJSON, CSV or GeoPackage.
#include <iostream>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/error.h"
#include "map/export_view.h"

namespace sespm {

static const char* kExportHelp = R"(usage: sespm-map export (--layer ID | --open FILE --by FIELD|area [--code-field F] [--name-field F])
                        [--geography district|county|lep|subregion|region]
                        [--within CODE] [--classify quantile|equal|jenks|stddev|manual] [--classes N]
                        [--breaks B1,B2,...]
                        [--palette NAME] [--ratio CODE=N]... [--points FILE] -o FILE
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
)";

int cmd_export(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"--layer", "--geography", "--within", "--classify", "--classes", "--breaks",
                                           "--palette", "--ratio", "--points", "--project", "-o", "--output", "--open", "--by",
                                           "--code-field", "--name-field", "--period", "--classes-over"}),
                        {"--all-periods"}, "export");
    if (a.has("--help")) { std::cout << kExportHelp; return 0; }
    resolve_area_options(a, AreaKinds::Any);  // names as well as codes
    bool open_file = a.get("--open").has_value();
    if (open_file) a.require("--by", "export --open");
    else a.require("--layer", "export");
    auto out = a.get("-o") ? a.get("-o") : a.get("--output");
    if (!out) throw UsageError("export: -o FILE is required (see export --help)");
    check_output_path(*out);  // a directory or a bad extension is a usage error before any work
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
    export_areas(data, *out);
    size_t n = data.rows.size();
    std::cerr << "wrote " << *out << ": " << n << " areas, " << v.styled.classification.class_count()
              << " classes of " << v.result.spec.class_measure << "\n";
    return 0;
}

} // namespace sespm
