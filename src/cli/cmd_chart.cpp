// cmd_chart.cpp: `sespm-map chart`: the chart over time the window's View > Chart over time
// shows, written as PNG, PDF or SVG (print/print_chart.h); its data is what `trend` prints.
#include <iostream>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/error.h"
#include "core/output_file.h"
#include "core/text.h"
#include "trends/chart_series.h"
#include "print/print_chart.h"

namespace sespm {

static const char* kChartHelp = R"(usage: sespm-map chart --layer ID -o FILE.png|.pdf|.svg [--geography G] [--codes A,B,...]
                       [--project FILE] [--width N] [--height N] [--data DIR] [--layers DIR]

Draws a time-series layer's count over every period: one line per area of --codes (at
--geography, default district), or the South East and its four sub-regions when none are
given. With one area, its limit at the latest period is drawn as a line, and its agreed
trigger point (from --project) as a dashed line. Series breaks and the attribution are noted
under the chart. PNG is --width x --height pixels (default 900 x 520), PDF and SVG points.
The values are the ones `sespm-map trend` prints for the same areas.
)";

int cmd_chart(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"--layer", "--geography", "--codes", "--project", "--width", "--height", "-o"}), {},
                        "chart");
    if (a.has("--help")) { std::cout << kChartHelp; return 0; }
    std::string layer = a.require("--layer", "chart"), out = a.require("-o", "chart");
    int width = a.integer("--width", 900), height = a.integer("--height", 520);
    if (width < 200 || height < 150 || width > 8000 || height > 8000)
        throw UsageError("--width/--height: from 200 x 150 to 8000 x 8000");
    std::set<std::string> codes;
    if (auto c = a.get("--codes")) for (const auto& code : split_list(*c)) codes.insert(code);
    auto s = open_session(a);
    ChartSeries c = chart_series(*s, layer, geography_option(a), codes);
    write_chart(c, out, width, height);
    announce_output("sespm-map: wrote " + out + " (" + std::to_string(c.lines.size()) + " line" + (c.lines.size() == 1 ? "" : "s") + ")");
    return 0;
}

} // namespace sespm
