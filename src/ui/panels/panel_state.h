// panel_state.h: what each panel remembers between frames (typed text, choices, results), kept
// in PanelWindows (ui/panels/panels.h) rather than in function statics, so it is reset when the map or the
// project changes (PanelWindows::reset_results).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "map/fair_share_factors.h"
#include "map/fair_share_preview.h"
#include "rules/scenario.h"
#include "map/area_names.h"
#include "trends/chart_series.h"
#include "trends/what_changed.h"

namespace sespm {

struct MapBundle;

// One layer that can be a factor of the fair-share rule, as the Factors section shows it.
struct FactorChoice {
    std::string layer, title;
    bool higher_is_pressure = true;
    bool on = false;
    double weight = 1;                     // a double, as the model's text keeps it (a reopened 0.1 stays 0.1)
};

struct ScenarioPanelState {
    char new_name[128] = "";
    char cluster_name[128] = "";
    int total = 1000;
    int rule = 2;                          // AllocationRule: 3 = the fair-share rule (Factors)
    float ratio = 200;
    std::optional<Scenario> outcome_for;
    std::optional<ScenarioOutcome> outcome;
    // The Factors section (panel_scenario_factors.cpp): the model being built, worked out live.
    std::vector<FactorChoice> factors;     // every layer that can be a factor, filled when first shown
    std::optional<FairShareModel> model_to_load;  // a reopened scenario's model, set into the choices
    int meaning = 0;                       // 0: places to add; 1: the total to hold in all (stock)
    int floor = 0;
    double cap = 200;                      // residents per place of the cap (200: the cluster limit)
    bool compare_population = false;       // the preview shows the population rule's numbers beside
    bool pressure_on_map = false;          // the map shows the model's pressure index
    std::string preview_key;               // the model the preview below was worked out for
    std::optional<ModelPreview> preview;
    std::string preview_error;
    double preview_at = -1;                // ImGui time of the last preview, to pace it while sliders move
};

struct QueryPanelState {
    int question = 0;
    float km = 10;
    char points_path[1024] = "";
    std::string title;
    std::vector<std::pair<int, std::string>> rows;  // area index, figure
    std::string figure_heading;
    std::vector<std::string> rejected;              // rows of the points file that were left out
};

struct TablePanelState {
    std::vector<int> order;
    const MapBundle* sorted_for = nullptr;
};

// The time slider of a time-series layer: the period shown, playing or not, and how fast.
struct TimePanelState {
    bool playing = false;
    float quarters_per_second = 2.0f;
    double last_step = 0;           // ImGui time of the last step while playing
};

// The chart of the selected areas (or the region and its sub-regions) over every period.
struct ChartPanelState {
    std::string key;                // what the series below were made for (layer, areas)
    ChartSeries chart;              // the lines, the single area's limit and trigger, series breaks
};

struct ChangesPanelState {
    std::string key;                // what the lists were made for (layer, period, geography, project)
    WhatChanged changes;
    std::string why_none;           // the layer is not a time series, or the error
};

struct ReportPanelState {
    char path[1024] = "";
    char title[256] = "";           // "" = "SESPM board report: migration in <the area chosen>"
    int subregion = 0;              // 0 = the South East, then the four groups
    bool with_scenario = true;      // the scenario open in the Scenario panel, if any
    char commentary[4096] = "";     // the cover's Commentary box (kept in the window settings)
    bool commentary_loaded = false;
    std::string last_path;          // the PDF written last, for "Open"
};

struct FindPanelState {
    char text[128] = "";
    std::string searched;                  // the text the matches are for
    std::vector<PlaceMatch> matches;
};

struct ExportPanelState {
    char png[1024] = "";
    char vec[1024] = "";
    bool only_selected = false;     // the data export keeps only the areas selected on the map
};

// What every panel remembers; PanelWindows (panels.h) is one, so app.panels.scenario is the
// Scenario panel's.
struct PanelStates {
    ScenarioPanelState scenario;
    QueryPanelState query;
    TablePanelState table;
    ExportPanelState export_files;
    ReportPanelState report;
    TimePanelState time;
    ChartPanelState chart;
    ChangesPanelState changes;
    FindPanelState find;
    std::string open_path;                 // the "Open file" field
    std::string open_project_field;        // File > Open project's text field
};

} // namespace sespm
