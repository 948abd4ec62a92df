// test_main.cpp: doctest's runner for both test executables. Before any test runs it names, for
// every program a test starts, the data folder ($SESPM_DATA as given, else ../shared/data beside
// the checkout) and the independent GeoJSON checker (tests/node, installed by scripts/test),
// never overriding what the caller set.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest.h>

#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    const std::string tests = SESPM_TEST_DIR;
    setenv("SESPM_DATA", (tests + "/../../shared/data").c_str(), 0);
    setenv("SESPM_GEOJSON_CHECK", (tests + "/node/check-geojson.mjs").c_str(), 0);
    doctest::Context context(argc, argv);
    return context.run();
}
