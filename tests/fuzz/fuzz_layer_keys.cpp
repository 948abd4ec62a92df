// fuzz_layer_keys.cpp: libFuzzer target for layer files built from a real one with keys
// duplicated, renamed, dropped or given odd values: the fuzz bytes choose, per edit, a key path
// of layers/dispersal.json and what to do to it, so every run is a nearly valid layer file, the
// inputs that reach the checks for duplicate and unknown keys, clashing columns and measures.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "rules/layer_spec.h"

namespace {

const char* kBase = R"({"id": "dispersal", "title": "Dispersal", "kind": "rate", "geography": "district",
 "count": {"file": "stats/asylum_s95_dispersal_2024q3.csv", "code": "code", "value": "value"},
 "rate": {"file": "stats/population_mid2024.csv", "code": "code", "value": "population", "per": 10000,
          "column": "per_10k", "count_column": "dispersed", "denominator_column": "population"},
 "limit": {"per": 200, "column": "cluster_limit", "headroom_column": "headroom", "share_column": "share_of_limit_pct",
           "status_column": "status", "near_share_pct": 90},
 "period": "30 September 2024",
 "classification": {"legend": "Share", "measure": "share_of_limit_pct", "method": "quantile", "classes": 5, "palette": "orange-red"},
 "attribution": "Home Office"})";

const std::vector<std::string> kKeys{"\"id\"", "\"title\"", "\"kind\"", "\"geography\"", "\"count\"", "\"file\"", "\"code\"",
                                     "\"value\"", "\"rate\"", "\"per\"", "\"column\"", "\"limit\"", "\"measure\"",
                                     "\"method\"", "\"classes\"", "\"palette\"", "\"status_column\"", "\"attribution\""};
const std::vector<std::string> kValues{"\"per_10k\"", "\"population\"", "\"code\"", "\"name\"", "\"jenks\"", "\"manual\"",
                                       "\"nosuch\"", "0", "-1", "1e400", "null", "[]", "{}", "\"../x.csv\"", "\"\""};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text = kBase;
    for (size_t i = 0; i + 2 < size; i += 3) {
        const std::string& key = kKeys[data[i] % kKeys.size()];
        size_t at = text.find(key);
        for (int skip = data[i + 1] % 3; skip > 0 && at != std::string::npos; --skip) at = text.find(key, at + 1);
        if (at == std::string::npos) continue;
        switch (data[i + 2] % 4) {
        case 0: text.insert(at, key + ": " + kValues[data[i + 1] % kValues.size()] + ", "); break;  // a duplicate key
        case 1: text.replace(at, key.size(), "\"x" + key.substr(1)); break;                            // an unknown key
        case 2: {                                                                                     // another value
            size_t colon = text.find(':', at), end = text.find_first_of(",}", colon);
            if (colon != std::string::npos && end != std::string::npos && text[colon + 2] != '{')
                text.replace(colon + 1, end - colon - 1, " " + kValues[data[i + 1] % kValues.size()]);
            break;
        }
        default: text.insert(at, "\"" + std::string(1, static_cast<char>('a' + data[i + 1] % 26)) + "\": 1, "); break;
        }
    }
    try {
        sespm::parse_layer_spec(text, "fuzz.json");
    } catch (const sespm::DataError&) {
    }
    return 0;
}
