// cmd_export.cpp: `sespm-map export` writes a classified layer as GeoJSON, CSV or GeoPackage.
#include <iostream>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/data_dir.h"
#include "core/error.h"
#include "core/styling.h"
#include "io/attribution.h"
#include "io/export.h"

namespace sespm {

static const char* kExportHelp = R"(usage: sespm-map export (--layer ID | --open FILE --by FIELD|area [--code-field F] [--name-field F])
                        [--geography district|county|lep|subregion|region]
                        [--within CODE] [--classify quantile|equal|jenks|stddev] [--classes N]
                        [--palette NAME] [--ratio CODE=N]... [--points FILE] -o FILE
                        [--data DIR] [--layers DIR]

Writes FILE as GeoJSON (.geojson: RFC 7946, lon/lat with 6 decimals, right-hand winding),
CSV (.csv) or GeoPackage (.gpkg), by its extension. Each area carries its code, name, every
measure, its class and a `fill` colour (simplestyle); the attribution is written with the data.
--open FILE exports any polygon file GDAL reads, classified by a numeric property or by area.
Classes are computed over the areas --within selects (all areas when it is absent). The file
is written under a temporary name and renamed, so a failed export leaves nothing behind.
)";

// export --open FILE --by FIELD|area: any polygon file, classified by a field or its area.
static int export_open_file(const Args& a) {
    auto out = a.get("-o") ? a.get("-o") : a.get("--output");
    if (!out) throw UsageError("export: -o FILE is required (see export --help)");
    check_output_path(*out);
    std::string by = a.require("--by", "export --open");
    auto method = parse_class_method(a.get("--classify").value_or("quantile"));
    if (!method) throw UsageError("--classify " + clip(*a.get("--classify")) + ": use quantile, equal, jenks or stddev");
    int classes = a.integer("--classes", 5);
    if (classes < 2 || classes > 12) throw UsageError("--classes " + std::to_string(classes) + ": use 2 to 12");
    std::string palette = a.get("--palette").value_or("yellow-green-blue");
    if (!palette_exists(palette)) throw UsageError("--palette " + clip(palette) + ": no such palette");
    std::string data_dir;
    try { data_dir = find_data_dir(a.get("--data")); } catch (const DataError&) { /* attribution only */ }
    GeosContext geos;
    Atlas atlas(data_dir, geos);
    std::string file = *a.get("--open");
    LayerResult r = evaluate_file(atlas, file, by, a.get("--code-field").value_or("code"),
                                  a.get("--name-field").value_or("name"));
    Styled st = style_values(r.class_values, *method, classes, palette);
    ExportData d;
    d.set = &atlas.open_file(file, a.get("--code-field").value_or("code"), a.get("--name-field").value_or("name"), false);
    d.selection = r.selection;
    d.columns = r.columns;
    d.rows = std::move(r.rows);
    d.class_index = st.class_index;
    d.fill = st.fill;
    d.layer_id = r.spec.id;
    d.title = r.spec.title;
    d.measure = r.spec.class_measure;
    d.classification = std::string(class_method_name(*method)) + ", " +
                       std::to_string(st.classification.class_count()) + " classes";
    d.attribution = file_attribution(data_dir, file);
    export_areas(d, *out);
    std::cerr << "wrote " << *out << ": " << d.rows.size() << " areas, " << st.classification.class_count()
              << " classes of " << d.measure << "\n";
    return 0;
}

int cmd_export(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"--layer", "--geography", "--within", "--classify", "--classes",
                                           "--palette", "--ratio", "--points", "--project", "-o", "--output", "--open", "--by",
                                           "--code-field", "--name-field"}),
                        {}, "export");
    if (a.has("--help")) { std::cout << kExportHelp; return 0; }
    if (a.get("--open")) return export_open_file(a);
    std::string id = a.require("--layer", "export");
    auto out = a.get("-o") ? a.get("-o") : a.get("--output");
    if (!out) throw UsageError("export: -o FILE is required (see export --help)");
    check_output_path(*out);  // a directory or a bad extension is a usage error before any work
    EvaluateOptions opt = evaluate_options(a);
    auto s = open_session(a);
    const LayerSpec& spec = find_layer(*s, id);
    std::string method_name = a.get("--classify").value_or(spec.class_method);
    auto method = parse_class_method(method_name);
    if (!method) throw UsageError("--classify " + clip(method_name) + ": use quantile, equal, jenks or stddev");
    int classes = a.integer("--classes", spec.classes);
    if (classes < 2 || classes > 12) throw UsageError("--classes " + std::to_string(classes) + ": use 2 to 12");
    std::string palette = a.get("--palette").value_or(spec.palette);
    if (!palette_exists(palette)) throw UsageError("--palette " + clip(palette) + ": no such palette");

    LayerResult r = evaluate_layer(*s->atlas, spec, opt);
    Styled st = style_values(r.class_values, *method, classes, palette, spec.manual_breaks);
    ExportData d;
    d.set = &s->atlas->areas_lonlat(opt.geography);
    d.selection = r.selection;
    d.columns = r.columns;
    d.rows = r.rows;
    d.class_index = st.class_index;
    d.fill = st.fill;
    d.layer_id = spec.id;
    d.title = spec.title;
    d.period = spec.period;
    d.measure = spec.class_measure;
    d.classification = std::string(class_method_name(*method)) + ", " +
                       std::to_string(st.classification.class_count()) + " classes";
    d.attribution = full_attribution(s->data_dir, spec.attribution);
    export_areas(d, *out);
    std::cerr << "wrote " << *out << ": " << r.rows.size() << " areas, " << st.classification.class_count()
              << " classes of " << spec.class_measure << "\n";
    return 0;
}

} // namespace sespm
