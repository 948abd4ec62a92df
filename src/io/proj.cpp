// proj.cpp: see proj.h.
#include "io/proj.h"

#include "core/error.h"

namespace sespm {

LonLatToBng::LonLatToBng() : ctx_(proj_context_create()) {
    proj_log_level(ctx_, PJ_LOG_NONE);
    PJ* raw = proj_create_crs_to_crs(ctx_, "EPSG:4326", "EPSG:27700", nullptr);
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

void LonLatToBng::inverse(std::vector<double>& x, std::vector<double>& y) const {
    proj_trans_generic(pj_, PJ_INV, x.data(), sizeof(double), x.size(), y.data(), sizeof(double), y.size(),
                       nullptr, 0, 0, nullptr, 0, 0);
}

} // namespace sespm
