// fuzz_csv.cpp: libFuzzer target for the CSV reader and the figure parser (every cell).
#include <cstdint>
#include <string>

#include "core/csv.h"
#include "core/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    try {
        sespm::CsvTable t = sespm::parse_csv(text, "fuzz.csv");
        for (size_t r = 0; r < t.rows.size(); ++r)
            for (size_t c = 0; c < t.rows[r].size(); ++c) {
                try {
                    sespm::parse_figure(t.rows[r][c], t.path, t.row_line[r], t.header[c], c % 2 == 0);
                } catch (const sespm::DataError&) {
                }
            }
    } catch (const sespm::DataError&) {
    }
    return 0;
}
