// class_policy.h: which classes a map uses, decided in one place for the window, `render`,
// `export` and the report: the layer's (or the request's) method, count and palette, checked
// once; fixed classes aligned with the status words for a scenario map (25/50/75/90/100% of
// the limit, "over 100"); classes symmetric about zero for a difference map.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "rules/layer_spec.h"
#include "rules/styling.h"

namespace sespm {

enum class MapKind { Layer, Scenario, Difference, Pressure };  // Pressure: a fair-share model's pressure index

struct ClassRequest {
    std::string method;          // empty = the layer's default; "manual" needs breaks
    std::vector<double> breaks;  // class upper bounds for "manual" (empty = the layer's)
    std::optional<int> classes;  // none = the layer's default
    std::string palette;         // empty = the layer's default
    size_t areas_classed = 0;    // with a pool: the areas the classes are made over (0 = those shown)
};

struct ClassPolicy {
    Styled styled;
    std::string description;     // "quantile, 5 classes", "fixed: share of the cluster limit"
    std::string top_label;       // replaces the last legend label when set ("over 100 (over the limit)")
    std::string note;            // why there are fewer classes than asked ("2 classes, not 5: only 4 areas")
    std::string threshold_note;  // set when a class bound was moved to the limit (100%)
};

// A map classed by the share of a limit (the cluster limit, the NTS threshold) always has a
// class bound at 100%, so over and under the limit never share a colour (say so in the
// description); manual breaks are the user's and kept as typed.
// Few areas get few classes: at most one class for every two areas with distinct values (4
// sub-regions: 2 classes, never a class per area or an empty one), said in `note`.
// Throws UsageError for an unknown method or palette, a class count outside 2-12, or manual
// breaks missing, not ascending or given with another method.
// Throws UsageError for an unknown method or palette, or a class count outside 2-12. `pool`,
// when not empty, holds the values of every period of a time series: the classes are made from
// them (and the description says so), and `values` are styled by those classes.
// The palette a map is drawn with: the one asked for, else blue-red for a difference,
// orange-red for a scenario, the layer's, or yellow-green-blue for any other file.
std::string chosen_palette(const ClassRequest& req, const LayerSpec* spec, MapKind kind);
ClassPolicy choose_classes(const std::vector<std::optional<double>>& values, const ClassRequest& req,
                           const LayerSpec* spec, MapKind kind, std::span<const double> pool = {},
                           const std::string& pool_description = "");

} // namespace sespm
