// area_cache.cpp: see area_cache.h.
#include "io/area_cache.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <set>

#include "io/boundaries.h"
#include "io/gdal_util.h"

namespace fs = std::filesystem;

namespace sespm {

std::optional<std::string> area_cache_path(const std::string& source) {
    if (const char* off = std::getenv("SESPM_NO_CACHE"); off && *off && std::string(off) != "0") return std::nullopt;
    std::error_code ec;
    fs::path p = fs::weakly_canonical(source, ec);
    if (ec) return std::nullopt;
    auto size = fs::file_size(p, ec);
    if (ec || size < 512 * 1024) return std::nullopt;
    auto mtime = fs::last_write_time(p, ec).time_since_epoch().count();
    if (ec) return std::nullopt;
    std::string base;
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) base = x;
    else if (const char* h = std::getenv("HOME"); h && *h) base = std::string(h) + "/.cache";
    else return std::nullopt;
    size_t key = std::hash<std::string>{}(p.string() + "|" + std::to_string(size) + "|" + std::to_string(mtime));
    char name[64];
    std::snprintf(name, sizeof name, "%016zx.fgb", key);
    return base + "/sespm-map/" + p.stem().string() + "-" + name;
}

void write_area_cache(const AreaSet& set, const std::string& cache_path, const std::string& code_field,
                      const std::string& name_field) {
    gdal_init();
    GdalErrorCapture quiet;
    std::error_code ec;
    fs::create_directories(fs::path(cache_path).parent_path(), ec);
    if (ec) return;
    std::string tmp = cache_path + ".tmp-" + std::to_string(getpid()) + ".fgb";
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("FlatGeobuf");
    if (!drv) return;
    bool ok = false;
    {
        std::unique_ptr<GDALDataset> ds(drv->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) return;
        OGRSpatialReference ll;
        ll.importFromEPSG(4326);
        ll.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        CPLStringList opts;
        opts.SetNameValue("SPATIAL_INDEX", "NO");
        OGRLayer* layer = ds->CreateLayer("areas", &ll, wkbMultiPolygon, opts.List());
        std::set<std::string> names{code_field, name_field};
        for (const auto& a : set.areas) for (const auto& [k, v] : a.props) names.insert(k);
        std::vector<std::string> fields(names.begin(), names.end());
        for (const auto& f : fields) {
            OGRFieldDefn d(f.c_str(), OFTString);
            if (layer && layer->CreateField(&d) != OGRERR_NONE) layer = nullptr;
        }
        if (layer) {
            ok = true;
            for (const auto& a : set.areas) {
                OGRFeature feat(layer->GetLayerDefn());
                for (size_t i = 0; i < fields.size(); ++i) {
                    if (fields[i] == code_field) feat.SetField(static_cast<int>(i), a.code.c_str());
                    else if (fields[i] == name_field) feat.SetField(static_cast<int>(i), a.name.c_str());
                    else if (auto it = a.props.find(fields[i]); it != a.props.end()) feat.SetField(static_cast<int>(i), it->second.c_str());
                }
                feat.SetGeometry(a.lonlat.get());
                if (layer->CreateFeature(&feat) != OGRERR_NONE) { ok = false; break; }
            }
        }
    }
    if (ok) fs::rename(tmp, cache_path, ec);
    if (!ok || ec) fs::remove(tmp, ec);
}

} // namespace sespm
