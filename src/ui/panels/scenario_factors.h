// scenario_factors.h: the Scenario panel's Factors section, the fair-share rule in the window:
// which pressures count and how much (a slider each), places to add or a total to hold, the
// floor, a live preview of every district's number with why (population share, each factor's
// push, the cap), the population rule's numbers beside it in one click, the pressure index as
// the map, and the explanation in the map's tooltip. It runs the map model's preview_model, the
// same as `sespm-map scenario allocate --rule factors` and `scenario explain`.
#pragma once
#include <string>

#include "map/scenario_commands.h"

namespace sespm {

class MapApp;
struct ScenarioPanelState;

// Draws the section under the rule list (rule = factors); the preview is worked out again when
// the model changes, paced while a slider is dragged.
void factors_section(MapApp& app, float scale);

// The model the section describes, into an allocation request; false (and a status message)
// when no factor is chosen.
bool factor_request(MapApp& app, AllocateRequest& req);

// A reopened scenario's model set into the section (its rule, factors and weights, meaning, floor).
void load_model(ScenarioPanelState& ps, const FairShareModel& m);

// The hovered district's explanation from the live preview, for the map's tooltip (nothing when
// there is no preview or the district is not in it).
void fair_share_tooltip(const MapApp& app, const std::string& code);

} // namespace sespm
