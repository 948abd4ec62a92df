// proj.cpp: see proj.h.
#include "geodata/proj.h"

#include "core/error.h"

namespace sespm {

LonLatToBng::LonLatToBng() : ctx_(proj_context_create()) {
    proj_log_level(ctx_, PJ_LOG_NONE);
    // The best operation this machine can run (with the OSTN15 grid when it is installed,
    // otherwise the Helmert "OSGB36 to WGS 84 (6)"), chosen once: proj_create_crs_to_crs would
    // retry the unavailable grid for every point, which is thirty times slower.
    PJ* raw = nullptr;
    PJ* src = proj_create(ctx_, "EPSG:4326");
    PJ* dst = proj_create(ctx_, "EPSG:27700");
    PJ_OPERATION_FACTORY_CONTEXT* fc = proj_create_operation_factory_context(ctx_, nullptr);
    if (fc) {  // the same criteria proj_create_crs_to_crs uses
        proj_operation_factory_context_set_grid_availability_use(ctx_, fc, PROJ_GRID_AVAILABILITY_DISCARD_OPERATION_IF_MISSING_GRID);
        proj_operation_factory_context_set_spatial_criterion(ctx_, fc, PROJ_SPATIAL_CRITERION_PARTIAL_INTERSECTION);
    }
    PJ_OBJ_LIST* ops = src && dst && fc ? proj_create_operations(ctx_, src, dst, fc) : nullptr;
    for (int i = 0; ops && i < proj_list_get_count(ops) && !raw; ++i) {
        PJ* op = proj_list_get(ctx_, ops, i);
        if (op && proj_coordoperation_is_instantiable(ctx_, op)) raw = op;
        else proj_destroy(op);
    }
    proj_list_destroy(ops);
    proj_operation_factory_context_destroy(fc);
    proj_destroy(src);
    proj_destroy(dst);
    if (!raw) raw = proj_create_crs_to_crs(ctx_, "EPSG:4326", "EPSG:27700", nullptr);
    if (!raw) throw DataError("PROJ cannot create the EPSG:4326 -> EPSG:27700 transformation (is proj-data installed?)");
    pj_ = proj_normalize_for_visualization(ctx_, raw);
    proj_destroy(raw);
    if (!pj_) throw DataError("PROJ cannot normalise the EPSG:4326 -> EPSG:27700 transformation");
}

LonLatToBng::~LonLatToBng() {
    proj_destroy(pj_);
    proj_context_destroy(ctx_);
}

void LonLatToBng::transform(std::vector<double>& x, std::vector<double>& y) const {
    proj_trans_generic(pj_, PJ_FWD, x.data(), sizeof(double), x.size(), y.data(), sizeof(double), y.size(),
                       nullptr, 0, 0, nullptr, 0, 0);
}

} // namespace sespm
