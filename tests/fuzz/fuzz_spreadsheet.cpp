// fuzz_spreadsheet.cpp: libFuzzer target for workbooks read as points (geodata/spreadsheet.cpp through
// GDAL's XLSX and ODS drivers): the fuzz bytes are written as an .xlsx (first byte even) or an
// .ods (odd) and read by read_points, which must give points or throw a DataError or
// UsageError, never crash or hang. Seeded with the hand-made workbooks of tests/spreadsheets.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "core/error.h"
#include "geodata/points.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string stem = "/tmp/sespm-fuzz-sheet-" + std::to_string(getpid());
    std::string path = stem + (size > 0 && (data[0] & 1) ? ".ods" : ".xlsx");
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    try {
        sespm::read_points(path, "name", "");
    } catch (const sespm::DataError&) {
    } catch (const sespm::UsageError&) {
    }
    std::remove(path.c_str());
    return 0;
}
