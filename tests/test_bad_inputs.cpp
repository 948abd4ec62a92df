// test_bad_inputs.cpp: the catalogue of bad inputs (tests/bad_inputs/, listed in cases.tsv), each
// fed to the real binary: the exit code must match, stderr must name the file, the line or
// feature and the field, and no output file may be left behind. Project files that need binary
// surgery (a newer schema, a corrupted page) and bad output paths are made here, in code.
#include <doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "helpers.h"
#include "stores/project_store.h"


namespace fs = std::filesystem;

namespace {

std::string dir() { return std::string(SESPM_TEST_DIR) + "/bad_inputs"; }

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) out.push_back(cur);
    return out;
}

// A two-layer GeoPackage (layers a and b) made from one GeoJSON fixture with ogr2ogr.
std::string two_layer_gpkg(const std::string& src, const test::ScratchDir& scratch) {
    std::string out = scratch.file("two.gpkg");
    test::run_shell("ogr2ogr -f GPKG " + out + " " + src + " -nln a && ogr2ogr -update -f GPKG " + out + " " + src + " -nln b");
    return out;
}

test::RunResult feed_stats(const std::string& path, const std::string& how) {
    test::FakeDataDir d;
    std::string target = how == "stats:pop" ? "population_mid2024.csv" : "asylum_s95_dispersal_timeseries_2014q1_2024q3.csv";
    if (how == "stats:dir") {
        fs::remove(d.file("stats/" + target));
        fs::create_directories(d.file("stats/" + target));
    } else {
        d.override_stats(target, test::read_file(path));
    }
    std::vector<std::string> args{"table", "--layer", "dispersal", "--data", d.path};
    if (how == "stats:skip") args.push_back("--skip-bad-rows");
    return test::run_sespm(args);
}

test::RunResult feed_points(const std::string& path, const std::string& how, const test::ScratchDir& scratch) {
    std::string file = path;
    if (how == "points:dir") fs::create_directories(file = scratch.file("points.csv"));
    if (how == "points:gpkg2") file = two_layer_gpkg(path, scratch);
    std::vector<std::string> args{"query", "count-points", "--points", file, "--data", test::data_dir()};
    if (how == "points:skip") args.push_back("--skip-bad-rows");
    return test::run_sespm(args);
}

test::RunResult feed(const std::string& file, const std::string& how, const test::ScratchDir& scratch) {
    std::string path = dir() + "/" + file, data = test::data_dir();
    if (how == "open" || how == "open:pop" || how == "open:name" || how == "open:gpkg2")
        return test::run_sespm({"export", "--open", how == "open:gpkg2" ? two_layer_gpkg(path, scratch) : path, "--by",
                                how == "open:pop" ? "pop" : how == "open:name" ? "name" : "area", "-o",
                                scratch.file("out.geojson"), "--data", data});
    if (how.rfind("stats", 0) == 0) return feed_stats(path, how);
    if (how.rfind("points", 0) == 0) return feed_points(path, how, scratch);
    if (how == "layer") {
        fs::create_directories(scratch.file("layers"));
        fs::copy_file(path, scratch.file("layers/x.json"), fs::copy_options::overwrite_existing);
        return test::run_sespm({"layers", "--layers", scratch.file("layers"), "--data", data});
    }
    if (how == "project") return test::run_sespm({"pledges", "list", "--project", path, "--data", data});
    FAIL("unknown way of feeding: " << how);
    return {};
}

} // namespace

TEST_CASE("the catalogue of bad inputs: clear messages, right exit codes, nothing written") {
    std::ifstream in(dir() + "/cases.tsv");
    REQUIRE(in);
    std::string line;
    int cases = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto cols = split(line, '\t');
        REQUIRE_MESSAGE(cols.size() == 4, line);
        test::ScratchDir scratch;
        auto r = feed(cols[0], cols[1], scratch);
        CAPTURE(cols[0]);
        CAPTURE(r.err);
        CHECK(r.exit_code == std::stoi(cols[2]));
        for (const auto& frag : split(cols[3], '|')) CHECK_MESSAGE(r.err.find(frag) != std::string::npos, frag);
        CHECK(!fs::exists(scratch.file("out.geojson")));
        CHECK(r.err.find("internal") == std::string::npos);
        ++cases;
    }
    CHECK(cases >= 80);
}

TEST_CASE("project files damaged in ways only code can make") {
    test::ScratchDir d;
    std::string data = test::data_dir();
    // a newer schema
    { sespm::open_project(d.file("new.sespm"), sespm::ProjectAccess::Write); }
    sqlite3* db = nullptr;
    sqlite3_open(d.file("new.sespm").c_str(), &db);
    sqlite3_exec(db, "UPDATE meta SET value = '7' WHERE key = 'schema_version'", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    auto r = test::run_sespm({"pledges", "list", "--project", d.file("new.sespm"), "--data", data});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("newer SESPM Map") != std::string::npos);
    // a corrupted page: overwrite the second page with noise
    {
        auto s_store = sespm::open_project(d.file("bad.sespm"), sespm::ProjectAccess::Write); sespm::ProjectStore& s = *s_store;
        std::map<std::string, int> p;
        for (int i = 0; i < 2000; ++i) p["E" + std::to_string(1000000 + i)] = i;
        test::save_all_pledges(s, p);
    }
    {
        std::fstream f(d.file("bad.sespm"), std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(4096);
        std::string noise(4096, '\x5a');
        f.write(noise.data(), static_cast<std::streamsize>(noise.size()));
    }
    r = test::run_sespm({"pledges", "list", "--project", d.file("bad.sespm"), "--data", data});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("bad.sespm") != std::string::npos);
    CHECK(r.err.find("sespm-map: error:") != std::string::npos);
}

TEST_CASE("bad output paths: a directory, an unwritable place, an existing file replaced whole") {
    test::ScratchDir d;
    std::string data = test::data_dir();
    auto r = test::run_sespm({"export", "--layer", "dispersal", "-o", d.path, "--data", data});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("is a directory") != std::string::npos);
    r = test::run_sespm({"export", "--layer", "dispersal", "-o", "/proc/sespm-test.geojson", "--data", data});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("/proc/sespm-test.geojson") != std::string::npos);
    d.write("plain.txt", "a file, not a folder");
    r = test::run_sespm({"render", "-o", d.file("plain.txt") + "/map.png", "--data", data});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("does not exist") != std::string::npos);
    d.write("old.csv", "old content that must be replaced whole");
    r = test::run_sespm({"export", "--layer", "eu_born", "-o", d.file("old.csv"), "--data", data});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::string now = test::read_file(d.file("old.csv"));
    CHECK(now.rfind("code,name", 0) == 0);
    CHECK(now.find("old content") == std::string::npos);
    int files = 0;
    for (auto& e : fs::directory_iterator(d.path)) { (void)e; ++files; }
    CHECK(files == 2);  // old.csv and plain.txt: no temporary file left
}
