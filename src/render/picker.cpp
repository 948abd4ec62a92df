// picker.cpp: see picker.h.
#include "render/picker.h"

namespace sespm {

AreaPicker::AreaPicker(const GeosContext& geos, const AreaSet& set) : geos_(geos), set_(set) {
    tree_ = GEOSSTRtree_create_r(geos, 10);
    for (size_t i = 0; i < set.areas.size(); ++i) {
        prepared_.push_back(prepare(geos, set.areas[i].bng.get()));
        GEOSSTRtree_insert_r(geos, tree_, set.areas[i].bng.get(), reinterpret_cast<void*>(i + 1));
    }
}

AreaPicker::~AreaPicker() { GEOSSTRtree_destroy_r(geos_, tree_); }

int AreaPicker::pick(double x, double y) const {
    GeomPtr pt = own(geos_, GEOSGeom_createPointFromXY_r(geos_, x, y));
    struct Q { const AreaPicker* self; const GEOSGeometry* pt; int hit; } q{this, pt.get(), -1};
    GEOSSTRtree_query_r(geos_, tree_, pt.get(), [](void* item, void* ud) {
        auto* q = static_cast<Q*>(ud);
        size_t i = reinterpret_cast<size_t>(item) - 1;
        if (q->hit < 0 && GEOSPreparedContains_r(q->self->geos_, q->self->prepared_[i].get(), q->pt) == 1)
            q->hit = static_cast<int>(i);
    }, &q);
    return q.hit;
}

} // namespace sespm
