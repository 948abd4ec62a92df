// test_area_cache.cpp: the FlatGeobuf cache of large boundary files gives exactly what reading
// the GeoJSON gives, and a damaged cache file is dropped and rebuilt, never trusted.
#include <doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "helpers.h"
#include "io/area_cache.h"
#include "io/boundaries.h"

using namespace sespm;

TEST_CASE("cached wards equal the GeoJSON: codes, names, properties and areas") {
    test::ScratchDir cache;
    setenv("XDG_CACHE_HOME", cache.path.c_str(), 1);
    unsetenv("SESPM_NO_CACHE");
    std::string wards = test::data_dir() + "/boundaries/wards_england.geojson";
    auto path = area_cache_path(wards);
    REQUIRE(path);
    CHECK(path->rfind(cache.path, 0) == 0);
    CHECK(!std::filesystem::exists(*path));
    GeosContext geos;
    AreaSet first = read_area_file(wards);  // parses the GeoJSON, writes the cache
    REQUIRE(std::filesystem::exists(*path));
    AreaSet second = read_area_file(wards);  // from the cache
    REQUIRE(first.areas.size() == 7681);
    REQUIRE(second.areas.size() == first.areas.size());
    CHECK(second.source == wards);
    project_areas(geos, first);
    project_areas(geos, second);
    for (size_t i = 0; i < first.areas.size(); i += 97) {
        const Area& a = first.areas[i];
        const Area* b = second.find(a.code);
        REQUIRE(b);
        CHECK(b->name == a.name);
        CHECK(b->props == a.props);
        double x = 0, y = 0;
        GEOSArea_r(geos, a.bng.get(), &x);
        GEOSArea_r(geos, b->bng.get(), &y);
        CHECK(y == doctest::Approx(x).epsilon(1e-12));
    }
    // A damaged cache is not trusted: it is dropped and the GeoJSON read again.
    std::ofstream(*path, std::ios::binary | std::ios::trunc) << "not a flatgeobuf";
    AreaSet third = read_area_file(wards);
    CHECK(third.areas.size() == 7681);
    // SESPM_NO_CACHE turns it off
    setenv("SESPM_NO_CACHE", "1", 1);
    CHECK(!area_cache_path(wards));
    unsetenv("SESPM_NO_CACHE");
    unsetenv("XDG_CACHE_HOME");
}
