// test_bng_cache.cpp: the projected copy of a large boundary file (caches/bng_cache.h) gives exactly
// the geometries PROJ gives (every area's WKB equal); a damaged, truncated or mismatched copy (a
// record from another file, another area order) is dropped and the set projected again; and the
// copy is made only for sets read from a file, never for dissolved groups.
#include <doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "helpers.h"
#include "caches/area_cache.h"
#include "caches/bng_cache.h"
#include "map/atlas.h"

using namespace sespm;

namespace {

std::string wkb_hex(const GeosContext& geos, const GEOSGeometry* g) {
    size_t n = 0;
    unsigned char* hex = GEOSGeomToHEX_buf_r(geos, g, &n);
    std::string s(reinterpret_cast<char*>(hex), n);
    GEOSFree_r(geos, hex);
    return s;
}

// The counties (633 KB, cached) read and projected afresh.
AreaSet projected_counties(const GeosContext& geos) {
    AreaSet s = read_area_file(test::data_dir() + "/boundaries/counties.geojson");
    project_areas(geos, s);
    return s;
}

struct CacheHome {
    test::ScratchDir dir;
    CacheHome() { setenv("XDG_CACHE_HOME", dir.path.c_str(), 1); unsetenv("SESPM_NO_CACHE"); }
    ~CacheHome() { unsetenv("XDG_CACHE_HOME"); }
};

} // namespace

TEST_CASE("the projected copy gives PROJ's geometries exactly, and is rebuilt when it is damaged") {
    CacheHome home;
    GeosContext geos;
    std::string counties = test::data_dir() + "/boundaries/counties.geojson";
    auto path = bng_cache_path(counties);
    REQUIRE(path);
    CHECK(!std::filesystem::exists(*path));
    AreaSet first = projected_counties(geos);  // projects with PROJ, writes the copy
    REQUIRE(std::filesystem::exists(*path));
    REQUIRE(std::filesystem::exists(*path + ".check"));
    AreaSet second = projected_counties(geos);  // from the copy
    REQUIRE(second.areas.size() == first.areas.size());
    for (size_t i = 0; i < first.areas.size(); ++i) {
        CAPTURE(first.areas[i].code);
        CHECK(wkb_hex(geos, second.areas[i].bng.get()) == wkb_hex(geos, first.areas[i].bng.get()));
    }
    // damaged bytes: the checksum no longer matches; the copy is dropped and the set projected again
    test::flip_middle_byte(*path);
    AreaSet third = projected_counties(geos);
    CHECK(wkb_hex(geos, third.areas[7].bng.get()) == wkb_hex(geos, first.areas[7].bng.get()));
    // truncated: the same
    std::filesystem::resize_file(*path, 1000);
    AreaSet fourth = projected_counties(geos);
    CHECK(wkb_hex(geos, fourth.areas[3].bng.get()) == wkb_hex(geos, first.areas[3].bng.get()));
    CHECK(std::filesystem::file_size(*path) > 1000);  // rebuilt whole
}

TEST_CASE("a projected copy is used only for the same areas in the same order, never for dissolved groups") {
    CacheHome home;
    GeosContext geos;
    AreaSet first = projected_counties(geos);
    std::string counties = test::data_dir() + "/boundaries/counties.geojson";
    // the same file's areas in another order (as another reader might give them): not filled from the copy
    AreaSet swapped = read_area_file(counties);
    std::swap(swapped.areas[0], swapped.areas[1]);
    CHECK_FALSE(read_bng_cache(*bng_cache_path(counties), counties, geos, swapped));
    CHECK(!swapped.areas[0].bng);
    // one area fewer: refused too
    AreaSet fewer = read_area_file(counties);
    fewer.areas.pop_back();
    CHECK_FALSE(read_bng_cache(*bng_cache_path(counties), counties, geos, fewer));
    // a dissolved set names no file: no copy
    CHECK(!bng_cache_path(test::data_dir() + "/boundaries/lad.geojson (dissolved by rgn_code)"));
    setenv("SESPM_NO_CACHE", "1", 1);
    CHECK(!bng_cache_path(counties));
    unsetenv("SESPM_NO_CACHE");
}
