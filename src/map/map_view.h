// map_view.h: everything a map picture needs, computed once from the core and shared by the
// window, the headless renderer and the tests: which areas are drawn and in which colour
// (the layer's selected areas by class, areas with no figure in grey, the rest of England as
// quiet context), the legend, the title lines and the attribution. No GL here.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/scenario.h"
#include "core/styling.h"
#include "io/boundaries.h"
#include "map/evaluate.h"
#include "io/points.h"
#include "core/types.h"

namespace sespm {

struct MapViewOptions {
    std::string layer_id = "dispersal";     // a layer from layers/ ...
    std::string open_file, by;              // ... or any polygon file styled by a field / "area"
    std::string code_field = "code", name_field = "name";
    Geography geography = Geography::District;
    std::optional<std::string> within = std::string("E12000008");
    std::string method;                     // empty = the layer's default
    int classes = 0;                        // 0 = the layer's default
    std::string palette;                    // empty = the layer's default
    std::string points_layer;               // e.g. "esol": drawn as circles on top
    std::map<std::string, std::map<std::string, double>> user_values;  // planner-entered, e.g. pledges
    // A dispersal scenario shown instead of the published figures (districts only), or, with
    // compare_with, the difference between two scenarios (second minus first, diverging colours).
    std::optional<Scenario> scenario, compare_with;
};

struct LegendEntry {
    Rgb colour;
    std::string label;
};

struct MapView {
    MapViewOptions options;
    const AreaSet* set = nullptr;           // every area drawn (selected and context)
    LayerResult result;                     // rows for the selected areas
    Styled styled;                          // per row
    std::vector<int> row_of_area;           // area index -> row, or -1 for context areas
    std::vector<Rgba> colours;              // per area
    std::vector<LegendEntry> legend;
    bool has_missing = false;
    std::string title, subtitle, legend_title, attribution;
    Bbox selection_bbox;                    // BNG extent of the selected areas
    PointSet points;                        // optional overlay points
    std::string points_title;
};

inline const Rgb context_colour{0xf1, 0xef, 0xea};
inline const Rgb sea_colour{0xdc, 0xe9, 0xf2};

// Throws UsageError/DataError like the command line does.
MapView build_map_view(Atlas& atlas, const std::vector<LayerSpec>& layers, const MapViewOptions& opt);

// Decimal places that suit a set of class bounds (0 for counts, 1-2 for small shares).
int legend_decimals(const Classification& c);

} // namespace sespm
