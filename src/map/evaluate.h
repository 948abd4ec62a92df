// evaluate.h: one overlay evaluated over one geography: the areas selected (optionally only
// those inside a code, e.g. E12000008), their measures as a table of cells, the value each area
// is classified by, and the join report. The table and export commands (and the map) all go
// through here, so they always show the same figures.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rules/layer_spec.h"
#include "rules/measures.h"
#include "map/atlas.h"
#include "map/figure_join.h"
#include "rules/cell.h"

namespace sespm {

struct LayerResult {
    LayerSpec spec;
    Geography geography = Geography::District;
    std::vector<size_t> selection;           // indices into atlas.areas(geography)
    std::vector<std::string> columns;
    std::vector<std::vector<Cell>> rows;     // one per selected area
    std::vector<MeasureRow> measures;        // rate layers: one per selected area
    std::vector<std::optional<double>> class_values;  // the classified measure per row
    JoinReport report;
    // Time: the period shown ("" when the layer is not a time series), every period of the
    // layer (oldest first), the estimate the rates used, and the series-break notes of the period.
    std::string period;
    std::vector<std::string> periods;
    std::string denominator_label;
    std::vector<std::string> period_notes;
};

struct EvaluateOptions {
    Geography geography = Geography::District;
    std::optional<std::string> within;
    std::map<std::string, double> ratio_overrides;   // area code -> residents per place
    std::string points_file;                          // points layers: replaces the layer's file
    // Figures entered by planners for the layer's user columns: column -> district code -> value
    // (e.g. "pledges"). Groups sum their districts'; an area with none entered stays empty.
    std::map<std::string, std::map<std::string, double>> user_values;
    // The period: "" or "latest", "earliest", or an ISO date of the layer's (UsageError naming
    // the nearest ones otherwise). A layer that is not a time series accepts only latest/earliest.
    std::string period;
};

LayerResult evaluate_layer(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt);

// The periods of a layer, oldest first (empty when it is not a time series).
std::vector<std::string> layer_periods(Atlas& atlas, const LayerSpec& spec);

// The classified measure of the selected areas in every period, pooled (rounded as the map
// rounds it): classes made from these mean the same value in every period.
std::vector<double> pooled_class_values(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt);
// The class values of one period (opt.period) over the selection, for classes made over other
// areas than those shown (a sub-region's map in the region's classes).
std::vector<double> period_class_values(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt);

// One area's figures in one period, for charts and `export --all-periods`.
struct SeriesPoint {
    std::string period;
    std::optional<double> count, rate, share_pct, class_value;
    std::optional<double> limit;   // the cluster limit (or NTS threshold) then, when the layer has one
    std::optional<double> charted; // what a chart draws over time: the count, or a value layer's value
};
// Every period of the selected areas (one vector per area, in selection order, oldest first);
// empty when the layer is not a time series.
std::vector<std::vector<SeriesPoint>> layer_series(Atlas& atlas, const LayerSpec& spec, const EvaluateOptions& opt);

// Any polygon file styled by one of its numeric fields, or by its area in km2 (`by` = "area").
// Columns: code, name, then the field (or area_km2). Throws DataError naming the file, the
// feature and the field when a value is not numeric; UsageError when the field does not exist.
LayerResult evaluate_file(Atlas& atlas, const std::string& path, const std::string& by,
                          const std::string& code_field, const std::string& name_field);

// The codes of the layer's native geography that make up area `a` of geography `g`, or an
// empty list when `a` is not a whole union of native areas. Throws UsageError when the layer
// cannot be shown at that geography at all (county figures at district level).
std::vector<std::string> native_members(Atlas& atlas, const LayerSpec& spec, Geography g, const Area& a);

} // namespace sespm
