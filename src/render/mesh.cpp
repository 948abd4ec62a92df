// mesh.cpp: tessellation with GLU's tessellator (odd winding, triangles only) and outline
// segments from the GEOS rings (see mesh.h).
#include "render/mesh.h"

#include <GL/glu.h>

#include <array>
#include <cmath>
#include <deque>
#include <iterator>
#include <limits>

#include "core/error.h"
#include "core/parallel.h"
#include "render/mesh_cache.h"

namespace sespm {

namespace {

struct TessState {
    MapMesh* mesh;
    MeshLevel* level;
    double ox, oy;
    std::deque<std::array<double, 3>> extra;   // vertices the tessellator creates at crossings
    GLenum error = 0;
};

void on_begin(GLenum, void*) {}
void on_edge_flag(GLboolean, void*) {}  // its presence makes GLU emit GL_TRIANGLES only
void on_vertex(void* v, void* data) {
    auto* s = static_cast<TessState*>(data);
    const double* p = static_cast<const double*>(v);
    s->level->fill_xy.push_back(static_cast<float>(p[0] - s->ox));
    s->level->fill_xy.push_back(static_cast<float>(p[1] - s->oy));
}
void on_end(void*) {}
void on_combine(GLdouble coords[3], void*[4], GLfloat[4], void** out, void* data) {
    auto* s = static_cast<TessState*>(data);
    s->extra.push_back({coords[0], coords[1], 0});
    *out = s->extra.back().data();
}
void on_error(GLenum e, void* data) { static_cast<TessState*>(data)->error = e; }

struct TessDeleter { void operator()(GLUtesselator* t) const { gluDeleteTess(t); } };

void ring_coords(const GeosContext& g, const GEOSGeometry* ring, std::vector<std::array<double, 3>>& out) {
    const GEOSCoordSequence* cs = GEOSGeom_getCoordSeq_r(g, ring);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(g, cs, &n);
    out.clear();
    for (unsigned i = 0; i + 1 < n; ++i) {  // the closing vertex repeats the first
        double x, y;
        GEOSCoordSeq_getXY_r(g, cs, i, &x, &y);
        out.push_back({x, y, 0});
    }
}

} // namespace

namespace {

// Tessellates and outlines every area's geometry (already simplified for `level`).
std::unique_ptr<GLUtesselator, TessDeleter> new_tessellator();

// Areas [from, to) of one level into `level` (its ranges indexed from `from`), with this
// thread's own GEOS context and tessellator.
void build_level(const GeosContext& geos, const AreaSet& set, const std::vector<const GEOSGeometry*>& geoms,
                 MapMesh& m, MeshLevel& level, size_t from, size_t to, std::atomic<float>* progress, float p0, float p1,
                 const std::atomic<bool>* cancel) {
    auto tess_owner = new_tessellator();
    GLUtesselator* tess = tess_owner.get();
    TessState st{&m, &level, m.origin_x, m.origin_y, {}, 0};
    std::vector<std::vector<std::array<double, 3>>> rings;
    level.ranges.resize(to - from);
    for (size_t i = from; i < to; ++i) {
        AreaRange& r = level.ranges[i - from];
        r.first_vertex = static_cast<uint32_t>(level.fill_xy.size() / 2);
        r.first_segment = static_cast<uint32_t>(level.segments.size() / 4);
        const GEOSGeometry* g = geoms[i];
        int parts = g ? GEOSGetNumGeometries_r(geos, g) : 0;
        for (int p = 0; p < parts; ++p) {
            const GEOSGeometry* poly = GEOSGetGeometryN_r(geos, g, p);
            if (GEOSGeomTypeId_r(geos, poly) != GEOS_POLYGON || GEOSisEmpty_r(geos, poly)) continue;
            int holes = GEOSGetNumInteriorRings_r(geos, poly);
            rings.resize(static_cast<size_t>(holes) + 1);
            ring_coords(geos, GEOSGetExteriorRing_r(geos, poly), rings[0]);
            for (int h = 0; h < holes; ++h) ring_coords(geos, GEOSGetInteriorRingN_r(geos, poly, h), rings[h + 1]);
            st.error = 0;
            gluTessBeginPolygon(tess, &st);
            for (auto& ring : rings) {
                if (ring.size() < 3) continue;
                gluTessBeginContour(tess);
                for (auto& v : ring) gluTessVertex(tess, v.data(), v.data());
                gluTessEndContour(tess);
                for (size_t k = 0; k < ring.size(); ++k) {
                    const auto& a = ring[k];
                    const auto& b = ring[(k + 1) % ring.size()];
                    level.segments.insert(level.segments.end(),
                                          {static_cast<float>(a[0] - m.origin_x), static_cast<float>(a[1] - m.origin_y),
                                           static_cast<float>(b[0] - m.origin_x), static_cast<float>(b[1] - m.origin_y)});
                }
            }
            gluTessEndPolygon(tess);
            if (st.error) throw DataError(set.source + ": area " + set.areas[i].code + ": the tessellator failed: " +
                                          reinterpret_cast<const char*>(gluErrorString(st.error)));
            st.extra.clear();
        }
        r.vertex_count = static_cast<uint32_t>(level.fill_xy.size() / 2) - r.first_vertex;
        r.segment_count = static_cast<uint32_t>(level.segments.size() / 4) - r.first_segment;
        if (cancel && i % 64 == 0 && cancel->load()) throw MeshCancelled();
        if (progress && from == 0 && (i % 64 == 0 || i + 1 == to))  // the first chunk speaks for all
            progress->store(p0 + (p1 - p0) * static_cast<float>(i + 1) / static_cast<float>(to));
    }
}

// The label anchor: the pole of inaccessibility (the centre of the largest inscribed circle,
// GEOS's polylabel-style grid search, to `tol` or 1/200 of the area's extent) and that circle's radius,
// so a name placed there is as far from every edge as the area allows. A centroid can lie
// outside a crescent or on an island's neighbour; a point-on-surface can sit on a thin strip.
void label_point(const GeosContext& geos, const GEOSGeometry* g, AreaMesh& am, double tol) {
    if (tol <= 0) tol = std::max(am.bbox.width(), am.bbox.height()) / 200;
    GeomPtr mic = own(geos, tol > 0 ? GEOSMaximumInscribedCircle_r(geos, g, tol) : nullptr);
    if (mic) {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(geos, mic.get());
        double x1, y1;
        if (seq && GEOSCoordSeq_getXY_r(geos, seq, 0, &am.label_x, &am.label_y) && GEOSCoordSeq_getXY_r(geos, seq, 1, &x1, &y1)) {
            am.label_r = std::hypot(x1 - am.label_x, y1 - am.label_y);
            return;
        }
    }
    GeomPtr pt = own(geos, GEOSPointOnSurface_r(geos, g));  // degenerate areas: any interior point
    if (pt) {
        GEOSGeomGetX_r(geos, pt.get(), &am.label_x);
        GEOSGeomGetY_r(geos, pt.get(), &am.label_y);
    }
    am.label_r = 0;
}

} // namespace

AreaMesh measure_area(const GeosContext& geos, const GEOSGeometry* g, bool with_label_point, double pole_tolerance_m) {
    AreaMesh am;
    double x0, y0, x1, y1;
    GEOSGeom_getXMin_r(geos, g, &x0);
    GEOSGeom_getYMin_r(geos, g, &y0);
    GEOSGeom_getXMax_r(geos, g, &x1);
    GEOSGeom_getYMax_r(geos, g, &y1);
    am.bbox = Bbox{x0, y0, x1, y1};
    GEOSArea_r(geos, g, &am.area_m2);
    if (with_label_point) label_point(geos, g, am, pole_tolerance_m);
    return am;
}

size_t MapMesh::level_for(double mpp) const {
    size_t best = 0;
    for (size_t k = 0; k < levels.size(); ++k)
        if (levels[k].tolerance_m <= 1.5 * mpp) best = k;
    return best;  // a single-level mesh always draws its one level
}

namespace {

std::unique_ptr<GLUtesselator, TessDeleter> new_tessellator() {
    std::unique_ptr<GLUtesselator, TessDeleter> tess(gluNewTess());
    gluTessCallback(tess.get(), GLU_TESS_BEGIN_DATA, reinterpret_cast<_GLUfuncptr>(on_begin));
    gluTessCallback(tess.get(), GLU_TESS_EDGE_FLAG_DATA, reinterpret_cast<_GLUfuncptr>(on_edge_flag));
    gluTessCallback(tess.get(), GLU_TESS_VERTEX_DATA, reinterpret_cast<_GLUfuncptr>(on_vertex));
    gluTessCallback(tess.get(), GLU_TESS_END_DATA, reinterpret_cast<_GLUfuncptr>(on_end));
    gluTessCallback(tess.get(), GLU_TESS_COMBINE_DATA, reinterpret_cast<_GLUfuncptr>(on_combine));
    gluTessCallback(tess.get(), GLU_TESS_ERROR_DATA, reinterpret_cast<_GLUfuncptr>(on_error));
    gluTessProperty(tess.get(), GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
    gluTessNormal(tess.get(), 0, 0, 1);
    return tess;
}

// The chunks of areas the threads take: [bounds[t], bounds[t + 1]).
std::vector<size_t> chunk_bounds(size_t n, size_t threads) {
    std::vector<size_t> b;
    for (size_t t = 0; t <= threads; ++t) b.push_back(t * n / threads);
    return b;
}

// One level of every area, in chunks on threads (each with its own GEOS context and
// tessellator), joined in area order: the same vertices as one thread would make.
MeshLevel build_level_parallel(const AreaSet& set, const std::vector<const GEOSGeometry*>& geoms, MapMesh& m,
                               double tolerance, std::atomic<float>* progress, float p0, float p1, const MeshOptions& opt) {
    size_t threads = worker_count(set.areas.size(), 64);
    std::vector<size_t> bounds = chunk_bounds(set.areas.size(), threads);
    std::vector<MeshLevel> parts(threads);
    run_on_threads(threads, [&](size_t t) {
        GeosContext ctx;
        build_level(ctx, set, geoms, m, parts[t], bounds[t], bounds[t + 1], progress, p0, p1, opt.cancel);
    });
    MeshLevel level;
    level.tolerance_m = tolerance;
    for (auto& part : parts) {
        auto v0 = static_cast<uint32_t>(level.fill_xy.size() / 2), s0 = static_cast<uint32_t>(level.segments.size() / 4);
        for (AreaRange r : part.ranges) {
            r.first_vertex += v0;
            r.first_segment += s0;
            level.ranges.push_back(r);
        }
        level.fill_xy.insert(level.fill_xy.end(), part.fill_xy.begin(), part.fill_xy.end());
        level.segments.insert(level.segments.end(), part.segments.begin(), part.segments.end());
    }
    return level;
}

// Per area: its extent, area and label point (on threads); returns the number of vertices.
size_t measure_areas(const AreaSet& set, MapMesh& m, const MeshOptions& opt) {
    m.areas.assign(set.areas.size(), AreaMesh{});
    size_t threads = worker_count(set.areas.size(), 64);
    std::vector<size_t> bounds = chunk_bounds(set.areas.size(), threads), vertices(threads, 0);
    run_on_threads(threads, [&](size_t t) {
        GeosContext geos;
        for (size_t i = bounds[t]; i < bounds[t + 1]; ++i) {
            if (opt.cancel && i % 64 == 0 && opt.cancel->load()) throw MeshCancelled();
            const GEOSGeometry* g = set.areas[i].bng.get();
            m.areas[i] = measure_area(geos, g, opt.label_points);
            vertices[t] += static_cast<size_t>(std::max(0, GEOSGetNumCoordinates_r(geos, g)));
        }
    });
    Bbox all{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
             std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    for (const auto& am : m.areas)
        all = {std::min(all.minx, am.bbox.minx), std::min(all.miny, am.bbox.miny), std::max(all.maxx, am.bbox.maxx),
               std::max(all.maxy, am.bbox.maxy)};
    m.bbox = all;
    m.origin_x = std::round((all.minx + all.maxx) / 2);
    m.origin_y = std::round((all.miny + all.maxy) / 2);
    size_t total = 0;
    for (size_t v : vertices) total += v;
    return total;
}

// Every area simplified by GEOS (Douglas-Peucker) at `tol` metres, on threads.
std::vector<GeomPtr> simplified_areas(const GeosContext& geos, const AreaSet& set, double tol) {
    std::vector<GeomPtr> out(set.areas.size());
    size_t threads = worker_count(set.areas.size(), 64);
    std::vector<size_t> bounds = chunk_bounds(set.areas.size(), threads);
    run_on_threads(threads, [&](size_t t) {
        GeosContext ctx;
        for (size_t i = bounds[t]; i < bounds[t + 1]; ++i)
            out[i] = GeomPtr(GEOSSimplify_r(ctx, set.areas[i].bng.get(), tol), GeomDeleter{geos.get()});
    });
    for (size_t i = 0; i < out.size(); ++i)
        if (!out[i]) throw DataError(set.source + ": area " + set.areas[i].code + ": GEOS could not simplify it");
    return out;
}

MeshLevel simplified_level(const GeosContext& geos, const AreaSet& set, MapMesh& m, double tol, std::atomic<float>* progress,
                           float p0, float p1, const MeshOptions& opt) {
    std::vector<GeomPtr> simplified = simplified_areas(geos, set, tol);
    std::vector<const GEOSGeometry*> geoms;
    for (const auto& g : simplified) geoms.push_back(g.get());
    return build_level_parallel(set, geoms, m, tol, progress, p0, p1, opt);
}

} // namespace

MapMesh build_mesh(const GeosContext& geos, const AreaSet& set, std::atomic<float>* progress, const MeshOptions& opt) {
    // The window's full mesh of a large file: from its tessellated copy when one vouches for itself.
    std::optional<std::string> cache = opt.only_for_mpp == 0 && opt.label_points ? mesh_cache_path(set) : std::nullopt;
    if (cache)
        if (auto m = read_mesh_cache(*cache, set)) return std::move(*m);
    MapMesh m = build_mesh_uncached(geos, set, progress, opt);
    if (cache) write_mesh_cache(*cache, set, m);
    return m;
}

std::optional<MapMesh> read_cached_mesh(const AreaSet& set) {
    std::optional<std::string> cache = mesh_cache_path(set);
    if (!cache) return std::nullopt;
    return read_mesh_cache(*cache, set);
}

bool is_large_mesh(const GeosContext& geos, const AreaSet& set) {
    const size_t kLarge = 200000;  // vertices: well above England's 309 districts (39,000)
    size_t n = 0;
    for (const auto& a : set.areas) {
        n += static_cast<size_t>(std::max(0, GEOSGetNumCoordinates_r(geos, a.bng.get())));
        if (n > kLarge) return true;
    }
    return false;
}

MapMesh build_mesh_uncached(const GeosContext& geos, const AreaSet& set, std::atomic<float>* progress, const MeshOptions& opt) {
    MapMesh m;
    size_t vertices = measure_areas(set, m, opt);
    const double tolerances[] = {40, 80, 160, 320, 640, 1280};
    const size_t n = std::size(tolerances);
    bool coarse = vertices > 20000;
    if (opt.only_for_mpp > 0 && coarse && tolerances[0] <= 1.5 * opt.only_for_mpp) {
        // one picture: only the coarsest level within 1.5 pixels (as level_for would choose)
        double tol = tolerances[0];
        for (double t : tolerances) if (t <= 1.5 * opt.only_for_mpp) tol = t;
        m.levels.push_back(simplified_level(geos, set, m, tol, progress, 0.0f, 1.0f, opt));
        return m;
    }
    // Full detail, then coarser levels while they still save vertices (large layers only).
    std::vector<const GEOSGeometry*> full;
    for (const auto& a : set.areas) full.push_back(a.bng.get());
    m.levels.push_back(build_level_parallel(set, full, m, 0, progress, 0.0f, coarse ? 0.5f : 1.0f, opt));
    if (!coarse) return m;
    for (size_t k = 0; k < n; ++k)
        m.levels.push_back(simplified_level(geos, set, m, tolerances[k], progress, 0.5f + 0.5f * k / n, 0.5f + 0.5f * (k + 1) / n, opt));
    return m;
}

} // namespace sespm
