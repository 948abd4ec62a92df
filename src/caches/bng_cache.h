// bng_cache.h: the projected geometries of a large boundary file, kept beside its FlatGeobuf
// copy (caches/area_cache.h) so a second run skips PROJ and the validity check: England's 7,681 wards
// take ~0.4 s CPU to project and check, their projected copy ~0.05 s to read. GDAL writes it as
// FlatGeobuf in EPSG:27700 (one feature per area, in the set's order, with its code) after a set
// was projected and found valid, and reads it back; a record beside it (NAME.check: the source's
// path, size and time, PROJ's version, the copy's bytes, checksum and feature count) must match,
// and every feature's code must be the area's, or the copy is removed and the set projected
// again. Keyed like the lon/lat copy; SESPM_NO_CACHE=1 turns both off.
#pragma once
#include <optional>
#include <string>

#include "geodata/areas.h"
#include "geodata/geos.h"

namespace sespm {

// The projected copy's path for a set read from `source`, or nullopt when caching does not apply.
std::optional<std::string> bng_cache_path(const std::string& source);

// Fills every area's `bng` from the copy when its record vouches for it; false (nothing changed)
// when there is none or any doubt.
bool read_bng_cache(const std::string& cache_path, const std::string& source, const GeosContext& geos, AreaSet& set);

// Writes the set's projected geometries as the copy. A failure costs a warning, never the command.
void write_bng_cache(const std::string& cache_path, const std::string& source, const GeosContext& geos, const AreaSet& set);

} // namespace sespm
