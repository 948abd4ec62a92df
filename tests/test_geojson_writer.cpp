// test_geojson_writer.cpp: the streamed GeoJSON writer (outputs/geojson_writer.h) against GDAL's own
// GeoJSON writer, export by export: GDAL (ogr2ogr to CSV with the geometry as WKT, every field)
// reads back the same features and values from both files, the two documents are the same JSON
// (foreign members, property types, geometry types, ring order), and the independent validator
// accepts the streamed one. The cases cover each geography, a time series with its `series`
// property, a count layer, a points layer's counts, an opened file, a dissolve and a scenario.
#include <doctest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "helpers.h"

namespace {

struct Case {
    std::string name;
    std::vector<std::string> args;   // the command, without -o and --data
};

// What GDAL reads from a GeoJSON file: every field and the geometry as WKT, as CSV text.
std::string gdal_reads(const std::string& path) {
    auto r = test::run_shell("ogr2ogr -f CSV /vsistdout/ " + path + " -lco GEOMETRY=AS_WKT");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return r.out;
}

} // namespace

TEST_CASE("GeoJSON exports: the streamed writer and GDAL's writer give the same features and values") {
    std::string leps = test::data_dir() + "/boundaries/lep.geojson";
    test::ScratchDir d;
    std::string project = d.file("p.sespm");
    auto made = test::run_sespm({"scenario", "create", "--project", project, "--name", "A", "--data", test::data_dir()});
    REQUIRE_MESSAGE(made.exit_code == 0, made.err);
    made = test::run_sespm({"scenario", "set", "--project", project, "--name", "A", "--code", "E06000044", "--places", "50",
                            "--data", test::data_dir()});
    REQUIRE_MESSAGE(made.exit_code == 0, made.err);
    const std::vector<Case> cases = {
        {"districts", {"export", "--layer", "dispersal"}},
        {"counties", {"export", "--layer", "uasc", "--geography", "county"}},
        {"leps", {"export", "--layer", "dispersal", "--geography", "lep"}},
        {"subregions", {"export", "--layer", "asylum_supported", "--geography", "subregion"}},
        {"regions", {"export", "--layer", "dispersal", "--geography", "region"}},
        {"all periods", {"export", "--layer", "dispersal", "--all-periods", "--within", "E12000008"}},
        {"census", {"export", "--layer", "eu_born"}},
        {"counts", {"export", "--layer", "resettlement"}},
        {"points", {"export", "--layer", "esol"}},
        {"opened file", {"export", "--open", leps, "--by", "area"}},
        {"dissolve", {"query", "dissolve", "--geography", "district", "--codes", "E06000044,E06000045,E07000086"}},
        {"scenario", {"scenario", "export", "--project", project, "--name", "A"}},
    };
    std::string checker = test::geojson_checker();
    for (const auto& c : cases) {
        CAPTURE(c.name);
        std::string fast = d.file("fast.geojson"), gdal = d.file("gdal.geojson");
        auto args = c.args;
        args.push_back("--data");
        args.push_back(test::data_dir());
        auto with = [&](const std::string& out, const std::string& env) {
            auto a = args;
            a.push_back("-o");
            a.push_back(out);
            auto r = test::run_sespm(a, env);
            REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        };
        with(fast, "");
        with(gdal, "SESPM_GDAL_GEOJSON_WRITER=1");
        std::string a = gdal_reads(fast), b = gdal_reads(gdal);
        CHECK(test::lines(a).size() > 1);
        CHECK(a == b);
        CHECK(nlohmann::json::parse(test::read_file(fast)) == nlohmann::json::parse(test::read_file(gdal)));
        CHECK(test::read_file(fast) != test::read_file(gdal));  // really two writers (GDAL spaces its output differently)
        {
            auto v = test::run_shell(std::string("node ") + checker + " " + fast);
            std::string why = v.out + v.err;
            CHECK_MESSAGE(v.exit_code == 0, why);
        }
    }
}
