// period_rules.h: which of a layer's rules apply to one period of a time series: the dated
// population estimate its rates divide by, and the cluster limit rule in force then (the NTS
// threshold was 0.07% of children before August 2022). The figures reader applies them.
#pragma once
#include <string>
#include <vector>

#include "rules/layer_spec.h"

namespace sespm {

// The index in `estimates` (not empty) of the dated estimate a period's rates use: the first
// (oldest) whose `until` covers the period, else the nearest by days among those without an
// `until`, else the last.
size_t estimate_for_period(const std::vector<FigureSource>& estimates, const std::string& period);

// The earlier limit rule in force on `period`, or nullptr when it is the layer's current rule
// (or the layer is not a time series: `period` empty).
const LimitRule* limit_rule_for_period(const LayerSpec& spec, const std::string& period);

} // namespace sespm
