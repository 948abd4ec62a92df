// commands.h: the one list of the command line's commands (name, one-line summary, the function
// that runs it). Dispatch, `is_cli_command`, the "Commands:" part of --help, the manual page
// (cli/manual: each command's own --help) and the message for an unknown command all read it,
// so a new command is added here and in its own cmd_*.cpp only.
#pragma once
#include <span>
#include <string>
#include <vector>

namespace sespm {

struct Command {
    const char* name;
    const char* summary;  // one line for the main --help
    int (*run)(const std::vector<std::string>& args);
};

// Every command, in the order --help lists them.
std::span<const Command> commands();
// The command called `name`, or nullptr.
const Command* find_command(const std::string& name);
// "  layers    list the overlays ...\n" for each command, names aligned.
std::string commands_help();
// "layers, table, export, ..." for messages.
std::string command_names();

} // namespace sespm
