// test_window.cpp: the desktop window used as a planner would, under Xvfb with real input
// events from xdotool: a pledge typed into the attribute table by mouse and keyboard is saved
// to the project (checked with `pledges list`), Esc cancels a typed pledge, and F12 saves the
// window into ~/Pictures rather than the working folder. The window says where its pledge cells
// are ($SESPM_UI_LAYOUT), so the clicks follow the layout wherever the docked table puts them.
#include <doctest.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "helpers.h"


TEST_CASE("window: a pledge typed into the table by mouse is saved; Esc cancels; F12 goes to ~/Pictures") {
    REQUIRE_MESSAGE(test::have_window_tools(), "xvfb-run or xdotool is not installed: the window test cannot run (scripts/setup installs them)");
    test::ScratchDir d;
    std::filesystem::create_directory(d.file("Pictures"));
    std::string p = d.file("p.sespm");
    // Bracknell Forest (E06000036): click its pledge cell, type 40, Enter.
    // West Berkshire (E06000037): type 55, then Esc: nothing saved.
    auto r = test::drive_window(d, "--project " + p + " --layer resettlement --table --data " + test::data_dir(),
                          "click 'pledge E06000036'; sleep 1.5; xdotool type --delay 80 40; sleep 0.5; xdotool key Return; sleep 3\n"
                          "click 'pledge E06000037'; sleep 1.5; xdotool type --delay 80 55; sleep 0.5; xdotool key Escape; sleep 2\n"
                          "xdotool mousemove 300 300; sleep 0.3; xdotool key F12; sleep 2");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    auto list = test::run_sespm({"pledges", "list", "--project", p, "--data", test::data_dir()});
    REQUIRE_MESSAGE(list.exit_code == 0, list.err);
    CHECK(list.out.find("E06000036,Bracknell Forest,40\n") != std::string::npos);
    CHECK(list.out.find("E06000037") == std::string::npos);  // Esc: not saved
    CHECK(test::file_exists(d.file("Pictures/sespm-window-1.png")));
}

TEST_CASE("window: manual class breaks typed into the Layers panel become the map's classes") {
    REQUIRE_MESSAGE(test::have_window_tools(), "xvfb-run or xdotool is not installed: the window test cannot run (scripts/setup installs them)");
    test::ScratchDir d;
    auto r = test::drive_window(d, "--data " + test::data_dir(),
                          "click method; sleep 1.5; click 'method manual'; sleep 3\n"
                          "click breaks; sleep 1.5\n"  // the click selects the breaks shown: typing replaces them
                          "xdotool type --delay 80 '1, 2, 5, 10'; sleep 0.5; xdotool key Return\n"
                          "for i in $(seq 40); do grep -q '^legend 5.0' layout.txt && break; sleep 0.3; done\n"
                          "cp layout.txt after.txt; xdotool key F12; sleep 1.5");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    std::string after = test::read_file(d.file("after.txt"));
    CAPTURE(after);
    // the lowest class starts at the lowest figure of every quarter pooled, the rest at the breaks
    for (const char* label : {" \u2013 1.0\n", "legend 1.0 \u2013 2.0\n", "legend 2.0 \u2013 5.0\n", "legend 5.0 \u2013 10.0\n"})
        CHECK(after.find(label) != std::string::npos);
}


TEST_CASE("window: the footer sits above the table bar, and the scenario panel's buttons fit inside it") {
    REQUIRE_MESSAGE(test::have_window_tools(), "xvfb-run or xdotool is not installed: the window test cannot run (scripts/setup installs them)");
    test::ScratchDir d;
    std::string p = d.file("p.sespm");
    auto r = test::run_sespm({"scenario", "create", "--project", p, "--name", "Plan A", "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    r = test::drive_window(d, "--project " + p + " --scenario 'Plan A' --data " + test::data_dir(), "sleep 1; cp layout.txt after.txt");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    std::string layout = test::read_file(d.file("after.txt"));
    CAPTURE(layout);
    auto foot = test::rect_of(layout, "attribution"), bar = test::rect_of(layout, "table"), panel = test::rect_of(layout, "scenario-panel");
    REQUIRE(foot[0] >= 0);
    REQUIRE(bar[0] >= 0);
    CHECK(foot[3] <= bar[1]);  // the attribution ends above the collapsed table's bar
    REQUIRE(panel[0] >= 0);
    for (const char* b : {"New", "Duplicate as", "Rename to", "Delete"}) {
        CAPTURE(b);
        auto br = test::rect_of(layout, std::string("scenario-button ") + b);
        REQUIRE(br[0] >= 0);
        CHECK(br[0] >= panel[0]);
        CHECK(br[2] <= panel[2]);  // inside the 500 px panel, not cut off at its edge
    }
}

TEST_CASE("window: the table pane's splitter sets its height, and the next run remembers it") {
    REQUIRE_MESSAGE(test::have_window_tools(), "xvfb-run or xdotool is not installed: the window test cannot run (scripts/setup installs them)");
    test::ScratchDir d;
    // drag the splitter 150 px up, slowly, as a hand would
    auto r = test::drive_window(d, "--table --data " + test::data_dir(),
                          "cp layout.txt before.txt\n"
                          "read x0 y0 x1 y1 < <(grep '^splitter ' layout.txt | awk '{print $(NF-3),$(NF-2),$(NF-1),$NF}')\n"
                          "x=$(( (x0 + x1) / 2 )); y=$(( (y0 + y1) / 2 )); xdotool mousemove $x $y; sleep 0.5; xdotool mousedown 1; sleep 0.5\n"
                          "for i in $(seq 1 15); do xdotool mousemove $x $(( y - i * 10 )); sleep 0.1; done; sleep 0.5; xdotool mouseup 1; sleep 2\n"
                          "cp layout.txt after.txt");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    auto before = test::rect_of(test::read_file(d.file("before.txt")), "table"), after = test::rect_of(test::read_file(d.file("after.txt")), "table");
    REQUIRE(before[0] >= 0);
    REQUIRE(after[0] >= 0);
    int grown = (after[3] - after[1]) - (before[3] - before[1]);
    CAPTURE(grown);
    CHECK(grown >= 120);
    CHECK(grown <= 160);
    CHECK(test::file_exists(d.file(".config/sespm-map/window.ini")));
    // a new run opens the pane at the height it was left at
    r = test::drive_window(d, "--table --data " + test::data_dir(), "cp layout.txt again.txt");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    auto again = test::rect_of(test::read_file(d.file("again.txt")), "table");
    CHECK(std::abs((again[3] - again[1]) - (after[3] - after[1])) <= 1);
}

TEST_CASE("window: Find a place takes a name or a postcode, zooms to it and selects it") {
    REQUIRE_MESSAGE(test::have_window_tools(), "xvfb-run or xdotool is not installed: the window test cannot run (scripts/setup installs them)");
    test::ScratchDir d;
    auto r = test::drive_window(d, "--data " + test::data_dir(),
                          "click find; sleep 1; xdotool type --delay 80 slough; sleep 1.5; xdotool key Return; sleep 2; cp layout.txt name.txt\n"
                          "click find; sleep 1; xdotool type --delay 80 'bn7 3ae'; sleep 1.5; xdotool key Return; sleep 2; cp layout.txt postcode.txt\n"
                          "click find; sleep 1; xdotool type --delay 80 kent; sleep 1.5; xdotool key Return; sleep 2; cp layout.txt county.txt");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    auto selected = [&](const std::string& file) {
        std::vector<std::string> codes;
        for (const auto& line : test::lines(test::read_file(d.file(file))))
            if (line.rfind("selected ", 0) == 0) codes.push_back(line.substr(9));
        return codes;
    };
    CHECK(selected("name.txt") == std::vector<std::string>{"E06000039"});      // Slough
    CHECK(selected("postcode.txt") == std::vector<std::string>{"E07000063"});  // BN7 3AE is in Lewes
    CHECK(selected("county.txt").size() == 12);                               // Kent's twelve districts
}

TEST_CASE("window: a tooltip near the bottom edge is moved up, never cut off") {
    REQUIRE_MESSAGE(test::have_window_tools(), "xvfb-run or xdotool is not installed: the window test cannot run (scripts/setup installs them)");
    test::ScratchDir d;
    // hover just below the pole of the lowest named district on screen (the Isle of Wight, near the bottom)
    auto r = test::drive_window(d, "--data " + test::data_dir(),
                          "read x y < <(grep '^pole ' layout.txt | sort -k4 -n | tail -1 | awk '{print $3, $4 + 12}')\n"
                          "echo $x $y > hovered.txt; xdotool mousemove $x $y; sleep 0.5; xdotool mousemove $((x + 1)) $y; sleep 2; cp layout.txt after.txt");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    std::string layout = test::read_file(d.file("after.txt"));
    auto tip = test::rect_of(layout, "tooltip");
    CAPTURE(layout);
    CAPTURE(test::read_file(d.file("hovered.txt")));
    REQUIRE(tip[0] >= 0);
    CHECK(tip[3] <= 1000);  // wholly inside the 1600x1000 window
    CHECK(tip[2] <= 1600);
    CHECK(tip[1] >= 0);
    std::istringstream hv(test::read_file(d.file("hovered.txt")));
    int hx = 0, hy = 0;
    hv >> hx >> hy;
    CHECK(hy + 16 + (tip[3] - tip[1]) > 1000);  // it would have run off the bottom where ImGui puts it
}

TEST_CASE("window: the Layers panel names the palette the map is drawn with, for a layer and for an opened file") {
    REQUIRE_MESSAGE(test::have_window_tools(), "xvfb-run or xdotool is not installed: the window test cannot run (scripts/setup installs them)");
    struct Case { std::string args, palette; };
    // dispersal's layer file says orange-red; a file opened by itself has no layer file and is
    // drawn in yellow-green-blue (map/class_policy.h), whatever layer was shown before
    const Case cases[] = {{"", "orange-red"}, {"--open " + test::data_dir() + "/boundaries/counties.geojson", "yellow-green-blue"}};
    for (const auto& c : cases) {
        CAPTURE(c.args);
        test::ScratchDir d;
        auto r = test::drive_window(d, c.args + " --data " + test::data_dir(), "sleep 0.5");
        REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
        std::string layout = test::read_file(d.file("layout.txt"));
        CHECK(test::rect_of(layout, "palette " + c.palette)[0] >= 0);
    }
}

TEST_CASE("window: opening the attribute table under a map as fitted fits it again above the table") {
    REQUIRE_MESSAGE(test::have_window_tools(), "xvfb-run or xdotool is not installed: the window test cannot run (scripts/setup installs them)");
    test::ScratchDir d;
    // a click on the table bar's title opens the table; the region must then end above it
    auto r = test::drive_window(d, "--data " + test::data_dir(),
                                "cp layout.txt closed.txt\n"
                                "read x0 y0 x1 y1 < <(grep '^table ' layout.txt | cut -d' ' -f2-)\n"
                                "xdotool mousemove $((x0 + 200)) $((y0 + 14)) click 1; sleep 0.3; xdotool mousemove 800 150; sleep 2\n"
                                "cp layout.txt open.txt\n");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    auto closed_table = test::rect_of(test::read_file(d.file("closed.txt")), "table");
    auto open_table = test::rect_of(test::read_file(d.file("open.txt")), "table");
    auto fit = test::rect_of(test::read_file(d.file("open.txt")), "map-fit");
    REQUIRE(closed_table[1] >= 0);
    REQUIRE(open_table[1] >= 0);
    CHECK(open_table[1] < closed_table[1] - 100);  // the table did open
    CAPTURE(fit[3]);
    CAPTURE(open_table[1]);
    CHECK(fit[3] <= open_table[1]);  // the fitted region's bottom edge is above the table
}
