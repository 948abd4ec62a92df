// mesh.cpp: tessellation with GLU's tessellator (odd winding, triangles only) and outline
// segments from the GEOS rings (see mesh.h).
#include "render/mesh.h"

#include <GL/glu.h>

#include <array>
#include <cmath>
#include <deque>
#include <limits>

#include "core/error.h"

namespace sespm {

namespace {

struct TessState {
    MapMesh* mesh;
    double ox, oy;
    std::deque<std::array<double, 3>> extra;   // vertices the tessellator creates at crossings
    GLenum error = 0;
};

void on_begin(GLenum, void*) {}
void on_edge_flag(GLboolean, void*) {}  // its presence makes GLU emit GL_TRIANGLES only
void on_vertex(void* v, void* data) {
    auto* s = static_cast<TessState*>(data);
    const double* p = static_cast<const double*>(v);
    s->mesh->fill_xy.push_back(static_cast<float>(p[0] - s->ox));
    s->mesh->fill_xy.push_back(static_cast<float>(p[1] - s->oy));
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

MapMesh build_mesh(const GeosContext& geos, const AreaSet& set, std::atomic<float>* progress) {
    MapMesh m;
    Bbox all{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
             std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    for (const auto& a : set.areas) {
        double x0, y0, x1, y1;
        GEOSGeom_getXMin_r(geos, a.bng.get(), &x0);
        GEOSGeom_getYMin_r(geos, a.bng.get(), &y0);
        GEOSGeom_getXMax_r(geos, a.bng.get(), &x1);
        GEOSGeom_getYMax_r(geos, a.bng.get(), &y1);
        all = {std::min(all.minx, x0), std::min(all.miny, y0), std::max(all.maxx, x1), std::max(all.maxy, y1)};
        m.areas.push_back(AreaMesh{0, 0, 0, 0, 0, 0, 0, Bbox{x0, y0, x1, y1}});
    }
    m.bbox = all;
    m.origin_x = std::round((all.minx + all.maxx) / 2);
    m.origin_y = std::round((all.miny + all.maxy) / 2);

    std::unique_ptr<GLUtesselator, TessDeleter> tess(gluNewTess());
    gluTessCallback(tess.get(), GLU_TESS_BEGIN_DATA, reinterpret_cast<_GLUfuncptr>(on_begin));
    gluTessCallback(tess.get(), GLU_TESS_EDGE_FLAG_DATA, reinterpret_cast<_GLUfuncptr>(on_edge_flag));
    gluTessCallback(tess.get(), GLU_TESS_VERTEX_DATA, reinterpret_cast<_GLUfuncptr>(on_vertex));
    gluTessCallback(tess.get(), GLU_TESS_END_DATA, reinterpret_cast<_GLUfuncptr>(on_end));
    gluTessCallback(tess.get(), GLU_TESS_COMBINE_DATA, reinterpret_cast<_GLUfuncptr>(on_combine));
    gluTessCallback(tess.get(), GLU_TESS_ERROR_DATA, reinterpret_cast<_GLUfuncptr>(on_error));
    gluTessProperty(tess.get(), GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
    gluTessNormal(tess.get(), 0, 0, 1);

    TessState st{&m, m.origin_x, m.origin_y, {}, 0};
    std::vector<std::vector<std::array<double, 3>>> rings;
    for (size_t i = 0; i < set.areas.size(); ++i) {
        const Area& a = set.areas[i];
        AreaMesh& am = m.areas[i];
        am.first_vertex = static_cast<uint32_t>(m.fill_xy.size() / 2);
        am.first_segment = static_cast<uint32_t>(m.segments.size() / 4);
        GEOSArea_r(geos, a.bng.get(), &am.area_m2);
        int parts = GEOSGetNumGeometries_r(geos, a.bng.get());
        for (int p = 0; p < parts; ++p) {
            const GEOSGeometry* poly = GEOSGetGeometryN_r(geos, a.bng.get(), p);
            int holes = GEOSGetNumInteriorRings_r(geos, poly);
            rings.resize(static_cast<size_t>(holes) + 1);
            ring_coords(geos, GEOSGetExteriorRing_r(geos, poly), rings[0]);
            for (int h = 0; h < holes; ++h) ring_coords(geos, GEOSGetInteriorRingN_r(geos, poly, h), rings[h + 1]);
            st.error = 0;
            gluTessBeginPolygon(tess.get(), &st);
            for (auto& ring : rings) {
                if (ring.size() < 3) continue;
                gluTessBeginContour(tess.get());
                for (auto& v : ring) gluTessVertex(tess.get(), v.data(), v.data());
                gluTessEndContour(tess.get());
                for (size_t k = 0; k < ring.size(); ++k) {
                    const auto& p0 = ring[k];
                    const auto& p1 = ring[(k + 1) % ring.size()];
                    m.segments.insert(m.segments.end(), {static_cast<float>(p0[0] - m.origin_x), static_cast<float>(p0[1] - m.origin_y),
                                                         static_cast<float>(p1[0] - m.origin_x), static_cast<float>(p1[1] - m.origin_y)});
                }
            }
            gluTessEndPolygon(tess.get());
            if (st.error) throw DataError(set.source + ": area " + a.code + ": the tessellator failed: " +
                                          reinterpret_cast<const char*>(gluErrorString(st.error)));
            st.extra.clear();
        }
        am.vertex_count = static_cast<uint32_t>(m.fill_xy.size() / 2) - am.first_vertex;
        am.segment_count = static_cast<uint32_t>(m.segments.size() / 4) - am.first_segment;
        GeomPtr pt = own(geos, GEOSPointOnSurface_r(geos, a.bng.get()));
        if (pt) {
            GEOSGeomGetX_r(geos, pt.get(), &am.label_x);
            GEOSGeomGetY_r(geos, pt.get(), &am.label_y);
        }
        if (progress) progress->store(static_cast<float>(i + 1) / static_cast<float>(set.areas.size()));
    }
    return m;
}

} // namespace sespm
