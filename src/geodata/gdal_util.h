// gdal_util.h: one-time GDAL registration and capture of GDAL's error text, so messages reach
// the user in the program's own words (never GDAL printing to stderr on its own).
#pragma once
#include <string>

namespace sespm {

void gdal_init();
// Silences GDAL's default printing for the lifetime of the object and keeps the last message.
class GdalErrorCapture {
public:
    GdalErrorCapture();
    ~GdalErrorCapture();
    GdalErrorCapture(const GdalErrorCapture&) = delete;
    GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;
    std::string last() const;
    // last(), fit for the end of a message: never empty, SQL statements GDAL echoes (GeoPackage)
    // left out, at most ~200 characters.
    std::string reason() const;
};

// A unique folder of GDAL's in-memory file system (/vsimem/), removed with everything in it (a
// GeoPackage's journal, FlatGeobuf's temporary file) when the object goes. Files are written
// there first so that their bytes can be put on disk with every write checked (core/output_file).
struct GdalMemFolder {
    std::string dir;
    GdalMemFolder();
    ~GdalMemFolder();
    GdalMemFolder(const GdalMemFolder&) = delete;
    GdalMemFolder& operator=(const GdalMemFolder&) = delete;
};

} // namespace sespm
