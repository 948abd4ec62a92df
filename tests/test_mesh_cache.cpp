// test_mesh_cache.cpp: the window's tessellated copy of a large boundary file (render/
// mesh_cache.h) gives exactly the mesh build_mesh makes (every level's triangles, outlines and
// ranges, every area's label point, extent and size); a damaged or truncated copy, or one made
// for other areas, is dropped and the mesh built again; a picture at one scale never uses it.
#include <doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "helpers.h"
#include "map/atlas.h"
#include "render/mesh.h"
#include "render/mesh_cache.h"

using namespace sespm;

namespace {

struct CacheHome {
    test::ScratchDir dir;
    CacheHome() { setenv("XDG_CACHE_HOME", dir.path.c_str(), 1); unsetenv("SESPM_NO_CACHE"); }
    ~CacheHome() { unsetenv("XDG_CACHE_HOME"); }
};

void check_same(const MapMesh& a, const MapMesh& b) {
    CHECK(a.origin_x == b.origin_x);
    CHECK(a.origin_y == b.origin_y);
    REQUIRE(a.levels.size() == b.levels.size());
    for (size_t k = 0; k < a.levels.size(); ++k) {
        CAPTURE(k);
        CHECK(a.levels[k].tolerance_m == b.levels[k].tolerance_m);
        CHECK(a.levels[k].fill_xy == b.levels[k].fill_xy);
        CHECK(a.levels[k].segments == b.levels[k].segments);
        REQUIRE(a.levels[k].ranges.size() == b.levels[k].ranges.size());
        for (size_t i = 0; i < a.levels[k].ranges.size(); ++i) {
            CHECK(a.levels[k].ranges[i].first_vertex == b.levels[k].ranges[i].first_vertex);
            CHECK(a.levels[k].ranges[i].vertex_count == b.levels[k].ranges[i].vertex_count);
            CHECK(a.levels[k].ranges[i].segment_count == b.levels[k].ranges[i].segment_count);
        }
    }
    REQUIRE(a.areas.size() == b.areas.size());
    for (size_t i = 0; i < a.areas.size(); ++i) {
        CHECK(a.areas[i].label_x == b.areas[i].label_x);
        CHECK(a.areas[i].label_y == b.areas[i].label_y);
        CHECK(a.areas[i].label_r == b.areas[i].label_r);
        CHECK(a.areas[i].area_m2 == b.areas[i].area_m2);
    }
}

} // namespace

TEST_CASE("the tessellated copy gives build_mesh's mesh exactly, and is rebuilt when damaged") {
    CacheHome home;
    GeosContext geos;
    AreaSet counties = read_area_file(test::data_dir() + "/boundaries/counties.geojson");
    project_areas(geos, counties);
    auto path = mesh_cache_path(counties);
    REQUIRE(path);
    MapMesh built = build_mesh_uncached(geos, counties);
    CHECK(!std::filesystem::exists(*path));
    MapMesh first = build_mesh(geos, counties);  // builds and keeps it
    REQUIRE(std::filesystem::exists(*path));
    check_same(built, first);
    MapMesh second = build_mesh(geos, counties);  // from the copy
    check_same(built, second);
    test::flip_middle_byte(*path);  // the checksum no longer matches
    CHECK(!read_mesh_cache(*path, counties));
    CHECK(!std::filesystem::exists(*path));  // dropped
    check_same(built, build_mesh(geos, counties));  // built again, and kept
    std::filesystem::resize_file(*path, 100);
    CHECK(!read_mesh_cache(*path, counties));
    // made for other areas (one fewer): refused
    check_same(built, build_mesh(geos, counties));
    AreaSet fewer = read_area_file(test::data_dir() + "/boundaries/counties.geojson");
    project_areas(geos, fewer);
    fewer.areas.pop_back();
    CHECK(!read_mesh_cache(*path, fewer));
}

TEST_CASE("a picture at one scale builds its own mesh: the copy is neither read nor written") {
    CacheHome home;
    GeosContext geos;
    AreaSet counties = read_area_file(test::data_dir() + "/boundaries/counties.geojson");
    project_areas(geos, counties);
    MeshOptions one_scale;
    one_scale.only_for_mpp = 500;
    build_mesh(geos, counties, nullptr, one_scale);
    CHECK(!std::filesystem::exists(*mesh_cache_path(counties)));
}
