// window_driver.h: runs the desktop window under xvfb-run and drives it with real input events
// from xdotool, for the window tests (test_window_desktop.cpp). The window says where its
// widgets are ($SESPM_UI_LAYOUT, "NAME x0 y0 x1 y1" lines), so a script clicks them by name:
//   click NAME          the middle of the widget
//   wait_for REGEX      until a layout line matches (up to 12 s), then a moment for it to settle
//   drag FROM TO        press on one widget, move slowly, release on the other
// HOME and XDG_CONFIG_HOME are the scratch folder, so settings and recent lists start empty.
#pragma once
#include <string>

#include "helpers.h"

namespace test {

// have_window_tools() and rect_of() are in helpers.h.

inline RunResult drive_window_script(const ScratchDir& d, const std::string& args, const std::string& steps) {
    std::string script = "set -e\ncd " + d.path + "\n" + std::string(SESPM_EXE) + " --width 1600 --height 1000 " + args +
                         " > window.log 2>&1 &\npid=$!\n"
                         "xdotool search --sync --name 'SESPM Map' > /dev/null\n"
                         "for i in $(seq 100); do grep -q '^legend ' layout.txt 2>/dev/null && break; sleep 0.3; done\nsleep 2\n"
                         "rect() { grep \"^$1 [0-9-]\" layout.txt | tail -1 | awk '{print $(NF-3),$(NF-2),$(NF-1),$NF}'; }\n"
                         // move, then again by a pixel, so a frame has seen the pointer over the widget before the click
                         "click() { read x0 y0 x1 y1 < <(rect \"$1\"); x=$(( (x0 + x1) / 2 )); y=$(( (y0 + y1) / 2 ));"
                         " xdotool mousemove $x $y; sleep 0.4; xdotool mousemove $((x + 1)) $y; sleep 0.4; xdotool click 1; sleep 0.8; }\n"
                         // a window that has just appeared settles (auto-size, pivot) over a frame or two after it is first listed
                         "wait_for() { for i in $(seq 40); do grep -qE \"$1\" layout.txt && { sleep 0.8; return 0; }; sleep 0.3; done; echo \"never saw $1\" >&2; }\n"
                         "drag() { read a0 b0 a1 b1 < <(rect \"$1\"); read c0 d0 c1 d1 < <(rect \"$2\");\n"
                         "  x=$(( (a0 + a1) / 2 )); y=$(( (b0 + b1) / 2 )); tx=$(( (c0 + c1) / 2 )); ty=$(( (d0 + d1) / 2 ));\n"
                         "  xdotool mousemove $x $y; sleep 0.3; xdotool mousedown 1; sleep 0.3;\n"
                         "  for i in $(seq 1 10); do xdotool mousemove $(( x + (tx - x) * i / 10 )) $(( y + (ty - y) * i / 10 )); sleep 0.1; done;\n"
                         "  sleep 0.4; xdotool mouseup 1; sleep 1; }\n" +
                         steps + "\nkill $pid 2>/dev/null || true\nwait $pid || true\n";
    d.write("drive.sh", script);
    return run_shell("HOME=" + d.path + " XDG_CONFIG_HOME=" + d.path + "/.config SESPM_UI_LAYOUT=" + d.file("layout.txt") +
                     " timeout 170 xvfb-run -a -s '-screen 0 1600x1000x24' bash " + d.file("drive.sh"));
}

} // namespace test
