// gdal_util.cpp: see gdal_util.h.
#include "io/gdal_util.h"

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <mutex>

namespace sespm {

void gdal_init() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        OGRRegisterAll();
    });
}

GdalErrorCapture::GdalErrorCapture() {
    CPLErrorReset();
    CPLPushErrorHandler(CPLQuietErrorHandler);
}

GdalErrorCapture::~GdalErrorCapture() { CPLPopErrorHandler(); }

std::string GdalErrorCapture::last() const {
    const char* m = CPLGetLastErrorMsg();
    return m ? m : "";
}

} // namespace sespm
