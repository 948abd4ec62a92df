// scenario_explain.h: why each council got its number in a scenario made by the fair-share rule:
// the model kept in its notes run again on today's figures, each district's population share,
// each factor's push, the cap's effect and the floor and rounding, which add up to its places
// (rules/fair_share.h: explain_fair_share), beside the places the scenario holds.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "map/scenario_commands.h"
#include "rules/cell.h"

namespace sespm {

struct ScenarioExplanation {
    AllocationNote how;                      // from the scenario's notes
    FairShareModel model;                    // the model its notes keep
    Allocation allocation;                   // the model run again
    ShareExplanation shares;                 // one row per allocation input
    std::map<std::string, long long> saved;  // the places the scenario holds, by district
};

// The fair-share model a saved scenario was allocated by (its notes' "Fair-share model:" line),
// with its allocation line, to explain it or to reuse it for another (--model NAME). SettingError
// naming the scenario when it does not exist or was not made by the fair-share rule.
struct SavedModel {
    AllocationNote how;
    FairShareModel model;
};
SavedModel scenario_model(Session& s, const std::string& name, const std::string& setting = "name");
std::optional<SavedModel> model_of(const Scenario& sc);   // none: not made by the fair-share rule

// SettingError naming the scenario when it does not exist or was not made by the fair-share rule.
ScenarioExplanation explain_scenario(Session& s, const std::string& name);
ScenarioExplanation explain_scenario(Session& s, const Scenario& sc);   // a scenario already loaded

// Each district's number taken apart, as `scenario explain` prints it and the board report shows
// it: code, name, pressure_index, population_share, push_<layer> per factor, cap,
// floor_and_rounding, then allocated, or target, held and to_add for a total to hold in all.
struct ExplanationTable {
    std::vector<std::string> columns;
    std::vector<std::vector<Cell>> rows;      // one per allocation input
};
ExplanationTable explanation_table(Atlas& atlas, const ScenarioExplanation& e);

// How much each district's number moves when each factor's weight is `vary_pct` per cent up and
// down, one at a time, all else as the scenario's model: the lowest and highest places (or
// targets) over those runs and the model's own.
struct Sensitivity {
    ScenarioExplanation base;
    std::vector<long long> lowest, highest;   // one per allocation input
    int runs = 0;                             // the model's own and two per factor
};
Sensitivity scenario_sensitivity(Session& s, const std::string& name, double vary_pct);

} // namespace sespm
