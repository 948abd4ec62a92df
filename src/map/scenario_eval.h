// scenario_eval.h: a scenario evaluated against the published dispersal figures of the districts
// in a region (the dispersal layer's counts and populations), with each cluster's contiguity
// checked by GEOS: a cluster whose districts do not all connect through shared boundaries is
// flagged.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rules/layer_spec.h"
#include "rules/scenario.h"
#include "map/atlas.h"
#include "map/evaluate.h"

namespace sespm {

// The districts' current figures a scenario starts from, at `period` ("" = the latest).
std::vector<DistrictBase> dispersal_baseline(Atlas& atlas, const LayerSpec& dispersal,
                                             const std::optional<std::string>& within, const std::string& period = "");

// True when the districts form one piece through shared boundary lines (rook adjacency).
bool districts_contiguous(Atlas& atlas, const std::vector<std::string>& codes);

// One district after a scenario as table cells: code, name, population, current, extra,
// new_total, per_10k, cluster_limit, share_of_limit_pct, status (the scenario output columns).
std::vector<Cell> outcome_cells(const DistrictOutcome& d);
inline const std::vector<std::string> kOutcomeColumns{"code", "name", "population", "current", "extra", "new_total",
                                                      "per_10k", "cluster_limit", "share_of_limit_pct", "status"};

ScenarioOutcome evaluate_scenario_in(Atlas& atlas, const LayerSpec& dispersal, const Scenario& s,
                                     const std::optional<std::string>& within, const std::string& period = "");

} // namespace sespm
