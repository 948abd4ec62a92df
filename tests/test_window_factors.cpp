// test_window_factors.cpp: the fair-share model in the window, used as a planner would under
// Xvfb with real clicks (xdotool): a scenario made on the command line reopens with its model in
// the Factors section; the pressure index becomes the map; a pressure taken out and Allocate
// saves the new model, whose places equal the command line's for the same model.
#include <doctest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "helpers.h"

namespace {

// code -> the allocated column of `scenario allocate`'s CSV.
std::map<std::string, std::string> allocated_by_code(const std::string& csv) {
    std::map<std::string, std::string> out;
    auto ls = test::lines(csv);
    auto header = test::split_csv_simple(ls.at(0));
    size_t col = std::find(header.begin(), header.end(), "allocated") - header.begin();
    REQUIRE(col < header.size());
    for (size_t i = 1; i < ls.size(); ++i) {
        auto c = test::split_csv_simple(ls[i]);
        out[c[0]] = c[col];
    }
    return out;
}

} // namespace

TEST_CASE("window: the Factors section reopens a model, maps its pressure, and saves what the command line would") {
    REQUIRE_MESSAGE(test::have_window_tools(), "xvfb-run or xdotool is not installed: the window test cannot run (scripts/setup installs them)");
    test::ScratchDir d;
    const std::string p = d.file("p.sespm"), data = test::data_dir();
    auto made = test::run_sespm({"scenario", "allocate", "--within", "E12000008", "--data", data, "--total", "7200", "--rule", "factors",
                                 "--factor", "housing_affordability=1", "--factor", "dispersal=1", "--as", "stock",
                                 "--project", p, "--save", "Housing"});
    REQUIRE_MESSAGE(made.exit_code == 0, made.err);
    auto r = test::drive_window(d, "--project " + p + " --scenario Housing --data " + data,
                                "sleep 1; cp layout.txt opened.txt\n"
                                "click pressure-map\n"
                                "for i in $(seq 40); do grep -q '^title Pressure index' layout.txt && break; sleep 0.3; done\n"
                                "cp layout.txt pressure.txt\n"
                                "click 'factor-remove dispersal'; sleep 2; cp layout.txt removed.txt\n"
                                "click allocate; sleep 1.5; click allocate-replace; sleep 3");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    std::string opened = test::read_file(d.file("opened.txt")), pressure = test::read_file(d.file("pressure.txt")),
                removed = test::read_file(d.file("removed.txt"));
    // reopened with its model: both factors chosen, the rule the fair share
    CHECK(opened.find("\nfactor-remove housing_affordability ") != std::string::npos);
    CHECK(opened.find("\nfactor-remove dispersal ") != std::string::npos);
    CHECK(opened.find("\ntitle Dispersal scenario: Housing\n") != std::string::npos);
    // the pressure index as the map, with its legend and no period to step through
    CHECK(pressure.find("\ntitle Pressure index of the fair-share model\n") != std::string::npos);
    CHECK(pressure.find("\nlegend ") != std::string::npos);
    CHECK(pressure.find("\nperiod ") == std::string::npos);
    CHECK(removed.find("\nfactor-remove dispersal ") == std::string::npos);
    // saved: the model without dispersal, and the places the command line gives for it
    auto notes = test::run_shell("sqlite3 '" + p + "' \"SELECT notes FROM scenarios WHERE name = 'Housing'\"");
    REQUIRE(notes.exit_code == 0);
    CHECK(notes.out.find("Fair-share model: housing_affordability=1; the total to hold in all (stock)") != std::string::npos);
    auto cli = test::run_sespm({"scenario", "allocate", "--within", "E12000008", "--data", data, "--total", "7200", "--rule", "factors",
                                "--factor", "housing_affordability=1", "--as", "stock"});
    REQUIRE_MESSAGE(cli.exit_code == 0, cli.err);
    auto shown = test::run_sespm({"scenario", "show", "--project", p, "--name", "Housing", "--data", data});
    REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
    auto expected = allocated_by_code(cli.out);
    auto ls = test::lines(shown.out);
    auto header = test::split_csv_simple(ls.at(0));
    size_t extra = std::find(header.begin(), header.end(), "extra") - header.begin();
    REQUIRE(extra < header.size());
    REQUIRE(ls.size() == 65);
    for (size_t i = 1; i < ls.size(); ++i) {
        auto c = test::split_csv_simple(ls[i]);
        CAPTURE(ls[i]);
        CHECK(c[extra] == expected[c[0]]);
    }
}
