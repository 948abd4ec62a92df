// cached_areas.h: the areas of a boundary file as the program reads them: through the
// FlatGeobuf copy in the cache folder when the file is large and the copy vouches for itself
// (caches/area_cache), else from the file (geodata/area_reader), which then refreshes the copy;
// and their BNG geometries, from the projected copy (caches/bng_cache) or by projecting.
#pragma once
#include <string>

#include "geodata/areas.h"

namespace sespm {

// The areas of a polygon file (see read_area_source for what is refused).
AreaSet read_area_file(const std::string& path, const std::string& code_field = "code",
                       const std::string& name_field = "name");

// Adds the EPSG:27700 GEOS geometries; no-op when already done.
void project_areas(const GeosContext& geos, AreaSet& set);

} // namespace sespm
