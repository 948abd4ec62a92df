// main.cpp: sespm-map's entry point. With a command (layers, table, export, query, render) it is
// the headless command line (src/cli); with none, or only window options, it opens the map.
#include <string>
#include <vector>

#include "cli/cli.h"
#include "app/window_options.h"

int main(int argc, char** argv) {
    // 1. Collect the arguments.
    std::vector<std::string> args(argv + 1, argv + argc);
    // 2. A first argument that is a command goes to the command line...
    if (!args.empty() && sespm::is_cli_command(args[0])) return sespm::run_cli(args);
    // 3. ...anything else opens the desktop map.
    return sespm::run_desktop(args);
}
