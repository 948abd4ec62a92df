// cli.h: the command-line front end of sespm-map. Each subcommand lives in its own cmd_*.cpp;
// run_cli dispatches and turns errors into exit codes: 0 success, 1 data error, 2 usage error.
#pragma once
#include <string>
#include <vector>

namespace sespm {

int run_cli(const std::vector<std::string>& args);
// True for the subcommands and for --help-commands.
bool is_cli_command(const std::string& arg);

int cmd_layers(const std::vector<std::string>& args);
int cmd_table(const std::vector<std::string>& args);
int cmd_export(const std::vector<std::string>& args);
int cmd_query(const std::vector<std::string>& args);
int cmd_render(const std::vector<std::string>& args);
int cmd_pledges(const std::vector<std::string>& args);
int cmd_scenario(const std::vector<std::string>& args);
int cmd_report(const std::vector<std::string>& args);
int cmd_programmes(const std::vector<std::string>& args);
int cmd_periods(const std::vector<std::string>& args);
int cmd_trend(const std::vector<std::string>& args);
int cmd_changes(const std::vector<std::string>& args);
int cmd_chart(const std::vector<std::string>& args);
int cmd_triggers(const std::vector<std::string>& args);
int cmd_project(const std::vector<std::string>& args);

} // namespace sespm
