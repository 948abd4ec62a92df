// test_window_desktop.cpp: the desktop window as a GIS user expects it, under Xvfb with real
// input events (window_driver.h): the region framed in the space the map really has, file
// dialogs, the layer list and its drag order, recent projects and the title bar, and Allocate's
// confirmation over a scenario that already has places.
#include <doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "helpers.h"
#include "window_driver.h"

namespace {

bool overlaps(const std::array<int, 4>& a, const std::array<int, 4>& b) {
    return a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
}

#define SKIP_WITHOUT_WINDOW_TOOLS() REQUIRE_MESSAGE(test::have_window_tools(), "xvfb-run or xdotool is not installed: the window test cannot run (scripts/setup installs them)")

} // namespace

TEST_CASE("window: at 1600x1000 the region fills the space between the docked panels, none of its names under one") {
    SKIP_WITHOUT_WINDOW_TOOLS();
    test::ScratchDir d;
    auto r = test::drive_window_script(d, "--data " + test::data_dir(), "sleep 1; cp layout.txt after.txt");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    std::string layout = test::read_file(d.file("after.txt"));
    CAPTURE(layout);
    auto fit = test::rect_of(layout, "map-fit");
    REQUIRE(fit[0] >= 0);
    CHECK(fit[2] - fit[0] >= 780);  // the strip right of the legend's full height gave 690 px
    CHECK(fit[2] <= 1600);
    CHECK(fit[3] <= 1000);
    std::vector<std::array<int, 4>> panels;
    for (int i = 0; i < 8; ++i)
        if (auto p = test::rect_of(layout, "docked " + std::to_string(i)); p[0] >= -50) panels.push_back(p);
    REQUIRE(panels.size() >= 3);  // the Layers panel, the time slider, the legend
    int poles = 0;
    for (const auto& line : test::lines(layout)) {
        if (line.rfind("pole ", 0) != 0) continue;
        auto p = test::rect_of(layout, line.substr(0, line.find(' ', 5)));
        ++poles;
        for (const auto& q : panels) CHECK_MESSAGE(!overlaps({p[0] - 1, p[1] - 1, p[2] + 1, p[3] + 1}, q), line);
    }
    CHECK(poles >= 55);
    // with the table pane open, the Layers panel scrolls rather than cover the attribution
    test::ScratchDir d2;
    r = test::drive_window_script(d2, "--table --data " + test::data_dir(), "sleep 1; cp layout.txt after.txt");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d2.file("window.log"))));
    std::string with_table = test::read_file(d2.file("after.txt"));
    auto layers = test::rect_of(with_table, "docked 0"), foot = test::rect_of(with_table, "attribution");
    REQUIRE(foot[0] >= 0);
    CHECK(!overlaps(layers, foot));
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
                                  "click allocate-total; xdotool keydown ctrl; sleep 0.2; xdotool key a; sleep 0.2; xdotool keyup ctrl; xdotool type --delay 80 700; xdotool key Return; sleep 1\n"
                                  "click allocate; wait_for '^allocate-cancel '; cp layout.txt asked.txt\n"
                                  "click allocate-cancel; sleep 1.5; " + show + " > cancelled.csv\n"
                                  "click allocate; wait_for '^allocate-replace '; click allocate-replace; sleep 2.5; " + show + " > replaced.csv");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    CHECK(test::rect_of(test::read_file(d.file("asked.txt")), "allocate-replace")[0] >= 0);  // the question was asked
    CHECK(scenario_places(test::read_file(d.file("cancelled.csv"))) == 300);  // Cancel: the places stay
    CHECK(scenario_places(test::read_file(d.file("replaced.csv"))) == 700);   // Replace: the new allocation
}

TEST_CASE("window: the file dialog opens a file from a folder, saves by a typed name or path, asks before replacing, remembers the folder") {
    SKIP_WITHOUT_WINDOW_TOOLS();
    test::ScratchDir d;
    std::filesystem::create_directories(d.file("maps"));
    std::filesystem::create_directories(d.file("out"));
    auto r = test::run_sespm({"export", "--layer", "dispersal", "--within", "Kent", "-o", d.file("maps/kent.geojson"), "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    d.write("out/old.png", "old");
    std::string typed = "click dialog-name; xdotool keydown ctrl; sleep 0.2; xdotool key a; sleep 0.2; xdotool keyup ctrl; xdotool type --delay 40 ";
    r = test::drive_window_script(
        d, "--data " + test::data_dir(),
        // File > Open file...: Home, the maps folder, kent.geojson, Open
        "click 'menu file'; click 'menu open-file'; wait_for '^dialog-name '\n"
        "click 'dialog-place Home'; click 'dialog-entry maps'; click 'dialog-entry kent.geojson'; click dialog-ok\n"
        "wait_for '^map-source .*kent.geojson'; sleep 1; cp layout.txt opened.txt\n"
        // Export > Save PNG...: a folder typed goes there, then a bare name gets .png
        "xdotool key ctrl+e; wait_for '^export-png '; click export-png; wait_for '^dialog-name '\n" +
            typed + "\"" + d.file("out") + "\"; xdotool key Return; sleep 0.8\n" + typed +
            "board; xdotool key Return; sleep 2.5\n"
            // again over a file that exists: asked; Keep it, then Cancel
            "click export-png; wait_for '^dialog-name '; " + typed + "old; xdotool key Return; wait_for '^dialog-keep '\n"
            "cp layout.txt asked.txt; click dialog-keep; sleep 0.5; click dialog-cancel; sleep 1; cp out/old.png kept.png\n"
            // and Replace
            "click export-png; wait_for '^dialog-name '; " + typed + "old; xdotool key Return; wait_for '^dialog-replace '\n"
            "click dialog-replace; sleep 2.5\n"
            // Save data...: a whole path typed, CSV by its extension
            "click export-data; wait_for '^dialog-name '; " + typed + "\"" + d.file("out/kent-typed.csv") +
            "\"; xdotool key Return; sleep 2.5\n"
            "click export-data; wait_for '^dialog-name '; sleep 0.5; cp layout.txt recent.txt; click dialog-cancel; sleep 0.5");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    CHECK(test::read_file(d.file("opened.txt")).find("map-source " + d.file("maps/kent.geojson")) != std::string::npos);
    CHECK(test::read_file(d.file("out/board.png")).rfind("\x89PNG", 0) == 0);  // the name typed, .png added
    CHECK(test::rect_of(test::read_file(d.file("asked.txt")), "dialog-replace")[0] >= 0);
    CHECK(test::read_file(d.file("kept.png")) == "old");  // Keep it: not replaced
    CHECK(test::read_file(d.file("out/old.png")).rfind("\x89PNG", 0) == 0);  // Replace: replaced
    CHECK(test::first_line(test::read_file(d.file("out/kent-typed.csv"))).find("code") != std::string::npos);
    CHECK(test::rect_of(test::read_file(d.file("recent.txt")), "dialog-recent " + d.file("out"))[0] >= 0);
    CHECK(test::read_file(d.file(".config/sespm-map/window.ini")).find("recent_folder=" + d.file("out") + "\n") != std::string::npos);
}

TEST_CASE("window: recent projects, most recent first, a missing one greyed and removed; the title names the project") {
    SKIP_WITHOUT_WINDOW_TOOLS();
    test::ScratchDir d;
    std::string a = d.file("a.sespm"), b = d.file("gone.sespm"), c = d.file("c.sespm"), data = test::data_dir();
    for (const auto& p : {a, c}) {
        auto r = test::run_sespm({"pledges", "set", "--project", p, "--code", "E06000044", "--places", "5", "--data", data});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    std::filesystem::create_directories(d.file(".config/sespm-map"));
    d.write(".config/sespm-map/window.ini", "recent_project=" + a + "\nrecent_project=" + b + "\n");
    std::string title = "xdotool getwindowname $(xdotool search --name 'SESPM Map' | head -1)";
    std::string ini = d.file(".config/sespm-map/window.ini");
    auto r = test::drive_window_script(
        d, "--project " + c + " --data " + data,
        title + " > title1.txt; cp " + ini + " ini1.txt\n"
        "click 'menu file'; click 'menu recent'; sleep 0.5; cp layout.txt menu.txt\n"
        "click 'recent " + b + "'; sleep 1; cp " + ini + " ini2.txt\n"
        "click 'menu file'; click 'menu recent'; click 'recent " + a + "'; sleep 1.5; " + title + " > title2.txt; cp " + ini + " ini3.txt\n"
        "click 'menu file'; click 'menu new-project'; wait_for '^dialog-name '\n"
        "click dialog-name; xdotool type --delay 40 fresh; xdotool key Return; sleep 1.5; " + title + " > title3.txt");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    CHECK(test::read_file(d.file("title1.txt")).find("c.sespm (" + d.path + ") - SESPM Map - every edit is saved") == 0);
    CHECK(test::read_file(d.file("ini1.txt")).find("recent_project=" + c + "\nrecent_project=" + a + "\nrecent_project=" + b + "\n") != std::string::npos);
    std::string menu = test::read_file(d.file("menu.txt"));
    CHECK(test::rect_of(menu, "recent " + a)[1] < test::rect_of(menu, "recent " + b)[1]);  // in that order
    CHECK(test::read_file(d.file("ini2.txt")).find(b) == std::string::npos);  // the missing one taken off
    CHECK(test::read_file(d.file("title2.txt")).find("a.sespm") == 0);
    CHECK(test::read_file(d.file("ini3.txt")).find("recent_project=" + a + "\nrecent_project=" + c + "\n") != std::string::npos);
    CHECK(test::file_exists(d.file("fresh.sespm")));  // New project: created with its extension
    CHECK(test::read_file(d.file("title3.txt")).find("fresh.sespm") == 0);
}

TEST_CASE("window: an edit that cannot be written marks the title bar") {
    SKIP_WITHOUT_WINDOW_TOOLS();
    test::ScratchDir d;
    d.write("not-a-folder", "x");
    std::string p = d.file("not-a-folder/p.sespm");  // its folder is a file: the first edit fails
    std::string title = "xdotool getwindowname $(xdotool search --name 'SESPM Map' | head -1)";
    auto r = test::drive_window_script(d, "--project " + p + " --layer resettlement --table --data " + test::data_dir(),
                                       title + " > before.txt\n"
                                       "click 'pledge E06000036'; sleep 1; xdotool type --delay 80 40; xdotool key Return; sleep 2\n" +
                                           title + " > after.txt");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    CHECK(test::read_file(d.file("before.txt")).find("\u2022") == std::string::npos);
    CHECK(test::read_file(d.file("after.txt")).find("\u2022 p.sespm") == 0);
    CHECK(test::read_file(d.file("after.txt")).find("NOT saved") != std::string::npos);
}

TEST_CASE("window: the layer list shows the map and the files added over it; dragging a row changes the draw order") {
    SKIP_WITHOUT_WINDOW_TOOLS();
    test::ScratchDir d;
    std::string data = test::data_dir();
    for (const char* area : {"Kent", "Surrey"}) {
        auto r = test::run_sespm({"export", "--layer", "dispersal", "--within", area, "-o", d.file(std::string(area) + ".geojson"), "--data", data});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    // pixels of the wash of an added layer at full opacity (0.2, 0.25, 0.4): green, then counted
    std::string wash = "wash() { xdotool key F12; sleep 1.5; f=$(ls -t Pictures/*.png | head -1); convert \"$f\" -fuzz 3% -fill '#00ff00' "
                       "-opaque 'rgb(51,64,102)' -fill black +opaque '#00ff00' -format '%[fx:round(mean.g*w*h)]' info: > $1; }\n";
    auto r = test::drive_window_script(
        d, "--overlay " + d.file("Kent.geojson") + " --data " + data,
        "mkdir -p Pictures\n" + wash +
            "wait_for '^layer Kent '; click 'menu file'; click 'menu add-overlay'; wait_for '^dialog-name '\n"
            "click dialog-name; xdotool type --delay 40 '" + d.file("Surrey.geojson") + "'; xdotool key Return; wait_for '^layer Surrey '\n"
            "sleep 1; cp layout.txt added.txt\n"
            // Kent's wash to 1 (Ctrl+click types into the slider), names off, then count
            "read x0 y0 x1 y1 < <(rect 'layer-opacity Kent'); xdotool mousemove $(( (x0 + x1) / 2 )) $(( (y0 + y1) / 2 )); sleep 0.3\n"
            "xdotool keydown ctrl; sleep 0.2; xdotool click 1; sleep 0.2; xdotool keyup ctrl; sleep 0.4\n"
            "xdotool keydown ctrl; sleep 0.2; xdotool key a; sleep 0.2; xdotool keyup ctrl; xdotool type 1; xdotool key Return; sleep 1\n"
            "click names; xdotool mousemove 700 120; sleep 1; wash above.txt\n"
            // the map dragged to the top: its fills now cover Kent's wash
            "drag 'layer map' 'layer Surrey'; sleep 1; cp layout.txt moved.txt; xdotool mousemove 700 120; sleep 1; wash below.txt\n"
            // the map hidden: Kent's wash shows again, over the sea
            "click 'layer-visible map'; xdotool mousemove 700 120; sleep 1; wash hidden.txt");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    std::string added = test::read_file(d.file("added.txt")), moved = test::read_file(d.file("moved.txt"));
    CAPTURE(added);
    auto y = [](const std::string& layout, const std::string& name) { return test::rect_of(layout, "layer " + name)[1]; };
    CHECK(y(added, "Surrey") < y(added, "Kent"));  // the file added last is on top
    CHECK(y(added, "Kent") < y(added, "map"));
    CHECK(y(moved, "map") < y(moved, "Surrey"));    // dragged to the top
    long above = std::atol(test::read_file(d.file("above.txt")).c_str()), below = std::atol(test::read_file(d.file("below.txt")).c_str()),
         hidden = std::atol(test::read_file(d.file("hidden.txt")).c_str());
    CAPTURE(above);
    CAPTURE(below);
    CAPTURE(hidden);
    CHECK(above > 5000);         // Kent's twelve districts in the wash colour
    CHECK(below < above / 20);   // under the map's fills now
    CHECK(hidden > above / 2);
}

TEST_CASE("window: a web team exports one county: Find a place selects Kent, Export keeps only the selected areas") {
    SKIP_WITHOUT_WINDOW_TOOLS();
    test::ScratchDir d;
    std::string out = d.file("kent.geojson"), all = d.file("all.geojson");
    auto r = test::drive_window_script(
        d, "--data " + test::data_dir(),
        "click find; xdotool type --delay 60 kent; sleep 1.5; xdotool key Return; sleep 2\n"
        "xdotool mousemove 700 120; xdotool key ctrl+e; wait_for '^export-only-selected '; click export-only-selected\n"
        "click export-data; wait_for '^dialog-name '; click dialog-name; xdotool keydown ctrl; sleep 0.2; xdotool key a; sleep 0.2;"
        " xdotool keyup ctrl; xdotool type --delay 30 '" + out + "'; xdotool key Return; sleep 2.5\n"
        "click export-only-selected; click export-data; wait_for '^dialog-name '; click dialog-name; xdotool keydown ctrl; sleep 0.2;"
        " xdotool key a; sleep 0.2; xdotool keyup ctrl; xdotool type --delay 30 '" + all + "'; xdotool key Return; sleep 2.5");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    REQUIRE(test::file_exists(out));
    const auto kent = nlohmann::json::parse(test::read_file(out)), whole = nlohmann::json::parse(test::read_file(all));
    CHECK(kent["features"].size() == 12);  // Kent's twelve districts, not the region's 64
    CHECK(whole["features"].size() == 64);
    std::map<std::string, std::string> fill;  // the same colours as the whole map's export
    for (const auto& f : whole["features"]) fill[f["properties"]["code"].get<std::string>()] = f["properties"]["fill"].get<std::string>();
    for (const auto& f : kent["features"]) {
        std::string code = f["properties"]["code"].get<std::string>();
        CAPTURE(code);
        CHECK(fill[code] == f["properties"]["fill"].get<std::string>());
    }
}

TEST_CASE("window: the board report's Browse... sets where the PDF goes through the file dialog") {
    SKIP_WITHOUT_WINDOW_TOOLS();
    test::ScratchDir d;
    std::filesystem::create_directories(d.file("papers"));
    auto r = test::drive_window_script(
        d, "--data " + test::data_dir(),
        "click 'menu file'; click 'menu report'; wait_for '^report-browse '; click report-browse; wait_for '^dialog-name '\n"
        "click dialog-name; xdotool keydown ctrl; sleep 0.2; xdotool key a; sleep 0.2; xdotool keyup ctrl\n"
        "xdotool type --delay 30 '" + d.file("papers/pack") + "'; xdotool key Return; sleep 1\n"
        "click report-write; for i in $(seq 60); do [ -s papers/pack.pdf ] && break; sleep 0.5; done; sleep 1");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    CHECK(test::read_file(d.file("papers/pack.pdf")).rfind("%PDF", 0) == 0);  // .pdf added to the name typed
}

TEST_CASE("window: Find a place, then File > Board report > Write the report: a PDF with the commentary typed, no crash") {
    SKIP_WITHOUT_WINDOW_TOOLS();
    test::ScratchDir d;
    std::string pdf = d.file("after-find.pdf");
    // Find a place reads every geography's names for lon/lat only; the report then draws them all
    // (it crashed here: a null BNG geometry under Atlas::prepare). Esc leaves the search box.
    auto r = test::drive_window_script(
        d, "--data " + test::data_dir(),
        "click find; xdotool type --delay 60 kent; sleep 1.5; xdotool key Return; sleep 2\n"
        "click find; xdotool type --delay 60 oxf; sleep 1; xdotool key Escape; sleep 1\n"
        "click 'menu file'; click 'menu report'; wait_for '^report-commentary '; click report-commentary\n"
        "xdotool type --delay 30 'Kent dispersal reviewed at the June board.'; sleep 0.5\n"
        "click report-browse; wait_for '^dialog-name '; click dialog-name; xdotool keydown ctrl; sleep 0.2; xdotool key a; sleep 0.2;"
        " xdotool keyup ctrl; xdotool type --delay 30 '" + pdf + "'; xdotool key Return; sleep 1\n"
        "click report-write; for i in $(seq 80); do [ -s " + pdf + " ] && break; sleep 0.5; done; sleep 1\n"
        "kill -0 $pid  # the window is still there");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    REQUIRE(test::file_exists(pdf));
    REQUIRE_MESSAGE(test::run_shell("command -v pdftotext >/dev/null").exit_code == 0, "pdftotext (poppler-utils) is needed");
    std::string text = test::run_shell("pdftotext '" + pdf + "' -").out;
    CHECK(text.find("Kent dispersal reviewed at the June board.") != std::string::npos);
    // kept for the next pack: the window's settings hold it
    CHECK(test::read_file(d.file(".config/sespm-map/window.ini")).find("report_commentary=Kent dispersal reviewed") != std::string::npos);
}

TEST_CASE("window: the PNG export of only the selected areas frames them whole (Kent), not the window's view") {
    SKIP_WITHOUT_WINDOW_TOOLS();
    REQUIRE_MESSAGE(test::run_shell("command -v ogrinfo >/dev/null").exit_code == 0, "ogrinfo (gdal-bin) is needed");
    test::ScratchDir d;
    std::string png = d.file("kent.png");
    // zoom far into one corner first, so the view is not Kent
    auto r = test::drive_window_script(
        d, "--data " + test::data_dir(),
        "click find; xdotool type --delay 60 kent; sleep 1.5; xdotool key Return; sleep 2\n"
        "xdotool mousemove 300 300; for i in $(seq 6); do xdotool click 4; sleep 0.2; done; sleep 1\n"
        "xdotool key ctrl+e; wait_for '^export-only-selected '; click export-only-selected\n"
        "click export-png; wait_for '^dialog-name '; click dialog-name; xdotool keydown ctrl; sleep 0.2; xdotool key a; sleep 0.2;"
        " xdotool keyup ctrl; xdotool type --delay 30 '" + png + "'; xdotool key Return\n"
        // the PNG is drawn and written off the frame loop: wait for it (up to 30 s on a loaded machine)
        "for i in $(seq 120); do [ -s '" + png + "' ] && break; sleep 0.25; done; sleep 1");
    REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.err + test::read_file(d.file("window.log"))));
    REQUIRE(test::file_exists(png));
    auto box = test::rect_of(test::read_file(d.file("layout.txt")), "export-png-bbox");
    REQUIRE(box[2] > box[0]);
    // Kent's extent in British National Grid, by GDAL from the boundary file (not through our code)
    auto ext = test::run_shell("ogr2ogr -f GeoJSON -t_srs EPSG:27700 /vsistdout/ '" + test::data_dir() +
                               "/boundaries/counties.geojson' -where \"code = 'E10000016'\" | ogrinfo -so -al /vsistdin/ | grep Extent");
    double x0, y0, x1, y1;
    REQUIRE_MESSAGE(std::sscanf(ext.out.c_str(), "Extent: (%lf, %lf) - (%lf, %lf)", &x0, &y0, &x1, &y1) == 4, ext.out);
    CAPTURE(ext.out);
    CHECK(box[0] <= x0 + 50);
    CHECK(box[1] <= y0 + 50);
    CHECK(box[2] >= x1 - 50);
    CHECK(box[3] >= y1 - 50);
    double kw = x1 - x0, kh = y1 - y0;
    CHECK(box[2] - box[0] < 1.3 * kw + 0.2 * kh);  // framed on Kent, not the region
    CHECK(std::abs((box[0] + box[2]) / 2 - (x0 + x1) / 2) < 0.05 * kw);  // centred
    CHECK(std::abs((box[1] + box[3]) / 2 - (y0 + y1) / 2) < 0.05 * kh);
}
