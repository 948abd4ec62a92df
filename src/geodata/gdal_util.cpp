// gdal_util.cpp: see gdal_util.h.
#include "geodata/gdal_util.h"

#include <cpl_error.h>
#include <gdal.h>
#include <cpl_vsi.h>
#include <ogr_api.h>

#include <unistd.h>

#include <atomic>
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

std::string GdalErrorCapture::reason() const {
    std::string m = last();
    if (m.empty()) return "GDAL gave no reason";
    // "sqlite3_exec(CREATE TABLE ... ) failed: disk I/O error": the statement means nothing to a user.
    if (m.rfind("sqlite3_exec(", 0) == 0 || m.rfind("sqlite3_prepare", 0) == 0) {
        if (auto k = m.rfind(") failed: "); k != std::string::npos) m = "SQLite: " + m.substr(k + 10);
    }
    if (m.size() > 200) m = m.substr(0, 200) + "...";
    return m;
}

GdalMemFolder::GdalMemFolder() {
    static std::atomic<unsigned> n{0};
    dir = "/vsimem/sespm-" + std::to_string(getpid()) + "-" + std::to_string(n++);
    VSIMkdir(dir.c_str(), 0755);
}

GdalMemFolder::~GdalMemFolder() { VSIRmdirRecursive(dir.c_str()); }

} // namespace sespm
