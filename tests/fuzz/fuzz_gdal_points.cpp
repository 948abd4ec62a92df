// fuzz_gdal_points.cpp: libFuzzer target for points read through GDAL (any vector file that is
// not a CSV): the fuzz bytes are written as a GeoJSON file and read by read_points, which must
// either give points inside Great Britain or throw a DataError, never crash or hang.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "core/error.h"
#include "geodata/points.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string path = "/tmp/sespm-fuzz-points-" + std::to_string(getpid()) + ".geojson";
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    try {
        sespm::read_points(path, "name", "");
    } catch (const sespm::DataError&) {
    } catch (const sespm::UsageError&) {
    }
    return 0;
}
