// what_changed.h: "what changed" at a period of a time-series layer, for the window's list and
// the `changes` command: the largest rises and falls of the count on the step (a quarter, or a
// year for a yearly series) and on the year, each against the date that many months before by
// the one rule of rules/dated_change.h (a date with no figures gives an empty list marked
// unpublished, never a comparison with another date), the areas newly over the limit (the count above it now, as `table`'s
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
    std::string since;       // the earlier date: 3 (or 12) months before the period
    bool published = true;   // the series has figures on `since`; false: nothing compared
    std::vector<ChangeItem> items;
};

struct WhatChanged {
    // the dates compared with (by the calendar, published or not); "" when the series has no
    // period before `period` (year_before_period also "" for a yearly series: the same date)
    std::string period, previous_period, year_before_period;
    std::vector<ChangeList> lists;   // rises then falls (the step, then the year), then newly over
};

// UsageError when the layer is not a time series. `opt.period` picks the period ("" = latest);
// `top` caps each rise/fall list; `triggers` (area code -> pct) may be empty.
WhatChanged what_changed(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt,
                         const std::map<std::string, double>& triggers, size_t top = 5);

} // namespace sespm
