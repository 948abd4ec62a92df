// test_output_over_input.cpp: no output is ever written over one of the command's own inputs
// (issue 21, item 1): a data file, a boundary or area file it opened, a points file, a
// commentary, the project held open, by any path that names the same file (a link, "..").
// Each case: a usage error (exit 2) naming the file, and the input byte for byte as it was.
#include <doctest.h>

#include <filesystem>
#include <functional>

#include "helpers.h"

namespace fs = std::filesystem;

namespace {

struct Case {
    std::string what;
    std::string input;                          // the file that must survive
    std::function<std::vector<std::string>(const std::string& input)> args;  // the command, -o over it
};

} // namespace

TEST_CASE("an output over one of the command's inputs is refused, the input untouched") {
    test::FakeDataDir data;  // writable copies of the stats
    test::ScratchDir d;
    std::string series = data.file("stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv");
    fs::permissions(series, fs::perms::owner_write, fs::perm_options::add);  // writable: only the input check may stop it
    // an area file of its own, a points CSV, a commentary named .pdf, a project named .csv
    REQUIRE(test::run_sespm({"export", "--layer", "dispersal", "--within", "E10000016", "-o", d.file("sq.geojson"), "--data", test::data_dir()}).exit_code == 0);
    d.write("pts.csv", "name,lat,lon\nA,51.27,1.08\nB,51.37,0.55\n");
    d.write("notes.pdf", "Reviewed at the board.\n");
    REQUIRE(test::run_sespm({"pledges", "set", "--project", d.file("p.csv"), "--code", "E06000044", "--places", "40", "--data", test::data_dir()}).exit_code == 0);
    fs::create_directories(d.file("sub"));
    fs::create_symlink(d.file("sq.geojson"), d.file("link.geojson"));
    std::vector<Case> cases{
        {"a series file the layer reads", series, [&](const std::string& in) { return std::vector<std::string>{"export", "--layer", "dispersal", "-o", in, "--data", data.path}; }},
        {"an area file opened", d.file("sq.geojson"), [&](const std::string& in) { return std::vector<std::string>{"export", "--open", in, "--by", "area", "-o", in}; }},
        {"an area file by a link", d.file("sq.geojson"), [&](const std::string& in) { return std::vector<std::string>{"export", "--open", in, "--by", "area", "-o", d.file("link.geojson")}; }},
        {"an area file by '..'", d.file("sq.geojson"), [&](const std::string& in) { return std::vector<std::string>{"query", "dissolve", "--open", in, "--group-by", "code", "-o", d.file("sub/../sq.geojson")}; }},
        {"a points file", d.file("pts.csv"), [&](const std::string& in) { return std::vector<std::string>{"export", "--layer", "esol", "--points", in, "-o", in, "--data", test::data_dir()}; }},
        {"a commentary", d.file("notes.pdf"), [&](const std::string& in) { return std::vector<std::string>{"report", "--commentary", in, "-o", in, "--data", test::data_dir()}; }},
        {"the project", d.file("p.csv"), [&](const std::string& in) { return std::vector<std::string>{"export", "--layer", "resettlement", "--project", in, "-o", in, "--data", test::data_dir()}; }},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        std::string before = test::read_file(c.input);
        REQUIRE(!before.empty());
        auto r = test::run_sespm(c.args(c.input));
        CHECK(r.exit_code == 2);
        CHECK_MESSAGE(r.err.find("not replaced") != std::string::npos, r.err);
        CHECK(test::read_file(c.input) == before);
    }
    // the project's pledges are all still there
    auto list = test::run_sespm({"pledges", "list", "--project", d.file("p.csv"), "--data", test::data_dir()});
    CHECK(list.out.find("E06000044") != std::string::npos);
}
