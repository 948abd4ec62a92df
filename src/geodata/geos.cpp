// geos.cpp: the GEOS context and error capture (see geos.h).
#include "geodata/geos.h"

#include <cstdarg>

#include "core/error.h"

namespace sespm {

GeosContext::GeosContext() : h_(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(h_, &GeosContext::on_error, this);
    GEOSContext_setNoticeMessageHandler_r(h_, nullptr, nullptr);
}

GeosContext::~GeosContext() { GEOS_finish_r(h_); }

void GeosContext::on_error(const char* msg, void* self) {
    static_cast<GeosContext*>(self)->last_error_ = msg ? msg : "";
}

PreparedPtr prepare(const GeosContext& c, const GEOSGeometry* g) {
    return PreparedPtr(GEOSPrepare_r(c, g), PreparedDeleter{c.get()});
}

GEOSGeometry* check(const GeosContext& c, GEOSGeometry* g, const std::string& what) {
    if (!g) throw DataError(what + ": GEOS failed: " + c.last_error());
    return g;
}

} // namespace sespm
