// test_inputs.cpp: input checks (issue 9) that need more than one bad file fed to the binary:
// what a partly bad file still gives, codes joined without regard to case, a Latin-1 shapefile
// made with ogr2ogr, a link out of the data directory, --source-layer, and option messages.
#include <doctest.h>

#include <filesystem>

#include "core/csv.h"
#include "helpers.h"
#include "geodata/gdal_input.h"

namespace fs = std::filesystem;

namespace {
std::string fixture(const std::string& name) { return std::string(SESPM_TEST_DIR) + "/bad_inputs/" + name; }
}  // namespace

TEST_CASE("current suppression markers and upper-case headers read like the old ones") {
    for (const char* m : {"[c]", "[x]", "[z]", "..", "*", "-"}) CHECK_FALSE(sespm::parse_figure(m, "f", 2, "v").has_value());
    sespm::CsvTable t = sespm::parse_csv("CODE,Value\nE1,3\n", "f.csv");
    CHECK(t.column("code") == 0);
    CHECK(t.column("value") == 1);
}

TEST_CASE("figure codes join after trimming, without regard to case") {
    test::FakeDataDir d;
    d.override_stats("asylum_s95_dispersal_timeseries_2014q1_2024q3.csv",
                     std::string("CODE,code_published,NAME,region,VALUE,period,source\n") +
                         " e06000044 ,x,Portsmouth,South East,617,2024-09-30,x\ne06000045,x,Southampton,South East,167,2024-09-30,x\n");
    auto r = test::run_sespm({"table", "--layer", "dispersal", "--data", d.path});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("\nE06000044,Portsmouth,214321,617,") != std::string::npos);
    CHECK(r.out.find("\nE06000045,Southampton,") != std::string::npos);
}

TEST_CASE("a partly bad figures file: the good rows are used, the bad ones listed") {
    test::FakeDataDir d;
    d.override_stats("asylum_s95_dispersal_timeseries_2014q1_2024q3.csv", test::read_file(fixture("s_fractional.csv")));
    for (bool skip : {false, true}) {
        std::vector<std::string> args{"table", "--layer", "dispersal", "--data", d.path};
        if (skip) args.push_back("--skip-bad-rows");
        auto r = test::run_sespm(args);
        CAPTURE(r.err);
        CHECK(r.exit_code == (skip ? 0 : 1));
        CHECK(r.out.find("\nE06000045,Southampton,") != std::string::npos);
        CHECK(r.out.find(",167,") != std::string::npos);
        CHECK(r.out.find("\nE06000044,Portsmouth,214321,,") != std::string::npos);  // the rejected row: no figure
        CHECK(r.err.find("asylum_s95_dispersal_timeseries_2014q1_2024q3.csv:2: field 'value': '617.5'") != std::string::npos);
    }
}

TEST_CASE("one bad postcode in a list of 11 does not stop the count") {
    auto r = test::run_sespm({"query", "count-points", "--points", fixture("p_one_bad_postcode.csv"), "--skip-bad-rows",
                              "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    long total = 0;
    for (const auto& l : test::lines(r.out))
        if (l.rfind("code,", 0) != 0) total += std::stol(l.substr(l.rfind(',') + 1));
    CHECK(total == 10);
}

TEST_CASE("the real data loads with no rejected row and no error") {
    auto r = test::run_sespm({"layers", "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.err.find("rejected") == std::string::npos);
    r = test::run_sespm({"table", "--layer", "dispersal", "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    // every unmatched source code is listed (Scotland, Wales, Northern Ireland, 2023 mergers)
    CHECK(r.err.find("layer 'dispersal': 55 source codes match no boundary area") != std::string::npos);
    CHECK(r.err.find("S12000036") != std::string::npos);
}

TEST_CASE("a Latin-1 shapefile without .cpg is recoded, with a note naming the file") {
    test::ScratchDir d;
    auto made = test::run_shell("ogr2ogr -f 'ESRI Shapefile' " + d.file("l1.shp") + " " + fixture("g_latin1.geojson") +
                                " -lco ENCODING=ISO-8859-1 && rm " + d.file("l1.cpg"));
    REQUIRE(made.exit_code == 0);
    REQUIRE(test::read_file(d.file("l1.dbf")).find("Br\xe8" "de") != std::string::npos);  // really Latin-1
    auto r = test::run_sespm({"export", "--open", d.file("l1.shp"), "--by", "area", "-o", d.file("out.geojson"),
                              "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.err.find("l1.shp: text is not UTF-8") != std::string::npos);
    CHECK(r.err.find("Latin-1") != std::string::npos);
    std::string out = test::read_file(d.file("out.geojson"));
    CHECK(sespm::is_valid_utf8(out));
    CHECK(out.find("Br\xc3\xa8" "de Rivi\xc3\xa8re") != std::string::npos);
}

TEST_CASE("a link in stats/ leading out of the data directory is refused") {
    test::FakeDataDir d;
    fs::remove(d.file("stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv"));
    fs::create_symlink(fs::absolute(test::data_dir() + "/stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv"),
                       d.file("stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv"));
    auto r = test::run_sespm({"table", "--layer", "dispersal", "--data", d.path});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("dispersal.json") != std::string::npos);
    CHECK(r.err.find("field 'count.file'") != std::string::npos);
    CHECK(r.err.find("outside the data directory") != std::string::npos);
    // a link that stays inside is fine
    fs::remove(d.file("stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv"));
    fs::copy_file(test::data_dir() + "/stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv", d.file("stats/real.csv"));
    fs::create_symlink("real.csv", d.file("stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv"));
    r = test::run_sespm({"table", "--layer", "dispersal", "--data", d.path});
    CHECK_MESSAGE(r.exit_code == 0, r.err);
}

TEST_CASE("--source-layer chooses the layer of a GeoPackage that holds several") {
    test::ScratchDir d;
    std::string g = d.file("two.gpkg"), src = fixture("p_points_ok.geojson");
    REQUIRE(test::run_shell("ogr2ogr -f GPKG " + g + " " + src + " -nln a && ogr2ogr -update -f GPKG " + g + " " +
                            fixture("g_square.geojson") + " -nln b")
                .exit_code == 0);
    // one point layer and one polygon layer: each reader takes the only layer that fits
    auto r = test::run_sespm({"query", "count-points", "--points", g, "--open", g, "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("E1,A,0") != std::string::npos);
    REQUIRE(test::run_shell("ogr2ogr -update -f GPKG " + g + " " + src + " -nln c").exit_code == 0);
    r = test::run_sespm({"query", "count-points", "--points", g, "--data", test::data_dir()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("a (Point), b (Polygon), c (Point)") != std::string::npos);
    r = test::run_sespm({"query", "count-points", "--points", g, "--source-layer", "c", "--data", test::data_dir()});
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    r = test::run_sespm({"query", "count-points", "--points", g, "--source-layer", "zz", "--data", test::data_dir()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("has no layer 'zz'") != std::string::npos);
}

TEST_CASE("option messages: --codes, a --total too large") {
    auto r = test::run_sespm({"query", "dissolve", "--codes", "E06000044,NOPE", "--data", test::data_dir()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--codes NOPE") != std::string::npos);
    test::ScratchDir d;
    r = test::run_sespm({"scenario", "allocate", "--total", "99999999999999999999", "--rule", "population", "--project",
                         d.file("p.sespm"), "--data", test::data_dir()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("too large") != std::string::npos);
}
