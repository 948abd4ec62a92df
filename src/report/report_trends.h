// report_trends.h: what the board report shows of time: each headline's change since the
// previous half-year and year with a sparkline, the area's line chart over every quarter (gaps
// drawn as gaps, series breaks noted), small-multiple maps of the last quarters with one shared
// legend, and sentences on the largest rises and falls. All from the model's series
// (map/evaluate.h layer_series), so every number is one `trend` prints.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rules/dated_change.h"
#include "rules/periods.h"
#include "report/report_pages.h"

namespace sespm {

struct AreaTrend {
    std::vector<std::string> periods;
    std::vector<std::optional<double>> counts;   // per period, missing = no published figure
    // The latest count and its change against 6 and 12 months before, by date (rules/dated_change.h).
    std::optional<double> latest;
    DatedChange half_year, year;
};

// The count series of the report's area (its group row) for a time-series layer; nullopt when
// the layer is missing or not a time series.
std::optional<AreaTrend> area_trend(const ReportContext& c, const std::string& layer_id);
// "-826 on the half-year, -327 on the year" (against 6 and 12 months before, by date), or
// "half-year: no figure for 31 Dec 2025" where that date has nothing to compare with.
std::string change_text(const AreaTrend& t);

void trend_page(ReportDoc& doc, const ReportContext& c);
void small_multiples(ReportDoc& doc, const ReportContext& c, int quarters);
std::vector<std::string> change_sentences(const ReportContext& c);


// A small line of the last `n` values inside (x, y, w, h).
void draw_sparkline(cairo_t* cr, const std::vector<std::optional<double>>& v, size_t n, double x, double y, double w, double h);

} // namespace sespm
