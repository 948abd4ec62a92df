// open_project.cpp: see open_project.h.
#include "ui/open_project.h"

#include "ui/panels/scenario_factors.h"

#include "ui/map_app.h"

#include "core/error.h"

#include <algorithm>

#include "map/scenario_commands.h"

namespace sespm {

void OpenProject::reload() {
    ++reloads;
    pledges.clear();
    triggers.clear();
    scenario_names.clear();
    try {
        if (ProjectStore* store = app_.session_ ? app_.session_->project_for_reading() : nullptr) {
            pledges = store->pledges();
            triggers = store->triggers();
            scenario_names = store->scenario_names();
            if (scenario) scenario = store->load_scenario(scenario->name);
            if (compare_scenario) compare_scenario = store->load_scenario(compare_scenario->name);
        }
    } catch (const std::exception& e) {
        app_.screen.error = message_for_people(e);
    }
    app_.screen.wanted.user_values = pledge_values(pledges);
    refresh_scenario_view();
}

void OpenProject::edit(const std::string& what, const std::function<void(Session&)>& change) {
    if (!app_.session_) return;
    if (app_.job_.valid()) {
        app_.screen.status = "Still loading: " + what + " again in a moment";
        return;
    }
    try {
        ProjectSnapshot before = take_snapshot(app_.session_->project_for_reading());
        change(*app_.session_);
        history.record(before);
        app_.screen.status = "Saved: " + what + " (" + path + ")";
        write_failed = false;
        app_.files.note_recent_project();  // the first edit creates the file
    } catch (const ProjectError& e) {
        if (e.kind == ProjectError::Kind::Conflict && retryable_edit) {  // ask: keep theirs or overwrite
            app_.live.conflict_message = e.what();
            app_.live.conflict_retry = retryable_edit;
            write_failed = true;  // not saved until the planner keeps theirs or overwrites
        } else {
            app_.screen.error = message_for_people(e) + " (nothing was changed)";
            write_failed = true;
        }
    } catch (const std::exception& e) {
        app_.screen.error = message_for_people(e) + " (nothing was changed)";
        write_failed = true;  // marked in the title bar until an edit is saved again
    }
    retryable_edit = nullptr;
    reload();
}

void OpenProject::set_pledge(const std::string& code, std::optional<int> places) {
    auto it = pledges.find(code);
    std::optional<int> before = it == pledges.end() ? std::nullopt : std::optional<int>(it->second);
    if (before == places) return;
    retryable_edit = [code, places](Session& s) { sespm::set_pledge(s, code, places); };
    edit("pledge", retryable_edit);
}

void OpenProject::set_trigger(const std::string& code, std::optional<double> pct) {
    auto it = triggers.find(code);
    std::optional<double> before = it == triggers.end() ? std::nullopt : std::optional<double>(it->second);
    if (before == pct) return;
    edit("trigger point", [&](Session& s) { sespm::set_trigger(s, code, pct); });
}

void OpenProject::edit_scenario(const ScenarioEdit& e) {
    if (!scenario) return;
    std::string name = scenario->name;
    retryable_edit = [name, e](Session& s) { sespm::edit_scenario(s, name, e); };
    edit("scenario '" + name + "'", retryable_edit);
}

void OpenProject::save_allocation_to_scenario(const Allocation& al, const AllocationNote& how) {
    if (!scenario) return;
    std::string name = scenario->name;
    edit("allocation into scenario '" + name + "'", [&](Session& s) { save_allocation(s, name, al, how, true); });
}

void OpenProject::new_scenario(const std::string& name) {
    Scenario sc;
    sc.name = name;
    edit("new scenario '" + name + "'", [&](Session& s) { create_scenario(s, sc); });
    open_scenario(name);
}

void OpenProject::duplicate_scenario(const std::string& as) {
    if (!scenario) return;
    std::string from = scenario->name;
    edit("scenario '" + as + "'", [&](Session& s) { sespm::duplicate_scenario(s, from, as); });
    open_scenario(as);
}

void OpenProject::rename_scenario(const std::string& to) {
    if (!scenario) return;
    std::string from = scenario->name;
    edit("renamed to '" + to + "'", [&](Session& s) { sespm::rename_scenario(s, from, to); });
    open_scenario(to);
}

void OpenProject::delete_scenario() {
    if (!scenario) return;
    std::string name = scenario->name;
    edit("deleted '" + name + "'", [&](Session& s) { sespm::delete_scenario(s, name); });
    open_scenario("");
}

void OpenProject::restore(const ProjectSnapshot& target) {
    try {
        ProjectSnapshot now = take_snapshot(app_.session_->project_for_reading());
        restore_changes(app_.session_->project_for_writing(), now, target);
    } catch (const std::exception& e) {
        app_.screen.error = message_for_people(e) + " (the project was not changed)";
    }
    if (scenario && !target.scenarios.count(scenario->name)) scenario.reset();
    reload();
}

void OpenProject::undo() {
    if (!app_.session_) return;
    if (app_.job_.valid()) {
        app_.screen.status = "Still loading: undo again in a moment";
        return;
    }
    ProjectSnapshot cur = take_snapshot(app_.session_->project_for_reading());
    if (history.undo(cur)) restore(cur);
}

void OpenProject::redo() {
    if (!app_.session_) return;
    if (app_.job_.valid()) {
        app_.screen.status = "Still loading: redo again in a moment";
        return;
    }
    ProjectSnapshot cur = take_snapshot(app_.session_->project_for_reading());
    if (history.redo(cur)) restore(cur);
}

void OpenProject::refresh_scenario_view() {
    if (scenario && scenario_on_map) {  // the scenario takes the map from a model's pressure index
        app_.screen.wanted.pressure.clear();
        app_.panels.scenario.pressure_on_map = false;
        app_.screen.wanted.layer_id = "dispersal";
        app_.screen.wanted.open_file.clear();
        app_.screen.wanted.geography = Geography::District;
        app_.screen.wanted.scenario = scenario;
        app_.screen.wanted.compare_with = compare_scenario;
    } else {
        app_.screen.wanted.scenario.reset();
        app_.screen.wanted.compare_with.reset();
    }
    app_.request_map(false);
}

void OpenProject::open_scenario(const std::string& name) {
    scenario.reset();
    compare_scenario.reset();
    app_.panels.scenario = {};
    if (!name.empty() && app_.session_) {
        try {
            if (ProjectStore* store = app_.session_->project_for_reading()) scenario = store->load_scenario(name);
        } catch (const std::exception& e) {
            app_.screen.error = message_for_people(e);
        }
    }
    if (scenario)  // reopened with the total and rule (and fair-share model) it was allocated with, not the defaults
        if (auto how = allocation_note(scenario->notes)) {
            app_.panels.scenario.total = static_cast<int>(std::min<long long>(how->total, 1000000000));
            app_.panels.scenario.rule = static_cast<int>(how->rule);
            if (auto model = parse_model_text(how->model); model && how->rule == AllocationRule::Factors)
                load_model(app_.panels.scenario, *model);
        }
    refresh_scenario_view();
}

void OpenProject::compare_with(const std::string& name) {
    compare_scenario.reset();
    if (!name.empty() && app_.session_) {
        try {
            if (ProjectStore* store = app_.session_->project_for_reading()) compare_scenario = store->load_scenario(name);
        } catch (const std::exception& e) {
            app_.screen.error = message_for_people(e);
        }
        scenario_on_map = true;
    }
    refresh_scenario_view();
}

} // namespace sespm
