// mesh.h: areas turned into what the GPU draws: fill triangles (GLU's tessellator, once per
// layer) and outline segments, in BNG metres relative to an origin so floats keep their
// precision. Also each area's label anchor (its pole of inaccessibility, from GEOS, and the
// radius of the largest circle inside it there) and its size.
// Levels of detail: level 0 is the full geometry; each further level is simplified by GEOS
// (Douglas-Peucker) with a tolerance twice the last, and the renderer draws the coarsest
// level whose tolerance stays within 1.5 pixels, so England's 750,000 ward vertices do
// not all go through a software rasteriser when the whole country is in view.
// No GL calls here: the mesh is built off the main thread and uploaded later.
#pragma once
#include <atomic>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "geodata/areas.h"
#include "render/camera.h"

namespace sespm {

struct AreaRange {
    uint32_t first_vertex = 0, vertex_count = 0;    // fill triangles (3 vertices each)
    uint32_t first_segment = 0, segment_count = 0;  // outline segments
};

struct MeshLevel {
    double tolerance_m = 0;                         // 0 = full detail
    std::vector<float> fill_xy;                     // x,y per triangle vertex
    std::vector<float> segments;                    // ax,ay,bx,by per outline segment
    std::vector<AreaRange> ranges;                  // per area
};

struct AreaMesh {
    double label_x = 0, label_y = 0;                // BNG: the pole of inaccessibility
    double label_r = 0;                             // metres from there to the nearest edge
    double area_m2 = 0;
    Bbox bbox;
};

struct MapMesh {
    double origin_x = 0, origin_y = 0;              // BNG metres subtracted from every vertex
    std::vector<MeshLevel> levels;                  // finest first
    std::vector<AreaMesh> areas;                    // same order as the AreaSet
    Bbox bbox;                                      // of everything, BNG
    // The level to draw at `metres_per_pixel`: the coarsest whose tolerance is at most 1.5 pixels.
    size_t level_for(double metres_per_pixel) const;
};

struct MeshOptions {
    // A single picture at a known scale (headless render) needs only the level for that scale.
    double only_for_mpp = 0;     // 0 = every level (the window zooms)
    bool label_points = true;    // a point inside each area (GEOS), for labels
    const std::atomic<bool>* cancel = nullptr;  // set to stop early: build_mesh throws MeshCancelled
};

struct MeshCancelled : std::runtime_error {
    MeshCancelled() : std::runtime_error("cancelled") {}
};

// One area's extent, size and (with `label_point`) its pole of inaccessibility and the radius
// there: what names are placed by (render/area_labels.h), without any tessellation, for the
// print maps that draw with cairo and need no triangles. The pole is found to `pole_tolerance_m`
// (0: 1/200 of the area's extent, as the window's mesh does).
AreaMesh measure_area(const GeosContext& geos, const GEOSGeometry* g, bool label_point, double pole_tolerance_m = 0);

// Tessellates every area of a projected set. `progress` (0..1) is updated as it goes when given.
// Throws DataError naming the area when the tessellator fails.
// The window's full mesh of a large boundary file comes from its tessellated copy when there is
// one (render/mesh_cache.h), else it is built and kept.
MapMesh build_mesh(const GeosContext& geos, const AreaSet& set, std::atomic<float>* progress = nullptr,
                   const MeshOptions& opt = {});
// The tessellated copy of a large boundary file's full mesh when one vouches for itself.
std::optional<MapMesh> read_cached_mesh(const AreaSet& set);
// Whether a set has so many vertices (England's wards: 750,000) that the window shows the first
// view's level alone before building the rest.
bool is_large_mesh(const GeosContext& geos, const AreaSet& set);
// Always built here (the copy neither read nor written).
MapMesh build_mesh_uncached(const GeosContext& geos, const AreaSet& set, std::atomic<float>* progress = nullptr,
                            const MeshOptions& opt = {});

} // namespace sespm
