// map_edits.cpp: what planners edit in the window: pledges and the open scenario, each edit
// recorded for undo/redo, saved to the project file at once, and shown by reloading the map.
#include "ui/map_app.h"

#include "io/project_store.h"

namespace sespm {

void MapApp::save_project() {
    try {
        ProjectStore(project_path, true).save_pledges(pledges);
        status = "Saved pledges to " + project_path;
    } catch (const std::exception& e) {
        error = std::string(e.what()) + " (the pledge is kept in this window; undo to revert)";
    }
}

void MapApp::apply_pledges() {
    wanted.user_values["pledges"].clear();
    for (const auto& [code, n] : pledges) wanted.user_values["pledges"][code] = n;
    request_map(false);
}

void MapApp::set_pledge(const std::string& code, std::optional<int> places) {
    auto it = pledges.find(code);
    std::optional<int> before = it == pledges.end() ? std::nullopt : std::optional<int>(it->second);
    if (before == places) return;
    history.record({pledges, scenario});
    if (places) pledges[code] = *places;
    else pledges.erase(code);
    save_project();
    apply_pledges();
}

void MapApp::restore(EditState st) {
    bool pledges_changed = st.pledges != pledges;
    pledges = std::move(st.pledges);
    scenario = std::move(st.scenario);
    if (pledges_changed) save_project();
    if (scenario) {
        try {
            ProjectStore(project_path, true).save_scenario(*scenario);
        } catch (const std::exception& e) {
            error = e.what();
        }
    }
    wanted.user_values["pledges"].clear();
    for (const auto& [code, n] : pledges) wanted.user_values["pledges"][code] = n;
    refresh_scenario_view();
}

void MapApp::undo() {
    EditState cur{pledges, scenario};
    if (history.undo(cur)) restore(std::move(cur));
}

void MapApp::redo() {
    EditState cur{pledges, scenario};
    if (history.redo(cur)) restore(std::move(cur));
}

void MapApp::refresh_scenario_view() {
    if (scenario && scenario_on_map) {
        wanted.layer_id = "dispersal";
        wanted.open_file.clear();
        wanted.geography = Geography::District;
        wanted.scenario = scenario;
        wanted.compare_with = compare_scenario;
    } else {
        wanted.scenario.reset();
        wanted.compare_with.reset();
    }
    request_map(false);
}

void MapApp::edit_scenario(const std::function<void(Scenario&)>& edit) {
    if (!scenario) return;
    history.record({pledges, scenario});
    edit(*scenario);
    try {
        ProjectStore(project_path, true).save_scenario(*scenario);
        status = "Saved scenario '" + scenario->name + "' to " + project_path;
    } catch (const std::exception& e) {
        error = std::string(e.what()) + " (the change is kept in this window; undo to revert)";
    }
    refresh_scenario_view();
}

void MapApp::open_scenario(const std::string& name) {
    if (name.empty()) {
        scenario.reset();
        compare_scenario.reset();
    } else {
        try {
            scenario = ProjectStore(project_path, true).load_scenario(name);
        } catch (const std::exception& e) {
            error = e.what();
        }
    }
    refresh_scenario_view();
}

} // namespace sespm
