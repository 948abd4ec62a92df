// report_trends.h: what the board report shows of time: each headline's change since the
// previous half-year and year with a sparkline, the area's line chart over every quarter (gaps
// drawn as gaps, series breaks noted), small-multiple maps of the last quarters with one shared
// legend, and sentences on the largest rises and falls. All from the model's series
// (map/evaluate.h layer_series), so every number is one `trend` prints.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/periods.h"
#include "report/report_pages.h"

namespace sespm {

struct AreaTrend {
    std::vector<std::string> periods;
    std::vector<std::optional<double>> counts;   // per period, missing = no published figure
    // The latest count and the change since 2 and 4 quarters before (empty when either is missing).
    std::optional<double> latest, change_half_year, change_year;
};

// The count series of the report's area (its group row) for a time-series layer; nullopt when
// the layer is missing or not a time series.
std::optional<AreaTrend> area_trend(const ReportContext& c, const std::string& layer_id);
std::string change_text(const AreaTrend& t);   // "+120 since the half-year before, -40 since a year before"

void trend_page(ReportDoc& doc, const ReportContext& c);
void small_multiples(ReportDoc& doc, const ReportContext& c, int quarters);
std::vector<std::string> change_sentences(const ReportContext& c);


// A small line of the last `n` values inside (x, y, w, h).
void draw_sparkline(cairo_t* cr, const std::vector<std::optional<double>>& v, size_t n, double x, double y, double w, double h);

} // namespace sespm
