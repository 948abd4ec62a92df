// cached_areas.cpp: see cached_areas.h.
#include "caches/cached_areas.h"

#include "caches/area_cache.h"
#include "caches/bng_cache.h"
#include "core/bad_rows.h"
#include "geodata/area_reader.h"

namespace sespm {

AreaSet read_area_file(const std::string& path, const std::string& code_field, const std::string& name_field) {
    // The cache is keyed by the file alone: with --source-layer the layer read could differ.
    auto cache = input_options().source_layer.empty() ? area_cache_path(path) : std::nullopt;
    if (cache) {
        auto read = [&](const std::string& f) { return read_area_source(f, code_field, name_field); };
        if (auto s = read_area_cache(path, *cache, read)) return std::move(*s);  // checked, else rebuilt
    }
    AreaSet s = read_area_source(path, code_field, name_field);
    if (cache) write_area_cache(s, path, *cache, code_field, name_field);
    return s;
}

void project_areas(const GeosContext& geos, AreaSet& set) {
    if (set.projected) return;
    // A large file's projected copy from an earlier run (caches/bng_cache.h), when it vouches for itself.
    auto cache = bng_cache_path(set.source);
    bool all_missing = true;
    for (const auto& a : set.areas) all_missing &= !a.bng;
    if (cache && all_missing && read_bng_cache(*cache, set.source, geos, set)) {
        set.projected = true;
        return;
    }
    project_area_set(geos, set);
    set.projected = true;
    if (cache && all_missing) write_bng_cache(*cache, set.source, geos, set);
}

} // namespace sespm
