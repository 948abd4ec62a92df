// mesh_cache.cpp: see mesh_cache.h.
#include "render/mesh_cache.h"

#include <proj.h>

#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "caches/bng_cache.h"
#include "caches/cache_files.h"

namespace fs = std::filesystem;

namespace sespm {

namespace {

// Bump when the layout or what build_mesh_uncached makes changes (tolerances, label points).
constexpr int kLayoutVersion = 1;
constexpr char kMagic[8] = {'S', 'E', 'S', 'P', 'M', 'M', 'S', 'H'};

std::string codes_checksum(const AreaSet& set) {
    std::string all;
    for (const auto& a : set.areas) all += a.code + "\n";
    return checksum(reinterpret_cast<const unsigned char*>(all.data()), all.size());
}

nlohmann::json record_of(const Stamp& s, const AreaSet& set, const std::string& bytes_sum, size_t bytes) {
    PJ_INFO i = proj_info();
    return {{"layout", kLayoutVersion}, {"proj", i.version ? i.version : "?"}, {"source", s.path}, {"source_size", s.size},
            {"source_mtime", s.mtime}, {"areas", set.areas.size()}, {"codes", codes_checksum(set)},
            {"bytes", bytes}, {"checksum", bytes_sum}};
}

template <class T> void put(std::string& out, const T& v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
template <class T> void put_vector(std::string& out, const std::vector<T>& v) {
    put<uint64_t>(out, v.size());
    out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

// Reads from the bytes with every count checked against what is left.
struct Reader {
    const std::string& b;
    size_t at = 0;
    bool ok = true;
    template <class T> T get() {
        T v{};
        if (at + sizeof v > b.size()) { ok = false; return v; }
        std::memcpy(&v, b.data() + at, sizeof v);
        at += sizeof v;
        return v;
    }
    template <class T> std::vector<T> get_vector() {
        auto n = get<uint64_t>();
        if (!ok || n > (b.size() - at) / sizeof(T)) { ok = false; return {}; }
        std::vector<T> v(n);
        std::memcpy(v.data(), b.data() + at, n * sizeof(T));
        at += n * sizeof(T);
        return v;
    }
};

std::string serialise(const MapMesh& m) {
    std::string out(kMagic, sizeof kMagic);
    put(out, m.origin_x);
    put(out, m.origin_y);
    put(out, m.bbox);
    put_vector(out, m.areas);
    put<uint64_t>(out, m.levels.size());
    for (const auto& lv : m.levels) {
        put(out, lv.tolerance_m);
        put_vector(out, lv.fill_xy);
        put_vector(out, lv.segments);
        put_vector(out, lv.ranges);
    }
    return out;
}

std::optional<MapMesh> parse(const std::string& bytes, size_t areas) {
    if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return std::nullopt;
    Reader r{bytes, sizeof kMagic};
    MapMesh m;
    m.origin_x = r.get<double>();
    m.origin_y = r.get<double>();
    m.bbox = r.get<Bbox>();
    m.areas = r.get_vector<AreaMesh>();
    auto levels = r.get<uint64_t>();
    if (!r.ok || m.areas.size() != areas || levels > 64) return std::nullopt;
    for (uint64_t k = 0; k < levels; ++k) {
        MeshLevel lv;
        lv.tolerance_m = r.get<double>();
        lv.fill_xy = r.get_vector<float>();
        lv.segments = r.get_vector<float>();
        lv.ranges = r.get_vector<AreaRange>();
        if (!r.ok || lv.ranges.size() != areas) return std::nullopt;
        for (const auto& rg : lv.ranges)  // every range inside its arrays
            if (uint64_t(rg.first_vertex) + rg.vertex_count > lv.fill_xy.size() / 2 ||
                uint64_t(rg.first_segment) + rg.segment_count > lv.segments.size() / 4)
                return std::nullopt;
        m.levels.push_back(std::move(lv));
    }
    if (r.at != bytes.size() || m.levels.empty()) return std::nullopt;
    return m;
}

} // namespace

std::optional<std::string> mesh_cache_path(const AreaSet& set) {
    auto p = bng_cache_path(set.source);
    if (!p) return std::nullopt;
    return p->substr(0, p->size() - std::string(".bng.fgb").size()) + ".mesh";
}

std::optional<MapMesh> read_mesh_cache(const std::string& path, const AreaSet& set) {
    std::string bytes, record;
    if (read_bytes(path, bytes) != 0) return std::nullopt;
    auto stamp = stamp_of(set.source);
    bool vouched = read_bytes(path + ".check", record) == 0 && stamp &&
                   nlohmann::json::parse(record, nullptr, false) ==
                       record_of(*stamp, set, checksum(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()), bytes.size());
    std::optional<MapMesh> m = vouched ? parse(bytes, set.areas.size()) : std::nullopt;
    if (!m) drop_cache_copy(path);  // another version of the file or of the program, or a damaged copy
    return m;
}

void write_mesh_cache(const std::string& path, const AreaSet& set, const MapMesh& mesh) {
    auto stamp = stamp_of(set.source);
    if (!stamp || mesh_cache_path(set) != path) return;
    std::string bytes = serialise(mesh);
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    std::string why = keep_cache_copy(path, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                                      [&](const std::string& sum, size_t size) { return record_of(*stamp, set, sum, size).dump(); });
    if (!why.empty()) cache_warning("cannot keep the tessellated copy of " + set.source + " (" + why + "); it is tessellated each time");
}

} // namespace sespm
