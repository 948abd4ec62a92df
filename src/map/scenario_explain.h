// scenario_explain.h: why each council got its number in a scenario made by the fair-share rule:
// the model kept in its notes run again on today's figures, each district's population share,
// each factor's push, the cap's effect and the floor and rounding, which add up to its places
// (rules/fair_share.h: explain_fair_share), beside the places the scenario holds.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "map/scenario_commands.h"

namespace sespm {

struct ScenarioExplanation {
    AllocationNote how;                      // from the scenario's notes
    Allocation allocation;                   // the model run again
    ShareExplanation shares;                 // one row per allocation input
    std::map<std::string, long long> saved;  // the places the scenario holds, by district
};

// SettingError naming the scenario when it does not exist or was not made by the fair-share rule.
ScenarioExplanation explain_scenario(Session& s, const std::string& name);

} // namespace sespm
