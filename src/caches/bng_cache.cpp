// bng_cache.cpp: see bng_cache.h.
#include "caches/bng_cache.h"

#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <proj.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/bad_rows.h"
#include "core/error.h"
#include "caches/area_cache.h"
#include "caches/cache_files.h"
#include "geodata/gdal_util.h"

namespace fs = std::filesystem;

namespace sespm {

namespace {

std::string proj_version() {
    PJ_INFO i = proj_info();
    return i.version ? i.version : "?";
}

nlohmann::json record_of(const Stamp& s, const std::string& sum, size_t bytes, size_t features) {
    return {{"version", 1}, {"kind", "EPSG:4326 to EPSG:27700"}, {"proj", proj_version()}, {"source", s.path},
            {"source_size", s.size}, {"source_mtime", s.mtime}, {"bytes", bytes}, {"checksum", sum}, {"features", features}};
}

// Every feature's geometry, in order, as GEOS geometries; empty when any feature does not match.
std::vector<GeomPtr> read_features(const std::string& gdal_path, const GeosContext& geos, const AreaSet& set) {
    GdalErrorCapture capture;
    GDALDatasetUniquePtr ds(GDALDataset::Open(gdal_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    OGRLayer* layer = ds ? ds->GetLayer(0) : nullptr;
    if (!layer || layer->GetFeatureCount() != static_cast<GIntBig>(set.areas.size())) return {};
    std::vector<GeomPtr> out;
    std::vector<unsigned char> wkb;
    size_t i = 0;
    for (auto& f : *layer) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (i >= set.areas.size() || !g || set.areas[i].code != f->GetFieldAsString(0)) return {};
        wkb.resize(static_cast<size_t>(g->WkbSize()));
        g->exportToWkb(wkbNDR, wkb.data());
        GeomPtr geom(GEOSGeomFromWKB_buf_r(geos, wkb.data(), wkb.size()), GeomDeleter{geos.get()});
        if (!geom) return {};
        out.push_back(std::move(geom));
        ++i;
    }
    return i == set.areas.size() ? std::move(out) : std::vector<GeomPtr>{};
}

// The copy written by GDAL under /vsimem/; "" on success, else the reason.
std::string write_fgb(const std::string& file, const GeosContext& geos, const AreaSet& set) {
    GdalErrorCapture capture;
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("FlatGeobuf");
    if (!drv) return "GDAL has no FlatGeobuf driver";
    std::unique_ptr<GDALDataset> ds(drv->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) return capture.reason();
    OGRSpatialReference bng;
    bng.importFromEPSG(27700);
    CPLStringList opts;
    opts.SetNameValue("SPATIAL_INDEX", "NO");
    OGRLayer* layer = ds->CreateLayer("bng", &bng, wkbMultiPolygon, opts.List());
    OGRFieldDefn code("code", OFTString);
    if (!layer || layer->CreateField(&code) != OGRERR_NONE) return capture.reason();
    for (const auto& a : set.areas) {
        size_t n = 0;
        unsigned char* wkb = GEOSGeomToWKB_buf_r(geos, a.bng.get(), &n);
        if (!wkb) return "GEOS cannot write area " + a.code;
        OGRGeometry* g = nullptr;
        OGRErr err = OGRGeometryFactory::createFromWkb(wkb, nullptr, &g, n);
        GEOSFree_r(geos, wkb);
        if (err != OGRERR_NONE || !g) return "area " + a.code + ": GDAL cannot read GEOS's WKB";
        OGRFeature feat(layer->GetLayerDefn());
        feat.SetField(0, a.code.c_str());
        feat.SetGeometryDirectly(g);
        if (layer->CreateFeature(&feat) != OGRERR_NONE) return "area " + a.code + ": " + capture.reason();
    }
    CPLErrorReset();
    GDALClose(ds.release());
    return CPLGetLastErrorType() >= CE_Failure ? capture.reason() : "";
}

} // namespace

std::optional<std::string> bng_cache_path(const std::string& source) {
    if (!input_options().source_layer.empty()) return std::nullopt;  // keyed by the file alone, like the lon/lat copy
    auto p = area_cache_path(source);
    if (!p) return std::nullopt;
    return p->substr(0, p->size() - 4) + ".bng.fgb";
}

bool read_bng_cache(const std::string& cache_path, const std::string& source, const GeosContext& geos, AreaSet& set) {
    std::string bytes, record_text;
    if (read_bytes(cache_path, bytes) != 0) return false;  // none yet (or unreadable: projected again)
    if (read_bytes(cache_path + ".check", record_text) != 0) { drop_cache_copy(cache_path); return false; }
    auto stamp = stamp_of(source);
    nlohmann::json rec = nlohmann::json::parse(record_text, nullptr, false);
    if (!stamp || rec != record_of(*stamp, checksum(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()), bytes.size(),
                                   set.areas.size())) {
        drop_cache_copy(cache_path);  // another version of the file, of PROJ, a damaged or partial copy
        return false;
    }
    gdal_init();
    GdalMemFolder mem;
    std::string copy = mem.dir + "/bng.fgb";
    VSIFCloseL(VSIFileFromMemBuffer(copy.c_str(), reinterpret_cast<GByte*>(bytes.data()), bytes.size(), FALSE));
    std::vector<GeomPtr> geoms = read_features(copy, geos, set);
    if (geoms.size() != set.areas.size()) {
        drop_cache_copy(cache_path);
        cache_warning("the projected copy of " + source + " does not match it; it is projected again");
        return false;
    }
    for (size_t i = 0; i < geoms.size(); ++i) set.areas[i].bng = std::move(geoms[i]);
    return true;
}

void write_bng_cache(const std::string& cache_path, const std::string& source, const GeosContext& geos, const AreaSet& set) {
    auto stamp = stamp_of(source);
    if (!stamp || bng_cache_path(source) != cache_path) return;  // the source changed meanwhile
    gdal_init();
    auto warn = [&](const std::string& why) {
        cache_warning("cannot write the projected copy of " + source + " (" + why + "); it is projected each time, which is slower");
    };
    std::error_code ec;
    fs::create_directories(fs::path(cache_path).parent_path(), ec);
    if (ec) return warn(ec.message());
    GdalMemFolder mem;
    std::string file = mem.dir + "/bng.fgb";
    if (std::string why = write_fgb(file, geos, set); !why.empty()) return warn("GDAL: " + why);
    vsi_l_offset len = 0;
    const GByte* bytes = VSIGetMemFileBuffer(file.c_str(), &len, FALSE);
    if (!bytes) return warn("GDAL wrote no file");
    std::string why = keep_cache_copy(cache_path, bytes, static_cast<size_t>(len), [&](const std::string& sum, size_t size) {
        return record_of(*stamp, sum, size, set.areas.size()).dump();
    });
    if (!why.empty()) warn(why);
}

} // namespace sespm
