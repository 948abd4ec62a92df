// fuzz_args.cpp: libFuzzer target for the command-line parser: the input is split at NUL bytes
// into arguments, parsed against the export command's options, and every getter is exercised.
#include <cstdint>
#include <string>
#include <vector>

#include "cli/args.h"
#include "core/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::vector<std::string> argv(1);
    for (size_t i = 0; i < size; ++i) {
        if (data[i] == 0) argv.emplace_back();
        else argv.back() += static_cast<char>(data[i]);
    }
    try {
        sespm::Args a = sespm::parse_args(argv, {"--layer", "--classes", "--km", "-o", "--ratio"}, {"--legend"}, "fuzz");
        a.get("--layer");
        a.all("--ratio");
        a.integer("--classes", 5);
        a.number("--km", 1.0);
        a.has("--legend");
    } catch (const sespm::UsageError&) {
    }
    return 0;
}
