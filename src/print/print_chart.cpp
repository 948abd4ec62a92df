// print_chart.cpp: the line chart over time on a cairo context, and the chart as a file.
#include "print/print_chart.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "rules/cell.h"
#include "core/error.h"
#include "rules/periods.h"
#include "core/output_file.h"
#include "print/print_text.h"

namespace sespm {

namespace {

const unsigned kLineColours[] = {0xb2182b, 0x2166ac, 0x1b7837, 0x762a83, 0xe08214, 0x5a5a5a};

struct Frame {
    double x0, y0, w, h;      // the plot area
    double top;               // the value at the top of the y axis
    int year_first, year_last;
    double x_of(const std::string& p) const {
        double yr = std::stoi(p.substr(0, 4)) + (std::stoi(p.substr(5, 2)) - 0.5) / 12.0;
        return x0 + (yr - year_first) / std::max(1, year_last - year_first) * w;
    }
    double y_of(double v) const { return y0 + h - v / top * h; }
};

Frame frame_for(const ChartSeries& c, double x, double y, double w, double h) {
    std::string first = "9999", last = "0000";
    double max = std::max({0.0, c.limit.value_or(0), c.trigger_count.value_or(0)});
    for (const auto& l : c.lines) {
        if (l.periods.empty()) continue;
        first = std::min(first, l.periods.front());
        last = std::max(last, l.periods.back());
        for (const auto& v : l.counts) if (v) max = std::max(max, *v);
    }
    if (first > last) first = last = "2000-01-01";
    double step = nice_step(max, 5);
    double top = std::max(step, std::ceil(max / step) * step);
    return {x + 44, y + 4, w - 52, h, top, std::stoi(first.substr(0, 4)), std::stoi(last.substr(0, 4)) + 1};
}

void axes(cairo_t* cr, const Frame& f) {
    double step = nice_step(f.top, 5);
    for (double v = 0; v <= f.top + 1e-9; v += step) {
        set_rgb(cr, 0xe6e6e6);
        cairo_set_line_width(cr, 0.5);
        cairo_move_to(cr, f.x0, f.y_of(v));
        cairo_line_to(cr, f.x0 + f.w, f.y_of(v));
        cairo_stroke(cr);
        set_rgb(cr, 0x666666);
        print_text(cr, f.x0 - 46, f.y_of(v) - 5, 42, Cell::of_num(v, step < 1 ? 1 : 0).display(), "DejaVu Sans 7", Align::Right);
    }
    int every = f.year_last - f.year_first > 8 ? 2 : 1;
    for (int yr = f.year_first; yr <= f.year_last; yr += every) {
        double x = f.x0 + double(yr - f.year_first) / std::max(1, f.year_last - f.year_first) * f.w;
        print_text(cr, x - 14, f.y0 + f.h + 3, 28, std::to_string(yr), "DejaVu Sans 7", Align::Centre);
    }
}

// One area's line; a missing figure, or a period missing from the data (a step longer than
// the series' own, e.g. no 31 March 2026 in a quarterly series), is a gap.
void line(cairo_t* cr, const Frame& f, const ChartLine& l, unsigned colour) {
    set_rgb(cr, colour);
    cairo_set_line_width(cr, 1.6);
    int step = 1200;
    for (size_t i = 1; i < l.periods.size(); ++i) step = std::min(step, months_between(l.periods[i - 1], l.periods[i]));
    size_t n = std::min(l.counts.size(), l.periods.size());
    auto joined = [&](size_t i) {  // period i is drawn joined to period i - 1
        return i > 0 && i < n && l.counts[i] && l.counts[i - 1] && months_between(l.periods[i - 1], l.periods[i]) <= step;
    };
    for (size_t i = 0; i < n; ++i) {
        if (!l.counts[i]) continue;
        double x = f.x_of(l.periods[i]), y = f.y_of(*l.counts[i]);
        if (joined(i)) cairo_line_to(cr, x, y);
        else {
            cairo_stroke(cr);
            if (!joined(i + 1)) {  // a figure on its own (e.g. after a missing quarter): a dot
                cairo_arc(cr, x, y, 1.8, 0, 2 * M_PI);
                cairo_fill(cr);
            }
            cairo_move_to(cr, x, y);
        }
    }
    cairo_stroke(cr);
}

void level(cairo_t* cr, const Frame& f, double v, unsigned colour, bool dashed) {
    set_rgb(cr, colour);
    cairo_set_line_width(cr, 1.1);
    double dash[] = {5, 3};
    cairo_set_dash(cr, dash, dashed ? 2 : 0, 0);
    cairo_move_to(cr, f.x0, f.y_of(v));
    cairo_line_to(cr, f.x0 + f.w, f.y_of(v));
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
}

// The key under the plot: a swatch and a name per line, then the level lines.
void key(cairo_t* cr, const ChartSeries& c, double x, double y, double w) {
    std::vector<std::pair<std::string, unsigned>> items;
    for (size_t i = 0; i < c.lines.size(); ++i) items.push_back({c.lines[i].name, kLineColours[i % 6]});
    if (c.limit) items.push_back({c.limit_title + " now (" + Cell::of_num(*c.limit, 0).display() + ")", 0x222222});
    if (c.trigger_count) items.push_back({"Agreed trigger, " + Cell::of_num(*c.trigger_pct, 0).display() + "% of the limit", 0xe08214});
    double cx = x;
    for (const auto& [name, colour] : items) {
        double tw = text_width(cr, name, "DejaVu Sans 7");
        if (cx + 16 + tw > x + w && cx > x) { cx = x; y += 12; }
        set_rgb(cr, colour);
        cairo_rectangle(cr, cx, y + 4, 10, 2.5);
        cairo_fill(cr);
        set_rgb(cr, 0x333333);
        print_text(cr, cx + 13, y, tw + 4, name, "DejaVu Sans 7");
        cx += 13 + tw + 14;
    }
}

} // namespace

double nice_step(double max, int n) {
    if (!(max > 0)) return 1;
    double raw = max / n, mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (raw <= m * mag) return m * mag;
    return 10 * mag;
}

void draw_line_chart(cairo_t* cr, const ChartSeries& c, double x, double y, double w, double h) {
    Frame f = frame_for(c, x, y, w, h - 36);
    axes(cr, f);
    if (c.limit) level(cr, f, *c.limit, 0x222222, false);
    if (c.trigger_count) level(cr, f, *c.trigger_count, 0xe08214, true);
    for (size_t i = 0; i < c.lines.size(); ++i) line(cr, f, c.lines[i], kLineColours[i % 6]);
    key(cr, c, f.x0, f.y0 + f.h + 16, f.w);
}

void write_chart(const ChartSeries& c, const std::string& path, double width, double height) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    if (ext != ".png" && ext != ".pdf" && ext != ".svg") throw UsageError("-o " + path + ": a chart is written as .png, .pdf or .svg");
    std::string bytes;
    cairo_surface_t* surface =
        ext == ".png" ? cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(width), static_cast<int>(height))
        : ext == ".svg" ? cairo_svg_surface_create_for_stream(append_to_string, &bytes, width, height)
                        : cairo_pdf_surface_create_for_stream(append_to_string, &bytes, width, height);
    cairo_t* cr = cairo_create(surface);
    set_rgb(cr, 0xffffff);
    cairo_paint(cr);
    double m = 18, y = m;
    set_rgb(cr, 0x1a1a1a);
    y += print_text(cr, m, y, width - 2 * m, c.title, "DejaVu Sans Bold 11");
    set_rgb(cr, 0x555555);
    y += print_text(cr, m, y + 2, width - 2 * m, c.count_title + ", every period as published", "DejaVu Sans 8") + 8;
    double foot = 0;
    std::string notes;
    for (const auto& n : c.notes) notes += (notes.empty() ? "Series break " : "\nSeries break ") + n;
    if (!notes.empty()) foot += text_height(cr, width - 2 * m, notes, "DejaVu Sans 6.5") + 4;
    foot += text_height(cr, width - 2 * m, c.attribution, "DejaVu Sans 6");
    draw_line_chart(cr, c, m, y, width - 2 * m, height - y - foot - m - 6);
    double fy = height - m - foot;
    set_rgb(cr, 0x555555);
    if (!notes.empty()) fy += print_text(cr, m, fy, width - 2 * m, notes, "DejaVu Sans 6.5") + 4;
    print_text(cr, m, fy, width - 2 * m, c.attribution, "DejaVu Sans 6");
    cairo_destroy(cr);
    if (ext == ".png") cairo_surface_write_to_png_stream(surface, append_to_string, &bytes);
    cairo_surface_finish(surface);
    cairo_status_t st = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (st != CAIRO_STATUS_SUCCESS) throw DataError(path + ": cairo could not draw the chart: " + cairo_status_to_string(st));
    write_output_file(path, bytes.data(), bytes.size());
}

} // namespace sespm
