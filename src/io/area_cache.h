// area_cache.h: a FlatGeobuf copy of large boundary files in the user's cache folder
// ($XDG_CACHE_HOME or ~/.cache, then sespm-map/), written by GDAL after the first read and read
// by GDAL afterwards: England's 18 MB ward GeoJSON takes ~0.85 s to parse, its FlatGeobuf copy
// ~0.1 s. The copy is keyed on the source's absolute path, size and modification time, written to
// a temporary name and renamed, and ignored whenever anything about it is off. SESPM_NO_CACHE=1
// turns it off. Files under 512 KB are never cached.
#pragma once
#include <optional>
#include <string>

namespace sespm {

struct AreaSet;

// The cache file that would hold `source`, or nullopt when caching does not apply.
std::optional<std::string> area_cache_path(const std::string& source);
// Writes the set's lon/lat geometries and properties; failures are silent (it is only a cache).
void write_area_cache(const AreaSet& set, const std::string& cache_path, const std::string& code_field,
                      const std::string& name_field);

} // namespace sespm
