// map_edits.cpp: what planners edit in the window: pledges and scenarios (new, duplicate,
// rename, delete, places, ratios, clusters, critical mass), each through the map model's
// commands (map/scenario_commands.h, the same functions the command line runs), written to the
// project at once, recorded for undo/redo as project snapshots, and shown by reloading the map.
#include "ui/map_app.h"

#include "core/error.h"

#include <algorithm>

#include "map/scenario_commands.h"

namespace sespm {

void MapApp::reload_project() {
    ++project_reloads;
    pledges.clear();
    triggers.clear();
    scenario_names.clear();
    try {
        if (ProjectStore* store = session_ ? session_->project_for_reading() : nullptr) {
            pledges = store->pledges();
            triggers = store->triggers();
            scenario_names = store->scenario_names();
            if (scenario) scenario = store->load_scenario(scenario->name);
            if (compare_scenario) compare_scenario = store->load_scenario(compare_scenario->name);
        }
    } catch (const std::exception& e) {
        screen.error = message_for_people(e);
    }
    screen.wanted.user_values = pledge_values(pledges);
    refresh_scenario_view();
}

void MapApp::project_edit(const std::string& what, const std::function<void(Session&)>& edit) {
    if (!session_) return;
    if (job_.valid()) {
        screen.status = "Still loading: " + what + " again in a moment";
        return;
    }
    try {
        ProjectSnapshot before = take_snapshot(session_->project_for_reading());
        edit(*session_);
        history.record(before);
        screen.status = "Saved: " + what + " (" + project_path + ")";
        project_write_failed = false;
        note_recent_project();  // the first edit creates the file
    } catch (const ProjectError& e) {
        if (e.kind == ProjectError::Kind::Conflict && retryable_edit) {  // ask: keep theirs or overwrite
            conflict_message = e.what();
            conflict_retry = retryable_edit;
            project_write_failed = true;  // not saved until the planner keeps theirs or overwrites
        } else {
            screen.error = message_for_people(e) + " (nothing was changed)";
            project_write_failed = true;
        }
    } catch (const std::exception& e) {
        screen.error = message_for_people(e) + " (nothing was changed)";
        project_write_failed = true;  // marked in the title bar until an edit is saved again
    }
    retryable_edit = nullptr;
    reload_project();
}

void MapApp::set_pledge(const std::string& code, std::optional<int> places) {
    auto it = pledges.find(code);
    std::optional<int> before = it == pledges.end() ? std::nullopt : std::optional<int>(it->second);
    if (before == places) return;
    retryable_edit = [code, places](Session& s) { sespm::set_pledge(s, code, places); };
    project_edit("pledge", retryable_edit);
}

void MapApp::set_trigger(const std::string& code, std::optional<double> pct) {
    auto it = triggers.find(code);
    std::optional<double> before = it == triggers.end() ? std::nullopt : std::optional<double>(it->second);
    if (before == pct) return;
    project_edit("trigger point", [&](Session& s) { sespm::set_trigger(s, code, pct); });
}

void MapApp::edit_scenario(const ScenarioEdit& e) {
    if (!scenario) return;
    std::string name = scenario->name;
    retryable_edit = [name, e](Session& s) { sespm::edit_scenario(s, name, e); };
    project_edit("scenario '" + name + "'", retryable_edit);
}

void MapApp::save_allocation_to_scenario(const Allocation& al, const AllocationNote& how) {
    if (!scenario) return;
    std::string name = scenario->name;
    project_edit("allocation into scenario '" + name + "'", [&](Session& s) { save_allocation(s, name, al, how, true); });
}

void MapApp::new_scenario(const std::string& name) {
    Scenario sc;
    sc.name = name;
    project_edit("new scenario '" + name + "'", [&](Session& s) { create_scenario(s, sc); });
    open_scenario(name);
}

void MapApp::duplicate_scenario(const std::string& as) {
    if (!scenario) return;
    std::string from = scenario->name;
    project_edit("scenario '" + as + "'", [&](Session& s) { sespm::duplicate_scenario(s, from, as); });
    open_scenario(as);
}

void MapApp::rename_scenario(const std::string& to) {
    if (!scenario) return;
    std::string from = scenario->name;
    project_edit("renamed to '" + to + "'", [&](Session& s) { sespm::rename_scenario(s, from, to); });
    open_scenario(to);
}

void MapApp::delete_scenario() {
    if (!scenario) return;
    std::string name = scenario->name;
    project_edit("deleted '" + name + "'", [&](Session& s) { sespm::delete_scenario(s, name); });
    open_scenario("");
}

void MapApp::restore(const ProjectSnapshot& target) {
    try {
        ProjectSnapshot now = take_snapshot(session_->project_for_reading());
        restore_changes(session_->project_for_writing(), now, target);
    } catch (const std::exception& e) {
        screen.error = message_for_people(e) + " (the project was not changed)";
    }
    if (scenario && !target.scenarios.count(scenario->name)) scenario.reset();
    reload_project();
}

void MapApp::undo() {
    if (!session_) return;
    if (job_.valid()) {
        screen.status = "Still loading: undo again in a moment";
        return;
    }
    ProjectSnapshot cur = take_snapshot(session_->project_for_reading());
    if (history.undo(cur)) restore(cur);
}

void MapApp::redo() {
    if (!session_) return;
    if (job_.valid()) {
        screen.status = "Still loading: redo again in a moment";
        return;
    }
    ProjectSnapshot cur = take_snapshot(session_->project_for_reading());
    if (history.redo(cur)) restore(cur);
}

void MapApp::refresh_scenario_view() {
    if (scenario && scenario_on_map) {
        screen.wanted.layer_id = "dispersal";
        screen.wanted.open_file.clear();
        screen.wanted.geography = Geography::District;
        screen.wanted.scenario = scenario;
        screen.wanted.compare_with = compare_scenario;
    } else {
        screen.wanted.scenario.reset();
        screen.wanted.compare_with.reset();
    }
    request_map(false);
}

void MapApp::open_scenario(const std::string& name) {
    scenario.reset();
    compare_scenario.reset();
    panels.scenario = {};
    if (!name.empty() && session_) {
        try {
            if (ProjectStore* store = session_->project_for_reading()) scenario = store->load_scenario(name);
        } catch (const std::exception& e) {
            screen.error = message_for_people(e);
        }
    }
    if (scenario)  // reopened with the total and rule it was allocated with, not the defaults
        if (auto how = allocation_note(scenario->notes)) {
            panels.scenario.total = static_cast<int>(std::min<long long>(how->total, 1000000000));
            panels.scenario.rule = static_cast<int>(how->rule);
        }
    refresh_scenario_view();
}

void MapApp::compare_with(const std::string& name) {
    compare_scenario.reset();
    if (!name.empty() && session_) {
        try {
            if (ProjectStore* store = session_->project_for_reading()) compare_scenario = store->load_scenario(name);
        } catch (const std::exception& e) {
            screen.error = message_for_people(e);
        }
        scenario_on_map = true;
    }
    refresh_scenario_view();
}

} // namespace sespm
