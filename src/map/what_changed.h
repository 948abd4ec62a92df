// what_changed.h: "what changed" at a period of a time-series layer, for the window's list and
// the `changes` command: the largest rises and falls of the count since the previous period and
// since a year before, the areas newly over the limit (the count above it now, as `table`'s
// status "over"; not over it or without a figure then), and areas newly at or over their agreed
// trigger (the share of the limit as `table` prints it). Every
// figure comes from the layer's series, so each one is what `table --since` and `trend` print.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "map/evaluate.h"

namespace sespm {

struct ChangeItem {
    std::string code, name;
    std::optional<double> before, after, change;   // counts, or shares (pct) for the "newly" lists
    std::optional<double> trigger_pct;             // newly at a trigger: the agreed share
};

struct ChangeList {
    std::string what;        // "rise" | "fall" | "newly over the limit" | "newly at the trigger"
    std::string since;       // the earlier period
    std::vector<ChangeItem> items;
};

struct WhatChanged {
    std::string period, previous_period, year_before_period;  // "" when the series has none
    std::vector<ChangeList> lists;   // rises then falls (previous period, then year), then newly over
};

// UsageError when the layer is not a time series. `opt.period` picks the period ("" = latest);
// `top` caps each rise/fall list; `triggers` (area code -> pct) may be empty.
WhatChanged what_changed(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt,
                         const std::map<std::string, double>& triggers, size_t top = 5);

} // namespace sespm
