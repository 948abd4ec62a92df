// test_window_conflict.cpp: no lost update in the window (a project file, under Xvfb with real
// input from xdotool): a pledge typed over a value another planner changed since the window read
// it is refused with who changed it and to what, with Keep theirs / Overwrite; Overwrite saves
// the typed value over theirs, Keep theirs leaves theirs.
#include <doctest.h>

#include "helpers.h"

namespace {

std::string pledge(const std::string& p, const std::string& code) {
    auto r = test::run_sespm({"pledges", "list", "--project", p, "--data", test::data_dir()});
    for (const auto& l : test::lines(r.out))
        if (l.rfind(code + ",", 0) == 0) return test::split_csv_simple(l).back();
    return "";
}

} // namespace

TEST_CASE("window: an edit over another planner's change asks Keep theirs / Overwrite") {
    REQUIRE_MESSAGE(test::run_shell("command -v xvfb-run && command -v xdotool").exit_code == 0, "xvfb-run and xdotool are needed (scripts/setup)");
    test::ScratchDir d;
    std::string p = d.file("p.sespm");
    auto set = [&](const std::string& n) {
        return "'" + std::string(SESPM_EXE) + "' pledges set --project '" + p + "' --code E06000036 --places " + n + " --data '" + test::data_dir() + "'";
    };
    REQUIRE(test::run_shell(set("10")).exit_code == 0);
    std::string script = "set -e\ncd " + d.path + "\n'" + SESPM_EXE + "' --width 1600 --height 1000 --project '" + p +
                         "' --layer resettlement --table --data '" + test::data_dir() + "' > window.log 2>&1 &\npid=$!\n"
                         "for i in $(seq 100); do grep -q '^legend ' layout.txt 2>/dev/null && break; sleep 0.3; done\nsleep 3\n"
                         "click() { for i in $(seq 50); do grep -q \"^$1 [0-9-]\" layout.txt && break; sleep 0.1; done\n"
                         "  read x0 y0 x1 y1 < <(grep \"^$1 [0-9-]\" layout.txt | awk '{print $(NF-3),$(NF-2),$(NF-1),$NF}');\n"
                         "  xdotool mousemove $(( (x0 + x1) / 2 )) $(( (y0 + y1) / 2 )) click 1; }\n" +
                         set("20") + " 2>/dev/null\n"
                         "click 'pledge E06000036'; sleep 1.5; xdotool type --delay 80 47; sleep 0.3; xdotool key Return; sleep 2\n"
                         "cp layout.txt first_dialog.txt\n"
                         "click 'overwrite'; sleep 2\n" +
                         set("30") + " 2>/dev/null\n"
                         "click 'pledge E06000036'; sleep 1.5; xdotool type --delay 80 50; sleep 0.3; xdotool key Return; sleep 2\n"
                         "cp layout.txt second_dialog.txt\n"
                         "click 'keep theirs'; sleep 2\n"
                         "kill $pid\nwait $pid || true\n";
    d.write("drive.sh", script);
    auto r = test::run_shell("HOME=" + d.path + " XDG_CONFIG_HOME=" + d.path + "/.config SESPM_UI_LAYOUT=" + d.file("layout.txt") +
                             " timeout 150 xvfb-run -a -s '-screen 0 1600x1000x24' bash " + d.file("drive.sh"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err << test::read_file(d.file("window.log")));
    CHECK(test::read_file(d.file("first_dialog.txt")).find("\noverwrite ") != std::string::npos);
    CHECK(test::read_file(d.file("second_dialog.txt")).find("\nkeep theirs ") != std::string::npos);
    CHECK(pledge(p, "E06000036") == "30");   // kept theirs the second time ...
    auto s = test::run_sespm({"project", "history", "--project", p, "--code", "E06000036"});
    auto h = test::lines(s.out);
    REQUIRE(h.size() == 5);                   // 10, 20, 47 (overwritten), 30
    CHECK(h[3].find("\"\"places\"\":47}\"") != std::string::npos);
    CHECK(h[4].find("\"\"places\"\":30}\"") != std::string::npos);
}
