// print_chart.h: a chart over time drawn with cairo, for print and files: the board report's
// trend page, `sespm-map chart -o FILE.png|.pdf|.svg` and the window's "Save the chart as PNG".
// Axes with nice ticks and thousands separators, years along the bottom, one coloured line per
// area with gaps where a period has no figure (or is missing from the data), a single area's
// limit (solid) and agreed trigger (dashed) as level lines, and a key under the plot.
#pragma once
#include <cairo.h>

#include <string>

#include "trends/chart_series.h"

namespace sespm {

// A tick step of 1, 2, 2.5 or 5 times a power of ten giving about n steps up to max.
double nice_step(double max, int n);

// Draws the chart's plot and key inside (x, y, w, h), in points (or pixels on an image).
void draw_line_chart(cairo_t* cr, const ChartSeries& c, double x, double y, double w, double h);

// The chart alone with its title, notes and attribution: .png (width x height pixels), .pdf or
// .svg (points) by extension; written whole or not at all. DataError when drawing or writing fails.
void write_chart(const ChartSeries& c, const std::string& path, double width = 900, double height = 520);

} // namespace sespm
