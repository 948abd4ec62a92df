// window_options.h: the entry point for `sespm-map` with no command (or with window options):
// parses them into the window's plain AppOptions and runs the window; returns the exit code.
#pragma once
#include <string>
#include <vector>

namespace sespm {

int run_desktop(const std::vector<std::string>& args);

} // namespace sespm
