// area_reader.h: reading areas from any polygon file GDAL opens (GeoJSON boundary files through
// geodata/geojson_fast when it is sure to read them as OGR would), projecting them to EPSG:27700
// through PROJ into GEOS, and dissolving areas into groups with GEOS. No cache here: the cached
// read of large files is caches/cached_areas, which the rest of the program calls.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "geodata/areas.h"

namespace sespm {

// Reads a polygon file's features as areas, with codes and names from the given fields. Throws
// DataError naming the file, the feature and the field for a missing code, a duplicate code, a
// non-polygon geometry, an empty geometry, or coordinates that are not longitude/latitude when
// the file has no CRS. Only lon/lat geometries are read.
AreaSet read_area_source(const std::string& path, const std::string& code_field, const std::string& name_field);

// Transforms every area without a BNG geometry to EPSG:27700 (PROJ) and hands it to GEOS, on
// threads; the geometries belong to `geos` afterwards.
void project_area_set(const GeosContext& geos, AreaSet& set);

// Dissolves the areas of `src` into groups: `area_to_group` maps an area code to its group's
// code; `group_names` names the groups. The union is done by GEOS on the lon/lat geometries
// (areas sharing edges share the same vertices); members list the areas' codes.
AreaSet dissolve_groups(const AreaSet& src,
                        const std::vector<std::pair<std::string, std::string>>& area_to_group,
                        const std::map<std::string, std::string>& group_names, const std::string& what);

} // namespace sespm
