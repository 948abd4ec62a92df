// export.cpp: see export.h.
#include "outputs/export.h"
#include "outputs/geojson_writer.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "geodata/gdal_util.h"
#include "core/output_file.h"

namespace fs = std::filesystem;

namespace sespm {

ExportFormat export_format_for(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".geojson" || ext == ".json") return ExportFormat::GeoJson;
    if (ext == ".csv") return ExportFormat::Csv;
    if (ext == ".gpkg") return ExportFormat::GeoPackage;
    throw UsageError("-o " + clip(path) + ": unknown format '" + clip(ext) + "' (use .geojson, .csv or .gpkg)");
}

namespace {

// The FeatureCollection's members besides type and features: title, layer, period, measure,
// classification, attribution, the legend, time and what a missing figure means.
nlohmann::json geojson_members(const ExportData& d) {
    nlohmann::json fc{{"title", d.title}, {"layer", d.layer_id}, {"period", d.period},
                      {"measure", d.measure}, {"classification", d.classification},
                      {"attribution", d.attribution}};
    nlohmann::json legend = nlohmann::json::array();
    for (const auto& l : d.legend) legend.push_back({{"min", l.min}, {"max", l.max}, {"label", l.label}, {"fill", l.fill}});
    fc["legend"] = legend;
    if (!d.as_at.empty()) {
        fc["as_at"] = d.as_at;
        fc["denominator"] = d.denominator;
        fc["classes_over"] = d.classes_over;
        fc["period_notes"] = d.period_notes;
    }
    if (!d.no_figure.empty()) fc["no_figure"] = d.no_figure;
    return fc;
}

bool column_is_text(const ExportData& d, size_t c) {
    for (const auto& r : d.rows) if (r[c].is_text) return true;
    return false;
}

bool column_is_integer(const ExportData& d, size_t c) {
    for (const auto& r : d.rows) if (r[c].decimals != 0) return false;
    return true;
}

std::vector<bool> integer_columns(const ExportData& d) {
    std::vector<bool> integer(d.columns.size(), false);
    for (size_t c = 0; c < d.columns.size(); ++c) integer[c] = column_is_integer(d, c);
    return integer;
}

// The layer with its fields; `integer` gets whether each measure column holds whole numbers.
OGRLayer* create_layer(GDALDataset& ds, const ExportData& d, ExportFormat fmt, const std::string& path,
                       const GdalErrorCapture& capture, std::vector<bool>& integer, const std::string& name = "",
                       const std::string& schema = "") {
    OGRSpatialReference ll;
    ll.importFromEPSG(4326);
    ll.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    CPLStringList opts;
    if (fmt == ExportFormat::GeoJson) {
        nlohmann::json fc = geojson_members(d);
        opts.SetNameValue("RFC7946", "YES");
        opts.SetNameValue("COORDINATE_PRECISION", "6");
        opts.SetNameValue("WRITE_NAME", "NO");
        opts.SetNameValue("NATIVE_MEDIA_TYPE", "application/vnd.geo+json");
        opts.SetNameValue("NATIVE_DATA", fc.dump().c_str());
    } else if (fmt == ExportFormat::Csv) {
        // only where CSV needs it (a comma, a quote, a line break): GDAL's default quotes the
        // 64-bit integer columns but not the decimals, and numbers should read alike
        opts.SetNameValue("STRING_QUOTING", "IF_NEEDED");
    } else if (fmt == ExportFormat::GeoPackage) {
        opts.SetNameValue("IDENTIFIER", d.title.c_str());
        opts.SetNameValue("DESCRIPTION", (d.period + ". " + d.attribution).c_str());
    } else if (fmt == ExportFormat::PostGis) {
        opts.SetNameValue("SCHEMA", schema.c_str());
        opts.SetNameValue("GEOMETRY_NAME", "geom");
        opts.SetNameValue("FID", "fid");
        opts.SetNameValue("LAUNDER", "NO");           // the GeoJSON's property names, "fill-opacity" too
        opts.SetNameValue("PRECISION", "NO");
        opts.SetNameValue("SPATIAL_INDEX", "GIST");
        opts.SetNameValue("DESCRIPTION", (d.title + ". " + d.period + ". " + d.attribution).c_str());
    }
    OGRwkbGeometryType gt = fmt == ExportFormat::Csv ? wkbNone : wkbMultiPolygon;
    std::string layer_name = !name.empty() ? name : d.layer_id.empty() ? "areas" : d.layer_id;
    OGRLayer* layer = ds.CreateLayer(layer_name.c_str(), fmt == ExportFormat::Csv ? nullptr : &ll, gt, opts.List());
    if (!layer) throw DataError(where(path, 0, "", "cannot create the layer: " + capture.reason()));

    auto add_field = [&](const std::string& name, OGRFieldType t) {
        OGRFieldDefn f(name.c_str(), t);
        if (layer->CreateField(&f) != OGRERR_NONE)
            throw DataError(where(path, 0, name, "cannot create the field: " + capture.reason()));
    };
    integer = integer_columns(d);
    for (size_t c = 0; c < d.columns.size(); ++c) {
        add_field(d.columns[c], column_is_text(d, c) ? OFTString : integer[c] ? OFTInteger64 : OFTReal);
    }
    add_field("class", OFTInteger);
    add_field("fill", OFTString);
    if (fmt != ExportFormat::Csv) {
        add_field("fill-opacity", OFTReal);
        add_field("stroke", OFTString);
        add_field("stroke-width", OFTReal);
    }
    if (fmt == ExportFormat::Csv) add_field("attribution", OFTString);
    if (!d.series.empty()) {
        OGRFieldDefn f("series", OFTString);
        if (fmt == ExportFormat::GeoJson) f.SetSubType(OFSTJSON);
        if (layer->CreateField(&f) != OGRERR_NONE)
            throw DataError(where(path, 0, "series", "cannot create the field: " + capture.reason()));
    }
    return layer;
}

void write_features(OGRLayer* layer, const ExportData& d, ExportFormat fmt, const std::vector<bool>& integer,
                    const std::string& path, const GdalErrorCapture& capture) {
    if (layer->StartTransaction() != OGRERR_NONE) { /* drivers without transactions are fine */ }
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (size_t r = 0; r < d.rows.size(); ++r) {
        OGRFeature f(defn);
        for (size_t c = 0; c < d.columns.size(); ++c) {
            const Cell& cell = d.rows[r][c];
            if (cell.is_text) f.SetField(static_cast<int>(c), cell.text.c_str());
            else if (!cell.num) f.SetFieldNull(static_cast<int>(c));
            else if (integer[c]) f.SetField(static_cast<int>(c), static_cast<GIntBig>(std::llround(*cell.num)));
            else f.SetField(static_cast<int>(c), round_to(*cell.num, cell.decimals));
        }
        int k = static_cast<int>(d.columns.size());
        if (d.class_index[r] >= 0) f.SetField(k, d.class_index[r]);
        else f.SetFieldNull(k);
        f.SetField(k + 1, d.fill[r].c_str());
        if (!d.series.empty()) f.SetField(defn->GetFieldIndex("series"), d.series[r].c_str());
        const Area& a = d.set->areas[d.selection[r]];
        if (fmt != ExportFormat::Csv) {
            f.SetField(k + 2, 0.85);
            f.SetField(k + 3, "#ffffff");
            f.SetField(k + 4, 0.5);
            std::unique_ptr<OGRGeometry> g(OGRGeometryFactory::forceToMultiPolygon(a.lonlat->clone()));
            f.SetGeometryDirectly(g.release());
        } else {
            f.SetField(k + 2, d.attribution.c_str());
        }
        if (layer->CreateFeature(&f) != OGRERR_NONE)
            throw DataError(path + ": feature " + std::to_string(r + 1) + " (" + a.code +
                            "): cannot write the feature: " + capture.reason());
    }
    if (layer->CommitTransaction() != OGRERR_NONE && (fmt == ExportFormat::GeoPackage || fmt == ExportFormat::PostGis))
        throw DataError(where(path, 0, "", "cannot commit the features: " + capture.reason()));
}

// GDAL writes the whole file in memory (so every byte of it is known to exist before anything
// touches the disk); the bytes are returned. Messages name `path`, the file the user asked for.
std::vector<GByte> write_with_gdal(const ExportData& d, const std::string& path, ExportFormat fmt) {
    gdal_init();
    GdalErrorCapture capture;
    const char* driver_name = fmt == ExportFormat::GeoJson ? "GeoJSON" : fmt == ExportFormat::Csv ? "CSV" : "GPKG";
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver_name);
    if (!drv) throw DataError(std::string("GDAL has no ") + driver_name + " driver");
    GdalMemFolder mem;
    std::string file = mem.dir + "/out" + fs::path(path).extension().string();
    std::unique_ptr<GDALDataset> ds(drv->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw DataError(where(path, 0, "", "GDAL cannot create the file: " + capture.reason()));
    std::vector<bool> integer;
    OGRLayer* layer = create_layer(*ds, d, fmt, path, capture, integer);
    write_features(layer, d, fmt, integer, path, capture);
    if (fmt == ExportFormat::GeoPackage) ds->SetMetadataItem("ATTRIBUTION", d.attribution.c_str());
    CPLErrorReset();
    GDALClose(ds.release());  // flush now: errors must surface before the bytes are used
    if (CPLGetLastErrorType() >= CE_Failure)
        throw DataError(where(path, 0, "", "GDAL cannot finish the file: " + capture.reason()));
    vsi_l_offset len = 0;
    GByte* bytes = VSIGetMemFileBuffer(file.c_str(), &len, FALSE);
    if (!bytes) throw DataError(where(path, 0, "", "GDAL wrote no file"));
    return std::vector<GByte>(bytes, bytes + len);
}

} // namespace

std::string output_folder(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw UsageError("-o " + clip(path) + ": is a directory; give a file name");
    std::string dir = check_folder_writable(path);
    check_replaceable(path);
    return dir;
}

void check_output_path(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw UsageError("-o " + path + ": is a directory; give a file name");
    export_format_for(path);
    output_folder(path);
}

std::string export_bytes(const ExportData& d, const std::string& path, ExportFormat fmt, bool gdal_writer) {
    if (fmt == ExportFormat::GeoJson && !gdal_writer) return write_geojson_fast(d, geojson_members(d), integer_columns(d));
    std::vector<GByte> bytes = write_with_gdal(d, path, fmt);
    return std::string(bytes.begin(), bytes.end());
}

void write_postgis_table(GDALDataset& ds, const ExportData& d, const std::string& schema, const std::string& table, const std::string& shown) {
    GdalErrorCapture capture;
    std::vector<bool> integer;
    OGRLayer* layer = create_layer(ds, d, ExportFormat::PostGis, shown, capture, integer, table, schema);
    write_features(layer, d, ExportFormat::PostGis, integer, shown, capture);
    CPLErrorReset();
    ds.FlushCache();
    if (CPLGetLastErrorType() >= CE_Failure)
        throw DataError(where(shown, 0, "", "GDAL cannot finish the table: " + capture.reason()));
}

void export_areas(const ExportData& d, const std::string& path) {
    check_output_path(path);
    std::string bytes = export_bytes(d, path, export_format_for(path), !fast_geojson_writer_enabled());
    write_output_file(path, bytes.data(), bytes.size());
}

} // namespace sespm
