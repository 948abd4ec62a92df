// cli.h: the command-line front end of sespm-map. Each subcommand lives in its own cmd_*.cpp and
// is listed once, in commands.cpp; run_cli dispatches and turns errors into exit codes: 0
// success, 1 data error, 2 usage error.
#pragma once
#include <string>
#include <vector>

namespace sespm {

int run_cli(const std::vector<std::string>& args);
// True for the subcommands and for --help-commands.
bool is_cli_command(const std::string& arg);

} // namespace sespm
