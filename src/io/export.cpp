// export.cpp: see export.h.
#include "io/export.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "io/gdal_util.h"

namespace fs = std::filesystem;

namespace sespm {

ExportFormat export_format_for(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".geojson" || ext == ".json") return ExportFormat::GeoJson;
    if (ext == ".csv") return ExportFormat::Csv;
    if (ext == ".gpkg") return ExportFormat::GeoPackage;
    throw UsageError("-o " + path + ": unknown format '" + ext + "' (use .geojson, .csv or .gpkg)");
}

namespace {

// Removes the temporary file unless committed.
struct TempFile {
    std::string path;
    bool committed = false;
    ~TempFile() {
        if (!committed) {
            std::error_code ec;
            fs::remove(path, ec);
        }
    }
};

bool column_is_text(const ExportData& d, size_t c) {
    for (const auto& r : d.rows) if (r[c].is_text) return true;
    return false;
}

bool column_is_integer(const ExportData& d, size_t c) {
    for (const auto& r : d.rows) if (r[c].decimals != 0) return false;
    return true;
}

void write_with_gdal(const ExportData& d, const std::string& tmp, ExportFormat fmt) {
    gdal_init();
    GdalErrorCapture capture;
    const char* driver_name = fmt == ExportFormat::GeoJson ? "GeoJSON" : fmt == ExportFormat::Csv ? "CSV" : "GPKG";
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver_name);
    if (!drv) throw DataError(std::string("GDAL has no ") + driver_name + " driver");
    std::unique_ptr<GDALDataset> ds(drv->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw DataError(where(tmp, 0, "", "cannot create the file: " + capture.last()));

    OGRSpatialReference ll;
    ll.importFromEPSG(4326);
    ll.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    CPLStringList opts;
    if (fmt == ExportFormat::GeoJson) {
        nlohmann::json fc{{"title", d.title}, {"layer", d.layer_id}, {"period", d.period},
                          {"measure", d.measure}, {"classification", d.classification},
                          {"attribution", d.attribution}};
        opts.SetNameValue("RFC7946", "YES");
        opts.SetNameValue("COORDINATE_PRECISION", "6");
        opts.SetNameValue("WRITE_NAME", "NO");
        opts.SetNameValue("NATIVE_MEDIA_TYPE", "application/vnd.geo+json");
        opts.SetNameValue("NATIVE_DATA", fc.dump().c_str());
    } else if (fmt == ExportFormat::GeoPackage) {
        opts.SetNameValue("IDENTIFIER", d.title.c_str());
        opts.SetNameValue("DESCRIPTION", (d.period + ". " + d.attribution).c_str());
    }
    OGRwkbGeometryType gt = fmt == ExportFormat::Csv ? wkbNone : wkbMultiPolygon;
    std::string layer_name = d.layer_id.empty() ? "areas" : d.layer_id;
    OGRLayer* layer = ds->CreateLayer(layer_name.c_str(), fmt == ExportFormat::Csv ? nullptr : &ll, gt, opts.List());
    if (!layer) throw DataError(where(tmp, 0, "", "cannot create the layer: " + capture.last()));

    auto add_field = [&](const std::string& name, OGRFieldType t) {
        OGRFieldDefn f(name.c_str(), t);
        if (layer->CreateField(&f) != OGRERR_NONE)
            throw DataError(where(tmp, 0, name, "cannot create the field: " + capture.last()));
    };
    std::vector<bool> text(d.columns.size()), integer(d.columns.size());
    for (size_t c = 0; c < d.columns.size(); ++c) {
        text[c] = column_is_text(d, c);
        integer[c] = column_is_integer(d, c);
        add_field(d.columns[c], text[c] ? OFTString : integer[c] ? OFTInteger64 : OFTReal);
    }
    add_field("class", OFTInteger);
    add_field("fill", OFTString);
    if (fmt != ExportFormat::Csv) {
        add_field("fill-opacity", OFTReal);
        add_field("stroke", OFTString);
        add_field("stroke-width", OFTReal);
    }
    if (fmt == ExportFormat::Csv) add_field("attribution", OFTString);

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
        if (fmt != ExportFormat::Csv) {
            f.SetField(k + 2, 0.85);
            f.SetField(k + 3, "#ffffff");
            f.SetField(k + 4, 0.5);
            const Area& a = d.set->areas[d.selection[r]];
            std::unique_ptr<OGRGeometry> g(OGRGeometryFactory::forceToMultiPolygon(a.lonlat->clone()));
            f.SetGeometryDirectly(g.release());
        } else {
            f.SetField(k + 2, d.attribution.c_str());
        }
        if (layer->CreateFeature(&f) != OGRERR_NONE)
            throw DataError(where(tmp, static_cast<long>(r + 1), "", "cannot write the feature: " + capture.last()));
    }
    if (layer->CommitTransaction() != OGRERR_NONE && fmt == ExportFormat::GeoPackage)
        throw DataError(where(tmp, 0, "", "cannot commit the features: " + capture.last()));
    if (fmt == ExportFormat::GeoPackage) {
        ds->SetMetadataItem("ATTRIBUTION", d.attribution.c_str());
    }
    GDALClose(ds.release());  // flush now: errors must surface before the rename
    if (CPLGetLastErrorType() >= CE_Failure)
        throw DataError(where(tmp, 0, "", "writing failed: " + capture.last()));
}

} // namespace

std::string output_folder(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw UsageError("-o " + path + ": is a directory; give a file name");
    fs::path dir = fs::path(path).parent_path().empty() ? fs::path(".") : fs::path(path).parent_path();
    if (!fs::is_directory(dir, ec)) throw DataError(where(path, 0, "", "the folder " + dir.string() + " does not exist"));
    if (access(dir.c_str(), W_OK) != 0) throw DataError(where(path, 0, "", "the folder " + dir.string() + " is not writable"));
    return dir.string();
}

void check_output_path(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw UsageError("-o " + path + ": is a directory; give a file name");
    export_format_for(path);
    output_folder(path);
}

void export_areas(const ExportData& d, const std::string& path) {
    check_output_path(path);
    ExportFormat fmt = export_format_for(path);
    fs::path target(path);
    std::error_code ec;
    fs::path dir = output_folder(path);
    std::string tmp_name = ".";
    tmp_name.append(target.stem().string()).append(".tmp-").append(std::to_string(getpid()));
    tmp_name.append(target.extension().string());
    TempFile tmp{(dir / tmp_name).string()};
    fs::remove(tmp.path, ec);
    try {
        write_with_gdal(d, tmp.path, fmt);
    } catch (const DataError& e) {  // name the file the user asked for; the temporary one is gone
        throw DataError(where(path, 0, "", std::string("cannot write the export (") + e.what() + ")"));
    }
    fs::rename(tmp.path, target, ec);
    if (ec) throw DataError(where(path, 0, "", "cannot replace the file: " + ec.message()));
    tmp.committed = true;
}

} // namespace sespm
