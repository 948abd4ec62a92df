// test_window_desktop.cpp: the desktop window as a GIS user expects it, under Xvfb with real
// input events (window_driver.h): the region framed in the space the map really has, file
// dialogs, the layer list and its drag order, recent projects and the title bar, and Allocate's
// confirmation over a scenario that already has places.
#include <doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "helpers.h"
#include "window_driver.h"

namespace {

bool overlaps(const std::array<int, 4>& a, const std::array<int, 4>& b) {
    return a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
}

#define SKIP_WITHOUT_WINDOW_TOOLS()                                                                      \
    if (!test::have_window_tools()) {                                                                    \
        MESSAGE("xvfb-run or xdotool is not installed: the window test is skipped (scripts/setup installs them)"); \
        return;                                                                                          \
    }

} // namespace

TEST_CASE("window: at 1600x1000 the region fills the space between the docked panels, none of its names under one") {
    SKIP_WITHOUT_WINDOW_TOOLS();
    test::ScratchDir d;
    auto r = test::drive_window_script(d, "--data " + test::data_dir(), "sleep 1; cp layout.txt after.txt");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    std::string layout = test::read_file(d.file("after.txt"));
    CAPTURE(layout);
    auto fit = test::layout_rect(layout, "map-fit");
    REQUIRE(fit[0] >= 0);
    CHECK(fit[2] - fit[0] >= 780);  // the strip right of the legend's full height gave 690 px
    CHECK(fit[2] <= 1600);
    CHECK(fit[3] <= 1000);
    std::vector<std::array<int, 4>> panels;
    for (int i = 0; i < 8; ++i)
        if (auto p = test::layout_rect(layout, "docked " + std::to_string(i)); p[0] >= -50) panels.push_back(p);
    REQUIRE(panels.size() >= 3);  // the Layers panel, the time slider, the legend
    int poles = 0;
    for (const auto& line : test::lines(layout)) {
        if (line.rfind("pole ", 0) != 0) continue;
        auto p = test::layout_rect(layout, line.substr(0, line.find(' ', 5)));
        ++poles;
        for (const auto& q : panels) CHECK_MESSAGE(!overlaps({p[0] - 1, p[1] - 1, p[2] + 1, p[3] + 1}, q), line);
    }
    CHECK(poles >= 55);
}

namespace {

// The places a scenario holds, summed from `scenario show`'s "extra" column.
long long scenario_places(const std::string& csv) {
    long long sum = 0;
    for (const auto& line : test::lines(csv)) {
        auto cells = test::split_csv_simple(line);
        if (cells.size() < 11 || cells[0] == "code") continue;
        sum += std::atoll(cells[4].c_str());
    }
    return sum;
}

} // namespace

TEST_CASE("window: Allocate over a scenario that has places asks first; Cancel keeps them, Replace replaces them") {
    SKIP_WITHOUT_WINDOW_TOOLS();
    test::ScratchDir d;
    std::string p = d.file("p.sespm"), data = test::data_dir();
    auto r = test::run_sespm({"scenario", "allocate", "--total", "300", "--rule", "equalise", "--within", "E12000008", "--project", p,
                              "--save", "Plan A", "--data", data});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::string show = std::string(SESPM_EXE) + " scenario show --project " + p + " --name 'Plan A' --data " + data;
    r = test::drive_window_script(d, "--project " + p + " --scenario 'Plan A' --data " + data,
                                  "click allocate-total; xdotool key ctrl+a; xdotool type --delay 80 700; xdotool key Return; sleep 1\n"
                                  "click allocate; wait_for '^allocate-cancel '; cp layout.txt asked.txt\n"
                                  "click allocate-cancel; sleep 1.5; " + show + " > cancelled.csv\n"
                                  "click allocate; wait_for '^allocate-replace '; click allocate-replace; sleep 2.5; " + show + " > replaced.csv");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    CHECK(test::layout_rect(test::read_file(d.file("asked.txt")), "allocate-replace")[0] >= 0);  // the question was asked
    CHECK(scenario_places(test::read_file(d.file("cancelled.csv"))) == 300);  // Cancel: the places stay
    CHECK(scenario_places(test::read_file(d.file("replaced.csv"))) == 700);   // Replace: the new allocation
}
