// test_area_cache.cpp: the FlatGeobuf cache of large boundary files gives exactly what reading
// the GeoJSON gives; a damaged or truncated cache file is dropped and rebuilt, never trusted; a
// cache folder that cannot be used costs one warning line, never the command.
#include <doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "helpers.h"
#include "caches/area_cache.h"
#include "map/atlas.h"

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

namespace {

std::vector<std::filesystem::path> cache_files(const std::string& home, const std::string& stem) {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(home + "/.cache/sespm-map", ec))
        if (e.path().filename().string().rfind(stem + "-", 0) == 0 && e.path().extension() == ".fgb") out.push_back(e.path());
    return out;
}

// `table --layer uasc --geography county` with HOME=home (and no XDG_CACHE_HOME).
test::RunResult county_table(const std::string& home) {
    return test::run_sespm({"table", "--layer", "uasc", "--geography", "county", "--data", test::data_dir()},
                           "env -u XDG_CACHE_HOME -u SESPM_NO_CACHE HOME=" + home);
}

void check_all_counties(const test::RunResult& r) {
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(test::lines(r.out).size() == 153);  // the header and 152 counties and unitary authorities
    for (const char* name : {"Oxfordshire", "Surrey", "West Sussex"}) CHECK_MESSAGE(r.out.find(name) != std::string::npos, name);
}

int warning_lines(const std::string& err) {
    int n = 0;
    for (const auto& l : test::lines(err)) n += l.find("warning") != std::string::npos;
    return n;
}

} // namespace

TEST_CASE("a truncated cache file is never used: counties still give 152 areas, and it is rebuilt") {
    test::ScratchDir home;
    check_all_counties(county_table(home.path));  // builds the cache
    auto files = cache_files(home.path, "counties");
    REQUIRE(files.size() == 1);
    auto full = std::filesystem::file_size(files[0]);
    std::filesystem::resize_file(files[0], full / 2);  // cut in half
    auto r = county_table(home.path);
    check_all_counties(r);
    CHECK(r.err.find("rebuilt") != std::string::npos);
    CHECK(warning_lines(test::without_notes(r.err)) == 1);
    REQUIRE(std::filesystem::exists(files[0]));
    CHECK(std::filesystem::file_size(files[0]) == full);  // rebuilt whole
    r = county_table(home.path);
    check_all_counties(r);
    CHECK(test::without_notes(r.err).empty());
    // In-process: the same through read_area_file
    setenv("XDG_CACHE_HOME", (home.path + "/.cache").c_str(), 1);
    unsetenv("SESPM_NO_CACHE");
    std::filesystem::resize_file(files[0], full / 2);
    AreaSet s = read_area_file(test::data_dir() + "/boundaries/counties.geojson");
    CHECK(s.areas.size() == 152);
    CHECK(s.find("E10000025"));  // Oxfordshire
    // One byte changed, same size: the checksum catches it.
    AreaSet again = read_area_file(test::data_dir() + "/boundaries/counties.geojson");  // rebuilt
    std::string good = test::read_file(files[0].string());
    REQUIRE(good.size() == full);
    {
        std::fstream f(files[0], std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(full - 100));
        f.put(static_cast<char>(good[full - 100] ^ 0x55));
    }
    s = read_area_file(test::data_dir() + "/boundaries/counties.geojson");
    CHECK(s.areas.size() == 152);
    CHECK(test::read_file(files[0].string()) == good);  // dropped and written again, not trusted
    unsetenv("XDG_CACHE_HOME");
}

TEST_CASE("an unusable cache folder never stops a command: the source is read, one warning at most") {
    // ~/.cache is a file
    test::ScratchDir home;
    home.write(".cache", "a file where the cache folder should be");
    auto r = county_table(home.path);
    check_all_counties(r);
    CHECK(warning_lines(test::without_notes(r.err)) == 1);
    CHECK(test::lines(test::without_notes(r.err)).size() == 1);
    CHECK(r.err.find("cache") != std::string::npos);
    // the cache folder is a file
    test::ScratchDir home2;
    home2.write(".cache/sespm-map", "a file");
    r = county_table(home2.path);
    check_all_counties(r);
    CHECK(test::lines(test::without_notes(r.err)).size() == 1);
    // HOME on a read-only file system
    test::ScratchDir home3;
    REQUIRE_MESSAGE(test::run_shell("mount -t tmpfs -o ro,size=64k tmpfs " + home3.path).exit_code == 0,
                    "cannot mount a read-only tmpfs (run the tests as root, as CI does)");
    r = county_table(home3.path);
    test::run_shell("umount " + home3.path);
    check_all_counties(r);
    CHECK(test::lines(test::without_notes(r.err)).size() == 1);
    CHECK(r.err.find("read-only file system") != std::string::npos);
    // HOME set to nothing useful at all
    r = test::run_sespm({"table", "--layer", "uasc", "--geography", "county", "--data", test::data_dir()},
                        "env -u XDG_CACHE_HOME -u HOME");
    check_all_counties(r);
}
