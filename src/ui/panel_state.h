// panel_state.h: what each panel remembers between frames (typed text, choices, results), as
// members of the app rather than function statics, so it is reset when the map or the project
// changes (MapApp::reset_panels).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/scenario.h"
#include "map/area_names.h"

namespace sespm {

struct MapBundle;

struct ScenarioPanelState {
    char new_name[128] = "";
    char cluster_name[128] = "";
    int total = 1000;
    int rule = 2;
    float ratio = 200;
    std::optional<Scenario> outcome_for;
    std::optional<ScenarioOutcome> outcome;
};

struct QueryPanelState {
    int question = 0;
    float km = 10;
    char points_path[1024] = "";
    std::string title;
    std::vector<std::pair<int, std::string>> rows;  // area index, figure
    std::string figure_heading;
};

struct TablePanelState {
    std::vector<int> order;
    const MapBundle* sorted_for = nullptr;
};

struct FindPanelState {
    char text[128] = "";
    std::string searched;                  // the text the matches are for
    std::vector<PlaceMatch> matches;
};

struct ExportPanelState {
    char png[1024] = "";
    char vec[1024] = "";
};

} // namespace sespm
