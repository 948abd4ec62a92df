// area_cache.h: a FlatGeobuf copy of large boundary files in the user's cache folder
// ($XDG_CACHE_HOME or ~/.cache, then sespm-map/), written by GDAL after the first read and read
// by GDAL afterwards: England's 18 MB ward GeoJSON takes ~0.85 s to parse, its FlatGeobuf copy
// ~0.1 s. The copy is keyed on the source's absolute path, size and modification time. Beside it,
// NAME.fgb.check records the source's path, size and mtime, the copy's byte count, a checksum and
// its feature count; a copy is used only when all of them match (it is read from the bytes that
// were checked), and on any doubt it is removed and rebuilt from the source. Both files are
// written whole or not at all (core/output_file). A cache folder that cannot be read or written
// never stops a command: the source is read instead, with one warning line on stderr at most.
// SESPM_NO_CACHE=1 turns it off. Files under 512 KB are never cached.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "geodata/areas.h"

namespace sespm {

// The cache file that would hold `source`, or nullopt when caching does not apply.
std::optional<std::string> area_cache_path(const std::string& source);

// Reads a boundary file (a path GDAL opens, here one under /vsimem/) as read_area_file does.
using AreaFileReader = std::function<AreaSet(const std::string& gdal_path)>;

// The cached copy of `source`, read with `read`, when its record vouches for it (see above);
// nullopt when there is none or any doubt about it.
std::optional<AreaSet> read_area_cache(const std::string& source, const std::string& cache_path,
                                       const AreaFileReader& read);

// Writes the set's lon/lat geometries and properties as the cache of `source`, unless the source
// changed since `cache_path` was computed. A failure costs a warning, never the command.
void write_area_cache(const AreaSet& set, const std::string& source, const std::string& cache_path,
                      const std::string& code_field, const std::string& name_field);

} // namespace sespm
