// scenario_edit.h: one planner's edit to a dispersal scenario, as a value: extra places for a
// district (or all of them, from an allocation), a ratio override, a cluster added, replaced or
// removed, the critical mass, the notes. The command line and the window both describe their
// edits this way; `apply_edit` changes a scenario in memory, and the map model writes the same
// edit to the project store row by row (map/scenario_commands.h).
#pragma once
#include <string>
#include <vector>

#include "rules/scenario.h"

namespace sespm {

struct ScenarioEdit {
    enum class Kind { Places, Ratio, SetCluster, RemoveCluster, CriticalMass };
    Kind kind = Kind::Places;
    std::string code;                              // Places, Ratio
    long long places = 0;                          // Places (0 removes), CriticalMass
    double ratio = 0;                              // Ratio (0 removes)
    Cluster cluster;                               // SetCluster; RemoveCluster uses cluster.name

    static ScenarioEdit set_places(std::string code, long long n);
    static ScenarioEdit set_ratio(std::string code, double ratio);
    static ScenarioEdit set_cluster(Cluster c);
    static ScenarioEdit remove_cluster(std::string name);
    static ScenarioEdit set_critical_mass(long long n);
};

// The district codes an edit names (to be checked against the boundaries before it is kept).
std::vector<std::string> edit_districts(const ScenarioEdit& e);

} // namespace sespm
