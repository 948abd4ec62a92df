// fuzz_points.cpp: libFuzzer target for points input: CSV parsing, column detection,
// coordinate checks and the PROJ transform of lat/lon (postcode lookup disabled: no file).
#include <cstdint>
#include <string>

#include "core/csv.h"
#include "core/error.h"
#include "geodata/points.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        sespm::CsvTable t = sespm::parse_csv(std::string(reinterpret_cast<const char*>(data), size), "fuzz.csv");
        sespm::points_from_csv(t, "name", "");
    } catch (const sespm::DataError&) {
    }
    return 0;
}
