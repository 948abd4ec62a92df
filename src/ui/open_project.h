// open_project.h: the project open in the window, as the window holds it: its pledges, trigger
// points, scenario names and the scenarios open in the Scenario panel (as stored, reloaded after
// every edit), and every edit a planner makes, each through the map model's commands
// (map/scenario_commands.h, the same functions the command line runs), written to the project at
// once and recorded for undo/redo as project snapshots. A refused edit that someone else beat to
// the row is kept to run again on Overwrite (ui/project_live.h).
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/undo.h"
#include "map/project_snapshot.h"
#include "map/scenario_commands.h"
#include "map/session.h"
#include "rules/allocation.h"
#include "rules/scenario.h"
#include "rules/scenario_edit.h"

namespace sespm {

class MapApp;

class OpenProject {
public:
    explicit OpenProject(MapApp& app) : app_(app) {}

    std::string path;                           // a file or a server location
    std::map<std::string, int> pledges;         // as stored (refreshed after every edit)
    std::map<std::string, double> triggers;     // agreed trigger points, area code -> % of the limit, as stored
    int reloads = 0;                            // counts reloads: panels that show project rows rebuild after one
    std::vector<std::string> scenario_names;
    std::optional<Scenario> scenario;           // the scenario open in the Scenario panel, as stored
    bool scenario_on_map = false;               // show it instead of the published figures
    std::optional<Scenario> compare_scenario;   // with scenario_on_map: the difference map
    UndoHistory<ProjectSnapshot> history;
    bool write_failed = false;                  // the last edit was not written: the title is marked
    // The edit running now, kept when it can be run again over someone else's change (Overwrite).
    std::function<void(Session&)> retryable_edit;

    void set_pledge(const std::string& code, std::optional<int> places);
    void set_trigger(const std::string& code, std::optional<double> pct);
    void edit_scenario(const ScenarioEdit& e);     // the open scenario
    // An allocation's places into the open scenario, with how it was made in its notes (one undo step).
    void save_allocation_to_scenario(const Allocation& al, const AllocationNote& how);
    void new_scenario(const std::string& name);
    void duplicate_scenario(const std::string& as);
    void rename_scenario(const std::string& to);
    void delete_scenario();
    void open_scenario(const std::string& name);   // empty: close
    void compare_with(const std::string& name);    // empty: no comparison
    void refresh_scenario_view();                  // the map asked for shows the open scenario, or not
    void undo();
    void redo();
    // Runs one edit: snapshot for undo, the edit, then a reload of what is shown.
    void edit(const std::string& what, const std::function<void(Session&)>& change);
    void reload();                                 // pledges, names, the open scenarios from the store

private:
    void restore(const ProjectSnapshot& target);
    MapApp& app_;
};

} // namespace sespm
