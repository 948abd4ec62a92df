// geos.h: RAII ownership of the GEOS C API (_r functions): one GeosContext per thread, geometries
// owned by GeomPtr. GEOS errors are captured from the context's message handler and rethrown as
// DataError with the program's own wording, never printed by GEOS itself.
#pragma once
#define USE_UNSTABLE_GEOS_CPP_API
#include <geos_c.h>

#include <memory>
#include <string>

namespace sespm {

class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;
    GEOSContextHandle_t get() const { return h_; }
    operator GEOSContextHandle_t() const { return h_; }
    const std::string& last_error() const { return last_error_; }

private:
    static void on_error(const char* msg, void* self);
    GEOSContextHandle_t h_;
    std::string last_error_;
};

struct GeomDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSGeometry* g) const { if (g) GEOS_destroy_r_geom(ctx, g); }
    static void GEOS_destroy_r_geom(GEOSContextHandle_t c, GEOSGeometry* g) { GEOSGeom_destroy_r(c, g); }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(const GEOSPreparedGeometry* p) const { if (p) GEOSPreparedGeom_destroy_r(ctx, p); }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

inline GeomPtr own(const GeosContext& c, GEOSGeometry* g) { return GeomPtr(g, GeomDeleter{c.get()}); }
PreparedPtr prepare(const GeosContext& c, const GEOSGeometry* g);

// Throws DataError with `what` and GEOS's message when g is null.
GEOSGeometry* check(const GeosContext& c, GEOSGeometry* g, const std::string& what);

} // namespace sespm
