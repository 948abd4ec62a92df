// report_alt.h: the alternative texts of the board report's charts (a tagged PDF's Figure /Alt),
// written from the same items the chart draws: what it shows and its largest values. Maps use
// map/map_alt_text.h.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "report/report_parts.h"
#include "report/report_trends.h"

namespace sespm {

// "Chart: every district ranked by ... Highest: Hastings 57.6, ... 2 over the limit (100%)."
std::string ranked_chart_alt(const DotChartPart& c, const std::string& unit = "");

// "Line chart: People supported, Kent, each quarter from 31 Mar 2014 to 30 Jun 2026. All supported
// asylum seekers: 6,646 at 30 Jun 2026, highest 7,472 at 31 Dec 2025; ..."
std::string trend_chart_alt(const std::string& title, const std::vector<std::pair<std::string, AreaTrend>>& lines);

} // namespace sespm
