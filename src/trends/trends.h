// trends.h: a layer over time, for `trend`, `table --since` and the window's charts: one row
// per area and period (the same columns `table` prints, after code, name, period), and the
// change of the count since an earlier period. Groups sum counts per period and recompute the
// rates, exactly as `table` does, because every row comes from evaluate_layer.
#pragma once
#include <string>
#include <vector>

#include "rules/cell.h"
#include "map/evaluate.h"

namespace sespm {

struct TrendRequest {
    EvaluateOptions base;                 // geography, within, ratios, planner figures
    std::string from, to;                 // ISO dates, "" = open
    std::vector<std::string> codes;       // only these areas (of the geography); empty = all selected
};

struct TrendTable {
    std::vector<std::string> columns;     // code, name, period, then the table columns
    std::vector<std::vector<Cell>> rows;  // area by area, oldest period first
    std::vector<std::string> periods;
    std::vector<LayerResult> results;     // one per period (for trigger columns and alerts)
};

// UsageError when the layer is not a time series, a bound is not a date, no period is in range,
// or a --codes entry is not a selected area.
TrendTable trend_table(Atlas& atlas, const LayerSpec& spec, const TrendRequest& req);

// table --since DATE: appends previous (the count, or a value layer's value, at DATE), change and change_pct (of
// previous) to each row; empty where either figure is missing (or previous is 0 for the %).
void add_change_columns(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt, const std::string& since,
                        LayerResult& r);

} // namespace sespm
