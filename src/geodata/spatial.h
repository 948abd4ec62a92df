// spatial.h: the spatial questions planners ask, answered by GEOS in British National Grid
// (EPSG:27700) with prepared geometries and STRtrees: points per area, the nearest point to each
// area, areas within N km of an area, neighbours (areas sharing a boundary line, not a mere
// corner) and the dissolve of any set of areas.
#pragma once
#include <cstddef>
#include <limits>
#include <vector>

#include "geodata/areas.h"
#include "geodata/points.h"

namespace sespm {

// Number of points in each selected area (same order as `selection`). A point on a shared
// boundary is counted once, in the first area (by selection order) that contains or touches it.
std::vector<int> count_points(const GeosContext& geos, const AreaSet& set, const std::vector<size_t>& selection,
                              const PointSet& points);

struct NearestPoint {
    int point = -1;                                          // index into the PointSet, -1 if none
    double distance_m = std::numeric_limits<double>::quiet_NaN();  // 0 when the point is inside
};
// For each selected area, the nearest point and its distance from the area's polygon.
std::vector<NearestPoint> nearest_points(const GeosContext& geos, const AreaSet& set,
                                         const std::vector<size_t>& selection, const PointSet& points);

struct AreaDistance {
    size_t area;
    double distance_m;
};
// Areas (other than `from`) whose polygons come within `metres` of area `from`, nearest first.
std::vector<AreaDistance> areas_within(const GeosContext& geos, const AreaSet& set, size_t from, double metres);

// Areas sharing a boundary line with area `of` (rook adjacency), in set order.
std::vector<size_t> neighbours(const GeosContext& geos, const AreaSet& set, size_t of);

// The union of the selected areas' BNG geometries.
GeomPtr dissolve(const GeosContext& geos, const AreaSet& set, const std::vector<size_t>& selection);

} // namespace sespm
