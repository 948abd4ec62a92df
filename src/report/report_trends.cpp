// report_trends.cpp: see report_trends.h.
#include "report/report_trends.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "rules/periods.h"
#include "map/evaluate.h"
#include "map/map_alt_text.h"
#include "print/pdf_tags.h"
#include "print/print_map.h"
#include "print/print_text.h"
#include "report/report_alt.h"
#include "report/report_parts.h"

namespace sespm {

namespace {

EvaluateOptions area_options(const ReportContext& c, Geography g) {
    EvaluateOptions o;
    o.geography = g;
    o.within = c.area_code;
    return o;
}


} // namespace

std::optional<AreaTrend> area_trend(const ReportContext& c, const std::string& layer_id) {
    if (!c.has_layer(layer_id)) return std::nullopt;
    const LayerSpec& spec = c.session.layer(layer_id);
    auto series = layer_series(*c.session.atlas, spec, area_options(c, c.area_geography));
    if (series.empty() || series[0].empty()) return std::nullopt;
    AreaTrend t;
    for (const auto& p : series[0]) {
        t.periods.push_back(p.period);
        t.counts.push_back(p.count);
    }
    t.latest = t.counts.back();
    t.half_year = change_by_date(t.periods, t.counts, t.periods.back(), 6);
    t.year = change_by_date(t.periods, t.counts, t.periods.back(), 12);
    return t;
}

std::string change_text(const AreaTrend& t) {
    auto part = [](const DatedChange& d, const char* span) {
        if (d.change) return signed_count(*d.change) + " on the " + span;
        // say which figure is missing: this period's, or the one it is compared with
        return std::string(span) + ": no figure for " + quarter_label(d.now ? d.since : d.period);
    };
    return part(t.half_year, "half-year") + ", " + part(t.year, "year");
}

void draw_sparkline(cairo_t* cr, const std::vector<std::optional<double>>& v, size_t n, double x, double y, double w, double h) {
    size_t from = v.size() > n ? v.size() - n : 0;
    double lo = 1e300, hi = -1e300;
    for (size_t i = from; i < v.size(); ++i) if (v[i]) { lo = std::min(lo, *v[i]); hi = std::max(hi, *v[i]); }
    if (lo > hi) return;
    if (hi == lo) hi = lo + 1;
    set_rgb(cr, 0x2166ac);
    cairo_set_line_width(cr, 0.9);
    bool drawing = false;
    size_t count = v.size() - from;
    for (size_t i = from; i < v.size(); ++i) {
        if (!v[i]) { drawing = false; continue; }  // a gap stays a gap
        double px = x + (count > 1 ? w * (i - from) / (count - 1) : 0), py = y + h - (*v[i] - lo) / (hi - lo) * h;
        if (drawing) cairo_line_to(cr, px, py);
        else cairo_move_to(cr, px, py);
        drawing = true;
    }
    cairo_stroke(cr);
}

// One line per series over every period (print/print_chart.h, as `sespm-map chart` draws it).
static void line_chart(ReportDoc& doc, const std::string& title, const std::vector<std::pair<std::string, AreaTrend>>& lines) {
    const double h = 230;
    doc.need(h + 30);
    cairo_t* cr = doc.cr();
    set_rgb(cr, 0x1a1a1a);
    {
        PdfTag h3(cr, "H3");
        print_text(cr, ReportDoc::kMargin, doc.y, doc.content_width(), title, "DejaVu Sans Bold 9");
    }
    ChartSeries chart;
    for (const auto& [name, t] : lines) chart.lines.push_back({"", name, t.periods, t.counts});
    doc.figure(trend_chart_alt(title, lines), [&] { draw_line_chart(cr, chart, ReportDoc::kMargin, doc.y + 16, doc.content_width(), h - 16); });
    doc.y += h + 12;
}

void trend_page(ReportDoc& doc, const ReportContext& c) {
    std::vector<std::pair<std::string, AreaTrend>> lines;
    for (const auto& [id, label] : std::vector<std::pair<std::string, std::string>>{{"asylum_supported", "All supported asylum seekers"},
                                                                                   {"dispersal", "In Section 95 dispersal accommodation"}})
        if (auto t = area_trend(c, id)) lines.push_back({label, *t});
    if (lines.empty()) return;
    doc.new_page("Trends", "Trends: " + c.area_name + ", every quarter");
    line_chart(doc, "People supported, " + lower_the(c.area_name) + " (as published each quarter)", lines);
    for (const auto& id : {"asylum_supported", "dispersal"}) {
        if (!c.has_layer(id)) continue;
        for (const auto& note : c.session.layer(id).breaks)
            draw_paragraph(doc, "Series break (" + c.session.layer(id).title + ", " + note.from + " to " + note.to + "): " + note.note,
                           "DejaVu Sans 7");
    }
    small_multiples(doc, c, 4);
}

void small_multiples(ReportDoc& doc, const ReportContext& c, int quarters) {
    if (!c.has_layer("dispersal")) return;
    const LayerSpec& spec = c.session.layer("dispersal");
    auto periods = layer_periods(*c.session.atlas, spec);
    if (periods.size() < static_cast<size_t>(quarters)) return;
    const double gap = 8;
    double w = (doc.content_width() - 130 - gap) / 2, h = w * 0.72;
    std::string title = "Dispersal against the limit, the last " + std::to_string(quarters) + " quarters (one legend: classes pooled over every quarter)";
    double title_h = text_height(doc.cr(), doc.content_width(), title, "DejaVu Sans Bold 9") + 6;
    double room = (doc.bottom() - doc.y - title_h - 2 * (gap + 10) - 10) / 2;  // a map's height that fits this page
    if (room < h && room >= 0.7 * h) {  // a little smaller, rather than a page of its own
        h = room;
        w = h / 0.72;
    }
    doc.need(title_h + 2 * (h + gap + 10) + 10);  // all of it, so the grid never runs into the footer
    set_rgb(doc.cr(), 0x1a1a1a);
    {
        PdfTag h3(doc.cr(), "H3");
        doc.y += print_text(doc.cr(), ReportDoc::kMargin, doc.y, doc.content_width(), title, "DejaVu Sans Bold 9") + 6;
    }
    MapView last;
    for (int k = 0; k < quarters; ++k) {
        MapRequest req;
        req.layer_id = "dispersal";
        req.within = c.area_code;
        req.period = periods[periods.size() - quarters + k];
        c.apply_region_classes(req);
        last = build_map_view(*c.session.atlas, c.session.layers, req);
        double x = ReportDoc::kMargin + (k % 2) * (w + gap), y = doc.y + (k / 2) * (h + gap + 10);
        PrintMapOptions mo;
        mo.labels = false;
        mo.north_arrow = k == 0;
        mo.scale_bar = k == 0;
        doc.figure(map_alt_text(last), [&] {
            draw_print_map(doc.cr(), c.session.geos, last, {x, y + 10, w, h}, mo);
            set_rgb(doc.cr(), 0x333333);
            print_text(doc.cr(), x, y, w, quarter_label(req.period), "DejaVu Sans Bold 7");
        });
    }
    {
        PdfTag legend(doc.cr(), "P");
        draw_print_legend(doc.cr(), last, ReportDoc::kMargin + 2 * w + gap + 10, doc.y + 10, 120);
    }
    doc.y += 2 * (h + gap + 10) + 10;
}

// "the largest rises in dispersal accommodation were in A (+9) and B (+4)", "the only fall was
// in C (-2)", "no district rose"; `l` sorted largest first, rises stored negated.
static std::string ranked_changes(const std::vector<std::pair<double, std::string>>& l, bool rise) {
    if (l.empty()) return rise ? "no district rose" : "none fell";
    std::string names;
    for (size_t i = 0; i < l.size() && i < 2; ++i)
        names += (i ? " and " : "") + l[i].second + " (" + signed_count(rise ? -l[i].first : l[i].first) + ")";
    if (l.size() == 1) return std::string(rise ? "the only rise in dispersal accommodation was in " : "the only fall was in ") + names;
    return std::string(rise ? "the largest rises in dispersal accommodation were in " : "the largest falls in ") + names;
}

std::vector<std::string> change_sentences(const ReportContext& c) {
    std::vector<std::string> out;
    if (!c.has_layer("dispersal")) return out;
    const LayerSpec& spec = c.session.layer("dispersal");
    auto series = layer_series(*c.session.atlas, spec, area_options(c, Geography::District));
    MapView v = c.layer_view("dispersal");
    std::vector<std::pair<double, std::string>> rises, falls;
    std::string period, since;
    bool compared = false;  // the year-before date has figures at all
    for (size_t a = 0; a < series.size() && a < v.result.rows.size(); ++a) {
        std::vector<std::string> periods;
        std::vector<std::optional<double>> counts;
        for (const auto& p : series[a]) {
            periods.push_back(p.period);
            counts.push_back(p.count);
        }
        if (periods.empty()) continue;
        DatedChange d = change_by_date(periods, counts, periods.back(), 12);
        period = d.period;
        since = d.since;
        compared |= d.published;
        if (d.change && *d.change > 0) rises.push_back({-*d.change, v.result.rows[a][1].text});
        if (d.change && *d.change < 0) falls.push_back({*d.change, v.result.rows[a][1].text});
    }
    if (period.empty()) return out;
    std::sort(rises.begin(), rises.end());
    std::sort(falls.begin(), falls.end());
    std::string span = "From " + quarter_label(since) + " to " + quarter_label(period) + ", ";
    if (!compared) out.push_back("There are no dispersal figures for " + quarter_label(since) + " to compare " + quarter_label(period) + " with.");
    else if (rises.empty() && falls.empty()) out.push_back(span + "no district's number in dispersal accommodation changed.");
    else out.push_back(span + ranked_changes(rises, true) + "; " + ranked_changes(falls, false) + ".");
    return out;
}

} // namespace sespm
