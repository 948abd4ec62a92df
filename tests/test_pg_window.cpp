// test_pg_window.cpp: two windows on one shared server, under Xvfb with real input (xdotool):
// a pledge typed into the table of one window appears in the other within 2 s (its listener
// hears the NOTIFY and it reloads: the layout file says what it heard and the pledge it now
// holds), and is on the server.
#include <doctest.h>

#include "pg_helpers.h"

using namespace test;

TEST_CASE("PostgreSQL window: an edit in one window appears in the other within 2 s") {
    REQUIRE_MESSAGE(run_shell("command -v xvfb-run && command -v xdotool").exit_code == 0, "xvfb-run and xdotool are needed (scripts/setup)");
    pg::init_project({"E06000036"});
    ScratchDir d;
    std::string loc = pg::location("alice");
    auto window = [&](const std::string& name) {
        return "HOME=" + d.path + " XDG_CONFIG_HOME=" + d.path + "/.config SESPM_UI_LAYOUT=" + d.file(name + ".txt") + " '" + SESPM_EXE +
               "' --width 1600 --height 1000 --project '" + loc + "' --layer resettlement --table --data '" + data_dir() + "' > " + d.file(name + ".log") + " 2>&1 &\n";
    };
    std::string wait_legend = "for i in $(seq 100); do grep -q '^legend ' $1 2>/dev/null && break; sleep 0.3; done\n";
    std::string script = "set -e\ncd " + d.path + "\nready() { " + wait_legend + "}\n" + window("a") + "a=$!\nready " + d.file("a.txt") + "\n" +
                         window("b") + "b=$!\nready " + d.file("b.txt") + "\nsleep 3\n"
                         "read x0 y0 x1 y1 < <(grep '^pledge E06000036 [0-9-]' b.txt | awk '{print $(NF-3),$(NF-2),$(NF-1),$NF}')\n"
                         "xdotool mousemove $(( (x0 + x1) / 2 )) $(( (y0 + y1) / 2 )) click 1; sleep 1.5\n"
                         "xdotool type --delay 80 47; sleep 0.3; xdotool key Return\n"
                         "t0=$(date +%s.%N)\n"
                         "for i in $(seq 100); do grep -q '^live ' a.txt && break; sleep 0.05; done\n"
                         "awk \"BEGIN { print $(date +%s.%N) - $t0 }\" > heard_after\n"
                         "grep '^live ' a.txt > heard || true\n"
                         "kill $a $b; wait $a $b || true\n";
    d.write("drive.sh", script);
    auto r = run_shell("timeout 150 xvfb-run -a -s '-screen 0 1600x1000x24' bash " + d.file("drive.sh"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err << read_file(d.file("a.log")) << read_file(d.file("b.log")));
    auto list = run_sespm({"pledges", "list", "--project", loc, "--data", data_dir()});
    CHECK(list.out.find("E06000036,Bracknell Forest,47\n") != std::string::npos);   // window b saved it
    std::string heard = read_file(d.file("heard"));
    CAPTURE(read_file(d.file("a.log")));
    CHECK(heard.rfind("live pledge of E06000036 changed by alice: 47 ", 0) == 0);     // window a heard it and holds 47
    double after = std::stod("0" + read_file(d.file("heard_after")));
    MESSAGE("window a showed the edit " << after << " s after Enter in window b");
    CHECK(after < 2.0);
}
