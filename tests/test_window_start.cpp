// test_window_start.cpp: how the window opens a large file (England's 7,681 wards) under Xvfb.
// Seen for the first time, the map comes first at the fitted view's level of detail without
// names, then the full mesh (every level, label points) replaces it and is kept beside the
// boundary cache; the next opening reads that copy and needs no second step; closing the window
// before the full mesh is there cancels it and leaves no copy. The window's frame trace
// ($SESPM_FRAME_TRACE: one line a frame, with what happened in it) and layout file
// ($SESPM_UI_LAYOUT: where the names' poles are) say what was on the screen.
#include <doctest.h>

#include <filesystem>
#include <string>

#include "helpers.h"

namespace {

struct WardsRun {
    int exit_code = -1;
    std::string err, trace, layout;
};

// The window on the wards with its own cache folder; `mode` is --screenshot FILE or --first-frame.
WardsRun open_wards(const test::ScratchDir& d, const std::string& cache, const std::string& mode) {
    std::string trace = d.file("trace.txt"), layout = d.file("layout.txt");
    std::filesystem::remove(trace);
    std::filesystem::remove(layout);
    auto r = test::run_shell("HOME=" + d.path + " XDG_CONFIG_HOME=" + d.path + "/.config XDG_CACHE_HOME=" + cache +
                             " SESPM_FRAME_TRACE=" + trace + " SESPM_UI_LAYOUT=" + layout +
                             " timeout 150 xvfb-run -a -s '-screen 0 1600x1000x24' " + SESPM_EXE +
                             " --width 1600 --height 1000 --open " + test::data_dir() + "/boundaries/wards_england.geojson --data " +
                             test::data_dir() + " " + mode);
    WardsRun w;
    w.exit_code = r.exit_code;
    w.err = r.err;
    if (test::file_exists(trace)) w.trace = test::read_file(trace);
    if (test::file_exists(layout)) w.layout = test::read_file(layout);
    return w;
}

bool has_mesh_copy(const std::string& cache) {
    if (!std::filesystem::exists(cache)) return false;
    for (const auto& e : std::filesystem::recursive_directory_iterator(cache))
        if (e.path().extension() == ".mesh") return true;
    return false;
}

// The frame lines of the trace that name `note`.
int frames_noting(const std::string& trace, const std::string& note) {
    int n = 0;
    for (const auto& line : test::lines(trace))
        if (line.find("notes=") != std::string::npos && line.find(note) != std::string::npos) ++n;
    return n;
}

} // namespace

TEST_CASE("window: a large file seen first is drawn without names, then its full mesh follows and is kept") {
    REQUIRE_MESSAGE(test::have_window_tools(), "xvfb-run or xdotool is not installed: the window test cannot run (scripts/setup installs them)");
    test::ScratchDir d;
    std::string cache = d.file("cache");
    WardsRun first = open_wards(d, cache, "--screenshot " + d.file("first.png"));
    REQUIRE_MESSAGE(first.exit_code == 0, first.err);
    CHECK(frames_noting(first.trace, "map_adopted") == 1);        // the quick mesh: the first picture
    CHECK(frames_noting(first.trace, "full_mesh_adopted") == 1);  // then the full one
    CHECK(first.layout.find("\npole ") != std::string::npos);     // the screenshot waited for the names
    CHECK(has_mesh_copy(cache));

    WardsRun again = open_wards(d, cache, "--screenshot " + d.file("again.png"));
    REQUIRE_MESSAGE(again.exit_code == 0, again.err);
    CHECK(frames_noting(again.trace, "map_adopted") == 1);
    CHECK(frames_noting(again.trace, "full_mesh_adopted") == 0);  // the copy is the full mesh
    CHECK(again.layout.find("\npole ") != std::string::npos);
    // the same names in the same places both times
    auto poles = [](const std::string& layout) {
        std::string out;
        for (const auto& line : test::lines(layout))
            if (line.rfind("pole ", 0) == 0) out += line + "\n";
        return out;
    };
    CHECK(poles(first.layout) == poles(again.layout));
}

TEST_CASE("window: closing it before a large file's full mesh is there cancels that, and keeps no copy") {
    REQUIRE_MESSAGE(test::have_window_tools(), "xvfb-run or xdotool is not installed: the window test cannot run (scripts/setup installs them)");
    test::ScratchDir d;
    std::string cache = d.file("cache");
    WardsRun quick = open_wards(d, cache, "--first-frame");
    REQUIRE_MESSAGE(quick.exit_code == 0, quick.err);
    CHECK(frames_noting(quick.trace, "map_adopted") == 1);
    CHECK(frames_noting(quick.trace, "full_mesh_adopted") == 0);
    CHECK(quick.layout.find("\npole ") == std::string::npos);  // no names in the quick first picture
    CHECK_FALSE(has_mesh_copy(cache));                          // cancelled: nothing half made is kept
}
