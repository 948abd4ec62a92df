// map_view.h: the one answer to "what does this map show": a MapRequest (layer or opened file,
// geography, within, classes, palette, points, planner figures, scenario or comparison) in; a
// MapView out: the areas drawn and their colours (the selected areas by class, areas with no
// figure in grey, the rest of England as quiet context), rows of cells, legend, title lines,
// attribution and join report. The window, `render`, `export`, `table` and the report all build
// their pictures and files from it, so the same request always gives the same colours. No GL.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rules/fair_share.h"
#include "rules/scenario.h"
#include "rules/styling.h"
#include "map/atlas.h"
#include "map/evaluate.h"
#include "geodata/points.h"
#include "rules/types.h"
#include "map/class_policy.h"

namespace sespm {

struct MapRequest {
    std::string layer_id = "dispersal";     // a layer from layers/ ...
    std::string open_file, by;              // ... or any polygon file styled by a field / "area"
    std::string code_field = "code", name_field = "name";
    Geography geography = Geography::District;
    std::optional<std::string> within;      // none = every area of the geography
    ClassRequest classes;                   // method, count, palette (empty = the layer's)
    std::string points_layer;               // e.g. "esol": drawn as circles on top
    std::string points_file;                // a points layer's own file replaced (--points FILE)
    std::map<std::string, double> ratio_overrides;  // area code -> residents per place
    std::map<std::string, std::map<std::string, double>> user_values;  // planner-entered, e.g. pledges
    bool for_drawing = true;                // false: lon/lat only, no extent (exports, tables)
    // Time: the period shown ("" = latest; "earliest" or an ISO date), and whether the classes
    // of a time series are made from this period only instead of every period pooled.
    std::string period;
    bool classes_over_period = false;
    // Classes made over another selection than the areas shown (a sub-region's pages in the
    // South East's pack use the region's classes, so a colour means one set of values on every
    // page); `classes_within_name` says whose in the legend ("the South East's classes").
    std::optional<std::string> classes_within;
    std::string classes_within_name;
    // A dispersal scenario shown instead of the published figures (districts only), or, with
    // compare_with, the difference between two scenarios (second minus first, diverging colours).
    std::optional<Scenario> scenario, compare_with;
    // A fair-share model's pressure index over the districts (rules/fair_share.h), instead of
    // the published figures: each district's sum of weight x pressure, and each factor's pressure.
    std::vector<FactorWeight> pressure;
};

struct LegendEntry {
    Rgb colour;
    std::string label;
};

struct MapView {
    MapRequest options;
    const AreaSet* set = nullptr;           // every area drawn (selected and context)
    LayerResult result;                     // rows for the selected areas
    Styled styled;                          // per row
    std::vector<int> row_of_area;           // area index -> row, or -1 for context areas
    std::vector<Rgba> colours;              // per area
    std::vector<LegendEntry> legend;
    bool has_missing = false;
    MapKind kind = MapKind::Layer;
    std::string classification;             // how the classes were made, for exports
    std::string palette;                    // the palette's id (rules/classify.h)
    std::string classes_over;               // time series: "all periods (N, FROM to TO)" or "this period only"
    std::string class_note;                 // shown under the legend: fewer classes than asked, and why
    std::string title, subtitle, legend_title, attribution;
    Bbox selection_bbox;                    // BNG extent of the selected areas
    // A time series: every period's figures of each row (for sparklines and change; see
    // trends/recent_change.h); empty for a snapshot, a scenario or an opened file.
    std::vector<std::vector<SeriesPoint>> series;
    PointSet points;                        // optional overlay points
    std::string points_title;
};

inline const Rgb context_colour{0xf1, 0xef, 0xea};
inline const Rgb sea_colour{0xdc, 0xe9, 0xf2};

// Throws UsageError/DataError like the command line does.
MapView build_map_view(Atlas& atlas, const std::vector<LayerSpec>& layers, const MapRequest& req);

// The evaluation options (geography, within, ratios, points, planner figures) of a request.
EvaluateOptions evaluate_options_of(const MapRequest& req);

// Decimal places that suit a set of class bounds (0 for counts, 1-2 for small shares).
int legend_decimals(const Classification& c);

// "30 September 2024" for 2024-09-30.
std::string long_date(const std::string& iso);

// The classes of a map as legend rows (class order): lower and upper bound, label, fill.
struct LegendClass {
    double min = 0, max = 0;
    std::string label, fill;
};
std::vector<LegendClass> legend_classes(const MapView& v);

} // namespace sespm
