// fuzz_layer_spec.cpp: libFuzzer target for the layer-file reader (JSON with strict keys).
#include <cstdint>
#include <string>

#include "core/error.h"
#include "rules/layer_spec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        sespm::parse_layer_spec(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
    } catch (const sespm::DataError&) {
    }
    return 0;
}
