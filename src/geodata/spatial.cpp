// spatial.cpp: see spatial.h.
#include "geodata/spatial.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"

namespace sespm {

namespace {

struct TreeDeleter {
    GEOSContextHandle_t ctx;
    void operator()(GEOSSTRtree* t) const { if (t) GEOSSTRtree_destroy_r(ctx, t); }
};
using TreePtr = std::unique_ptr<GEOSSTRtree, TreeDeleter>;

TreePtr make_tree(const GeosContext& g) { return TreePtr(GEOSSTRtree_create_r(g, 10), TreeDeleter{g.get()}); }

// Items stored in trees are indices, encoded in the void* itself.
void* as_item(size_t i) { return reinterpret_cast<void*>(i + 1); }
size_t from_item(void* p) { return reinterpret_cast<size_t>(p) - 1; }

} // namespace

// Area by area, in selection order: each area's prepared geometry (and the point-in-area index
// GEOS builds inside it, about 3.5 KB a ward) lives only while its own points are tested, so
// memory holds one at a time instead of every area's. The candidates are the points not yet
// counted whose x lies in the area's box (a binary search of the points sorted by x) and whose
// y does; a point goes to the first area, by selection order, it intersects, as before.
std::vector<int> count_points(const GeosContext& geos, const AreaSet& set, const std::vector<size_t>& sel,
                              const PointSet& points) {
    std::vector<int> counts(sel.size(), 0);
    if (sel.empty() || points.size() == 0) return counts;
    std::vector<size_t> by_x(points.size());
    for (size_t i = 0; i < by_x.size(); ++i) by_x[i] = i;
    std::sort(by_x.begin(), by_x.end(), [&](size_t a, size_t b) { return points.x[a] < points.x[b]; });
    std::vector<char> counted(points.size(), 0);
    for (size_t k = 0; k < sel.size(); ++k) {
        const GEOSGeometry* g = set.areas[sel[k]].bng.get();
        double minx, miny, maxx, maxy;
        if (!GEOSGeom_getXMin_r(geos, g, &minx) || !GEOSGeom_getYMin_r(geos, g, &miny) || !GEOSGeom_getXMax_r(geos, g, &maxx) ||
            !GEOSGeom_getYMax_r(geos, g, &maxy))
            continue;  // an empty geometry holds no point
        auto first = std::lower_bound(by_x.begin(), by_x.end(), minx, [&](size_t i, double x) { return points.x[i] < x; });
        PreparedPtr prepared;
        for (auto it = first; it != by_x.end() && points.x[*it] <= maxx; ++it) {
            size_t i = *it;
            if (counted[i] || points.y[i] < miny || points.y[i] > maxy) continue;
            if (!prepared) prepared = prepare(geos, g);
            GeomPtr pt = own(geos, GEOSGeom_createPointFromXY_r(geos, points.x[i], points.y[i]));
            if (GEOSPreparedIntersects_r(geos, prepared.get(), pt.get()) == 1) {
                ++counts[k];
                counted[i] = 1;
            }
        }
    }
    return counts;
}

std::vector<NearestPoint> nearest_points(const GeosContext& geos, const AreaSet& set, const std::vector<size_t>& sel,
                                         const PointSet& points) {
    std::vector<NearestPoint> out(sel.size());
    if (points.size() == 0) return out;
    TreePtr tree = make_tree(geos);
    std::vector<GeomPtr> pts;
    pts.reserve(points.size());
    for (size_t i = 0; i < points.size(); ++i) {
        pts.push_back(own(geos, GEOSGeom_createPointFromXY_r(geos, points.x[i], points.y[i])));
        GEOSSTRtree_insert_r(geos, tree.get(), pts.back().get(), as_item(i));
    }
    struct Ctx { const GeosContext* geos; const std::vector<GeomPtr>* pts; const GEOSPreparedGeometry* area; };
    auto dist = [](const void* item1, const void* item2, double* d, void* ud) -> int {
        auto* c = static_cast<Ctx*>(ud);
        // item1 is a tree item (point index); item2 is the query item (unused).
        (void)item2;
        size_t i = from_item(const_cast<void*>(item1));
        return GEOSPreparedDistance_r(c->geos->get(), c->area, (*c->pts)[i].get(), d);
    };
    for (size_t k = 0; k < sel.size(); ++k) {
        const GEOSGeometry* g = set.areas[sel[k]].bng.get();
        PreparedPtr prep = prepare(geos, g);
        Ctx c{&geos, &pts, prep.get()};
        const void* best = GEOSSTRtree_nearest_generic_r(geos, tree.get(), nullptr, g, dist, &c);
        if (!best) continue;
        size_t i = from_item(const_cast<void*>(best));
        double d = 0;
        GEOSPreparedDistance_r(geos, prep.get(), pts[i].get(), &d);
        out[k] = {static_cast<int>(i), d};
    }
    return out;
}

std::vector<AreaDistance> areas_within(const GeosContext& geos, const AreaSet& set, size_t from, double metres) {
    std::vector<AreaDistance> out;
    const GEOSGeometry* g = set.areas[from].bng.get();
    PreparedPtr prep = prepare(geos, g);
    double minx, miny, maxx, maxy;
    GEOSGeom_getXMin_r(geos, g, &minx);
    GEOSGeom_getYMin_r(geos, g, &miny);
    GEOSGeom_getXMax_r(geos, g, &maxx);
    GEOSGeom_getYMax_r(geos, g, &maxy);
    for (size_t i = 0; i < set.areas.size(); ++i) {
        if (i == from) continue;
        const GEOSGeometry* o = set.areas[i].bng.get();
        double ominx, ominy, omaxx, omaxy;
        GEOSGeom_getXMin_r(geos, o, &ominx);
        GEOSGeom_getYMin_r(geos, o, &ominy);
        GEOSGeom_getXMax_r(geos, o, &omaxx);
        GEOSGeom_getYMax_r(geos, o, &omaxy);
        if (ominx > maxx + metres || omaxx < minx - metres || ominy > maxy + metres || omaxy < miny - metres) continue;
        if (GEOSPreparedDistanceWithin_r(geos, prep.get(), o, metres) != 1) continue;
        double d = 0;
        GEOSPreparedDistance_r(geos, prep.get(), o, &d);
        out.push_back({i, d});
    }
    std::stable_sort(out.begin(), out.end(), [](const AreaDistance& a, const AreaDistance& b) { return a.distance_m < b.distance_m; });
    return out;
}

std::vector<size_t> neighbours(const GeosContext& geos, const AreaSet& set, size_t of) {
    std::vector<size_t> out;
    const GEOSGeometry* g = set.areas[of].bng.get();
    PreparedPtr prep = prepare(geos, g);
    for (size_t i = 0; i < set.areas.size(); ++i) {
        if (i == of) continue;
        const GEOSGeometry* o = set.areas[i].bng.get();
        if (GEOSPreparedIntersects_r(geos, prep.get(), o) != 1) continue;
        char* m = GEOSRelate_r(geos, g, o);
        if (!m) continue;
        // DE-9IM: [0] interior/interior, [4] boundary/boundary. A shared edge is a line on both
        // boundaries; generalised boundaries may also overlap slightly (interiors meet in an area).
        bool shares_line = m[4] == '1' || m[0] == '2';
        GEOSFree_r(geos, m);
        if (shares_line) out.push_back(i);
    }
    return out;
}

GeomPtr dissolve(const GeosContext& geos, const AreaSet& set, const std::vector<size_t>& sel) {
    std::vector<GEOSGeometry*> parts;
    parts.reserve(sel.size());
    for (size_t i : sel) parts.push_back(GEOSGeom_clone_r(geos, set.areas[i].bng.get()));
    GeomPtr coll = own(geos, check(geos, GEOSGeom_createCollection_r(geos, GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                                      static_cast<unsigned>(parts.size())),
                                   "dissolve"));
    return own(geos, check(geos, GEOSUnaryUnion_r(geos, coll.get()), "dissolve"));
}

} // namespace sespm
