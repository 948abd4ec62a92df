// area_cache.cpp: see area_cache.h.
#include "caches/area_cache.h"

#include <cpl_vsi.h>
#include <fcntl.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "core/error.h"
#include "geodata/gdal_util.h"
#include "caches/cache_files.h"
#include "core/output_file.h"  // errno_reason

namespace fs = std::filesystem;

namespace sespm {

namespace {

std::string record_of(const Stamp& s, const std::string& bytes_checksum, size_t bytes, size_t features) {
    return nlohmann::json{{"version", 1},       {"source", s.path},         {"source_size", s.size},
                          {"source_mtime", s.mtime}, {"bytes", bytes}, {"checksum", bytes_checksum},
                          {"features", features}}
        .dump();
}

} // namespace

std::optional<std::string> area_cache_path(const std::string& source) {
    if (const char* off = std::getenv("SESPM_NO_CACHE"); off && *off && std::string(off) != "0") return std::nullopt;
    auto s = stamp_of(source);
    if (!s || s->size < 512 * 1024) return std::nullopt;
    auto folder = cache_folder();
    if (!folder) return std::nullopt;
    size_t key = std::hash<std::string>{}(s->path + "|" + std::to_string(s->size) + "|" + std::to_string(s->mtime));
    char name[64];
    std::snprintf(name, sizeof name, "%016zx.fgb", key);
    return *folder + "/" + fs::path(s->path).stem().string() + "-" + name;
}

std::optional<AreaSet> read_area_cache(const std::string& source, const std::string& cache_path,
                                       const AreaFileReader& read) {
    std::string bytes, record_text;
    int err = read_bytes(cache_path, bytes);
    if (err == ENOENT || err == ENOTDIR) return std::nullopt;  // not cached yet
    std::string folder = fs::path(cache_path).parent_path().string();
    if (err != 0) {
        cache_warning("cannot read the boundary cache " + cache_path + " (" + errno_reason(err) +
                      "); reading " + source + " instead");
        return std::nullopt;
    }
    if (read_bytes(cache_path + ".check", record_text) != 0) {  // an older or half-written cache
        drop_cache_copy(cache_path);
        return std::nullopt;
    }
    auto doubt = [&](const std::string& why) -> std::optional<AreaSet> {
        drop_cache_copy(cache_path);
        cache_warning("the cached copy of " + source + " in " + folder + " " + why + "; it is rebuilt from the file");
        return std::nullopt;
    };
    auto stamp = stamp_of(source);
    nlohmann::json rec = nlohmann::json::parse(record_text, nullptr, false);
    if (!stamp || !rec.is_object() || rec.value("version", 0) != 1) return doubt("has an unreadable record");
    if (rec.value("source", "") != stamp->path || rec.value("source_size", uintmax_t{0}) != stamp->size ||
        rec.value("source_mtime", 0LL) != stamp->mtime)
        return doubt("was made from another version of the file");
    if (rec.value("bytes", size_t{0}) != bytes.size()) return doubt("is incomplete (truncated)");
    if (rec.value("checksum", "") != checksum(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()))
        return doubt("is damaged (checksum)");
    // GDAL reads the very bytes that were checked.
    GdalMemFolder mem;
    std::string copy = mem.dir + "/copy.fgb";
    VSIFCloseL(VSIFileFromMemBuffer(copy.c_str(), reinterpret_cast<GByte*>(bytes.data()), bytes.size(), FALSE));
    try {
        AreaSet s = read(copy);
        if (s.areas.size() != rec.value("features", size_t{0})) return doubt("holds the wrong number of features");
        s.source = source;  // messages name the user's file
        return s;
    } catch (const std::exception&) {
        return doubt("cannot be read");
    }
}

namespace {

// The FlatGeobuf file, written by GDAL under /vsimem/; "" on success, else the reason.
std::string write_fgb(const AreaSet& set, const std::string& file, const std::string& code_field,
                      const std::string& name_field) {
    GdalErrorCapture capture;
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("FlatGeobuf");
    if (!drv) return "GDAL has no FlatGeobuf driver";
    std::unique_ptr<GDALDataset> ds(drv->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) return capture.reason();
    OGRSpatialReference ll;
    ll.importFromEPSG(4326);
    ll.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    CPLStringList opts;
    opts.SetNameValue("SPATIAL_INDEX", "NO");
    OGRLayer* layer = ds->CreateLayer("areas", &ll, wkbMultiPolygon, opts.List());
    if (!layer) return capture.reason();
    std::set<std::string> names{code_field, name_field};
    for (const auto& a : set.areas) for (const auto& [k, v] : a.props) names.insert(k);
    std::vector<std::string> fields(names.begin(), names.end());
    for (const auto& f : fields) {
        OGRFieldDefn d(f.c_str(), OFTString);
        if (layer->CreateField(&d) != OGRERR_NONE) return capture.reason();
    }
    for (const auto& a : set.areas) {
        OGRFeature feat(layer->GetLayerDefn());
        for (size_t i = 0; i < fields.size(); ++i) {
            if (fields[i] == code_field) feat.SetField(static_cast<int>(i), a.code.c_str());
            else if (fields[i] == name_field) feat.SetField(static_cast<int>(i), a.name.c_str());
            else if (auto it = a.props.find(fields[i]); it != a.props.end()) feat.SetField(static_cast<int>(i), it->second.c_str());
        }
        feat.SetGeometry(a.lonlat.get());
        if (layer->CreateFeature(&feat) != OGRERR_NONE) return "feature " + a.code + ": " + capture.reason();
    }
    CPLErrorReset();
    GDALClose(ds.release());
    if (CPLGetLastErrorType() >= CE_Failure) return capture.reason();
    return "";
}

} // namespace

void write_area_cache(const AreaSet& set, const std::string& source, const std::string& cache_path,
                      const std::string& code_field, const std::string& name_field) {
    auto now = area_cache_path(source);
    auto stamp = stamp_of(source);
    if (!now || *now != cache_path || !stamp) return;  // the source changed while it was read
    gdal_init();
    std::string folder = fs::path(cache_path).parent_path().string();
    auto warn = [&](const std::string& why) {
        cache_warning("cannot write the boundary cache in " + folder + " (" + why + "); " + source +
                      " is read directly each time, which is slower");
    };
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) return warn(errno_reason(ec.value()));
    GdalMemFolder mem;
    std::string file = mem.dir + "/copy.fgb";
    if (std::string why = write_fgb(set, file, code_field, name_field); !why.empty()) return warn("GDAL: " + why);
    vsi_l_offset len = 0;
    const GByte* bytes = VSIGetMemFileBuffer(file.c_str(), &len, FALSE);
    if (!bytes) return warn("GDAL wrote no file");
    std::string why = keep_cache_copy(cache_path, bytes, static_cast<size_t>(len), [&](const std::string& sum, size_t size) {
        return record_of(*stamp, sum, size, set.areas.size());
    });
    if (!why.empty()) warn(why);
}

} // namespace sespm
