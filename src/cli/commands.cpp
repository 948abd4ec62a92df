// commands.cpp: see commands.h. The cmd_* functions are defined in their own cmd_*.cpp files and
// declared only here, where they are listed.
#include "cli/commands.h"

#include <algorithm>
#include <cstring>

namespace sespm {

int cmd_layers(const std::vector<std::string>& args);
int cmd_table(const std::vector<std::string>& args);
int cmd_export(const std::vector<std::string>& args);
int cmd_query(const std::vector<std::string>& args);
int cmd_render(const std::vector<std::string>& args);
int cmd_pledges(const std::vector<std::string>& args);
int cmd_scenario(const std::vector<std::string>& args);
int cmd_periods(const std::vector<std::string>& args);
int cmd_trend(const std::vector<std::string>& args);
int cmd_changes(const std::vector<std::string>& args);
int cmd_chart(const std::vector<std::string>& args);
int cmd_triggers(const std::vector<std::string>& args);
int cmd_project(const std::vector<std::string>& args);
int cmd_report(const std::vector<std::string>& args);
int cmd_programmes(const std::vector<std::string>& args);

namespace {

const Command kCommands[] = {
    {"layers", "list the overlays and how their figures joined the boundaries", cmd_layers},
    {"table", "one row per area of a layer's measures (CSV or JSON)", cmd_table},
    {"export", "a classified layer as GeoJSON, CSV or GeoPackage", cmd_export},
    {"query", "spatial questions: neighbours, within, count-points, nearest, dissolve", cmd_query},
    {"render", "the map as a PNG (EGL, no window), or as vector paths in a PDF or SVG", cmd_render},
    {"pledges", "resettlement pledges entered by planners, kept in a project file", cmd_pledges},
    {"scenario", "allocate dispersal places over districts within their cluster limits", cmd_scenario},
    {"periods", "the periods of a time-series layer, one ISO date a line, oldest first", cmd_periods},
    {"trend", "one row per area and period of a time-series layer (CSV or JSON)", cmd_trend},
    {"changes", "what changed at a period: largest rises and falls, areas newly over the limit or trigger", cmd_changes},
    {"chart", "a time-series layer over every period as a line chart (PNG, PDF or SVG)", cmd_chart},
    {"triggers", "agreed trigger points (a share of the limit) per area, kept in a project file", cmd_triggers},
    {"project", "the project store: init, history, restore, grant/revoke/users (a server), copy", cmd_project},
    {"report", "the board report, an A4 PDF pack", cmd_report},
    {"programmes", "the resettlement programmes side by side per area", cmd_programmes},
};

} // namespace

std::span<const Command> commands() { return kCommands; }

const Command* find_command(const std::string& name) {
    for (const Command& c : kCommands)
        if (name == c.name) return &c;
    return nullptr;
}

std::string commands_help() {
    size_t width = 0;
    for (const Command& c : kCommands) width = std::max(width, std::strlen(c.name));
    std::string out;
    for (const Command& c : kCommands)
        out += "  " + std::string(c.name) + std::string(width + 2 - std::strlen(c.name), ' ') + c.summary + "\n";
    return out;
}

std::string command_names() {
    std::string out;
    for (const Command& c : kCommands) out += (out.empty() ? "" : ", ") + std::string(c.name);
    return out;
}

} // namespace sespm
