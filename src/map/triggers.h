// triggers.h: trigger points over the figures: an agreed share of the limit per area (or group,
// or scenario cluster), kept in the project file (stores/project_store.h). This file owns the status
// word against a trigger, the extrapolation of the last four quarters' average change toward
// the trigger and the limit (always labelled an extrapolation, never a forecast), the trigger
// columns `table` adds and the alert list of areas that reached their trigger.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rules/scenario.h"
#include "map/evaluate.h"

namespace sespm {

// "reached" (share >= trigger), "within 10 points" (share >= trigger - 10), "below", or ""
// when there is no share.
std::string trigger_status(std::optional<double> share_pct, double trigger_pct);

// Quarters until the count reaches `target` if the average quarterly change of the last four
// quarters ((now - four_before) / 4) went on: 0 when already there, nullopt when a figure is
// missing or the change is falling or flat.
std::optional<double> quarters_to(std::optional<double> now, std::optional<double> four_before, std::optional<double> target);

// True when the last five periods up to `period` are consecutive quarters (3 months apart).
bool quarterly_at(const std::vector<std::string>& periods, const std::string& period);

// Appends trigger_pct and trigger_status, and for a quarterly series
// extrapolated_quarters_to_trigger and extrapolated_quarters_to_limit, to the rows of a layer
// with a limit (no-op for a layer without one). `triggers`: area code -> pct.
void add_trigger_columns(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt,
                         const std::map<std::string, double>& triggers, LayerResult& r);

// trend: appends trigger_pct and trigger_status to rows whose first cell is the area code and
// which hold the layer's share column (no-op for a layer without a limit).
void add_trigger_cells(const LayerSpec& spec, const std::map<std::string, double>& triggers,
                       std::vector<std::string>& columns, std::vector<std::vector<Cell>>& rows);

struct TriggerAlert {
    std::string code, name, geography;
    double trigger_pct = 0;
    std::string reached_at;                 // the latest period in which the share reached it
    std::optional<double> share_then, share_latest;
    std::string latest_period;
};

// Areas of `opt.geography` with a trigger whose share of the limit reached it in the latest
// period, or in the last four quarters of a quarterly series.
std::vector<TriggerAlert> trigger_alerts(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt,
                                         const std::map<std::string, double>& triggers);

// Each cluster of a scenario outcome gets its agreed trigger ("cluster:NAME") and status.
void add_cluster_triggers(const std::map<std::string, double>& triggers, ScenarioOutcome& o);

// "trigger 70%: within 10 points" for a cluster with a trigger, else "".
std::string cluster_trigger_text(const ClusterOutcome& c);

// One line for stderr per alert, labelled as an alert about published figures.
std::string alert_line(const LayerSpec& spec, const TriggerAlert& a);

} // namespace sespm
