// main.cpp: sespm-map's entry point. Every command is handled by the headless command line
// (src/cli); the desktop map will take over when no command is given.
#include <string>
#include <vector>

#include "cli/cli.h"

int main(int argc, char** argv) {
    // 1. Collect the arguments.
    std::vector<std::string> args(argv + 1, argv + argc);
    // 2. Run the command; its exit code is the program's.
    return sespm::run_cli(args);
}
