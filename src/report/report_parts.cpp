// report_parts.cpp: see report_parts.h (tables: report_table.cpp).
#include "report/report_parts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "print/pdf_tags.h"
#include "print/print_text.h"
#include "report/report_trends.h"

namespace sespm {

static void dot_chart_body(ReportDoc& doc, const DotChartPart& c, const std::vector<std::pair<std::string, std::optional<double>>>& items,
                           double top) {
    cairo_t* cr = doc.cr();
    const double row = 8.2, label_w = 120;
    double x0 = ReportDoc::kMargin + label_w, w = doc.content_width() - label_w - 10, y0 = doc.y + top;
    double max = c.limit;
    for (const auto& [n, v] : items) if (v) max = std::max(max, *v);
    double step = nice_step(max, 5), top_v = std::ceil(max / step) * step;
    auto px = [&](double v) { return x0 + v / top_v * w; };
    set_rgb(cr, 0x888888);
    for (double v = 0; v <= top_v + 1e-9; v += step) {
        char t[32];
        std::snprintf(t, sizeof t, "%g", v);
        print_text(cr, px(v) - 15, y0 - 11, 30, t, "DejaVu Sans 6", Align::Centre);
        set_rgb(cr, 0xeeeeee);
        cairo_set_line_width(cr, 0.4);
        cairo_move_to(cr, px(v), y0);
        cairo_line_to(cr, px(v), y0 + row * items.size());
        cairo_stroke(cr);
        set_rgb(cr, 0x888888);
    }
    if (c.limit > 0) {
        set_rgb(cr, 0xb2182b);
        cairo_set_line_width(cr, 0.9);
        cairo_move_to(cr, px(c.limit), y0 - 2);
        cairo_line_to(cr, px(c.limit), y0 + row * items.size());
        cairo_stroke(cr);
        print_text(cr, px(c.limit) + 2, y0 + row * items.size() + 1, 80, c.limit_label, "DejaVu Sans 6");
    }
    for (size_t k = 0; k < items.size(); ++k) {
        double y = y0 + row * k + row / 2;
        set_rgb(cr, 0x333333);
        print_text(cr, ReportDoc::kMargin, y - 4, label_w - 6, items[k].first, "DejaVu Sans 5.8", Align::Right);
        if (!items[k].second) { print_text(cr, x0 + 2, y - 4, 200, "no published figure", "DejaVu Sans Oblique 5.8"); continue; }
        double v = *items[k].second;
        set_rgb(cr, c.limit > 0 && v > c.limit ? 0xb2182b : c.limit > 0 && v >= 0.9 * c.limit ? 0xe08214 : 0x2166ac);
        cairo_arc(cr, px(v), y, 2.3, 0, 2 * M_PI);
        cairo_fill(cr);
    }
    set_rgb(cr, 0x555555);
    print_text(cr, x0, y0 + row * items.size() + 8, w, c.axis, "DejaVu Sans 6.5", Align::Centre);
}


void draw_dot_chart(ReportDoc& doc, const DotChartPart& c) {
    auto items = c.items;
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
        if (!a.second || !b.second) return a.second.has_value() && !b.second.has_value();
        return *a.second > *b.second;
    });
    const double row = 8.2, top = 24;
    double h = top + row * items.size() + 18;
    doc.need(h);
    cairo_t* cr = doc.cr();
    set_rgb(cr, 0x1a1a1a);
    {
        PdfTag h3(cr, "H3");
        print_text(cr, ReportDoc::kMargin, doc.y, doc.content_width(), c.title, "DejaVu Sans Bold 9");
    }
    doc.figure(c.alt, [&] { dot_chart_body(doc, c, items, top); });
    doc.y += h + 6;
}

void draw_headlines(ReportDoc& doc, const std::vector<Headline>& items) {
    const int per_row = 2;
    const double gap = 8, tile_h = 62, tile_w = (doc.content_width() - gap * (per_row - 1)) / per_row;
    cairo_t* cr = doc.cr();
    for (size_t i = 0; i < items.size(); ++i) {
        if (i % per_row == 0) { doc.need(tile_h + gap); }
        double x = ReportDoc::kMargin + (i % per_row) * (tile_w + gap), y = doc.y;
        unsigned band = items[i].rag == Rag::Red ? 0xb2182b : items[i].rag == Rag::Amber ? 0xe08214 : items[i].rag == Rag::Green ? 0x1b7837 : 0x999999;
        set_rgb(cr, 0xf5f5f3);
        cairo_rectangle(cr, x, y, tile_w, tile_h);
        cairo_fill(cr);
        set_rgb(cr, band);
        cairo_rectangle(cr, x, y, 5, tile_h);
        cairo_fill(cr);
        // label, figure and detail are three paragraphs; the tile, its band and sparkline are decoration
        double label_h = 0;
        set_rgb(cr, 0x444444);
        tagged(cr, "P", [&] { label_h = print_text(cr, x + 12, y + 6, tile_w - 18, items[i].label, "DejaVu Sans 7.5"); });
        set_rgb(cr, 0x111111);
        tagged(cr, "P", [&] { print_text(cr, x + 12, y + 8 + std::max(10.0, label_h), tile_w - 100, items[i].value, "DejaVu Sans Bold 16"); });
        set_rgb(cr, 0x555555);
        tagged(cr, "P", [&] { print_text(cr, x + 12, y + 42, tile_w - 18, items[i].detail, "DejaVu Sans 6.5"); });
        if (!items[i].spark.empty()) draw_sparkline(cr, items[i].spark, 12, x + tile_w - 80, y + 20, 70, 18);
        if (i % per_row == per_row - 1 || i + 1 == items.size()) doc.y += tile_h + gap;
    }
    doc.y += 4;
}

void draw_paragraph(ReportDoc& doc, const std::string& text, const std::string& font) {
    double h = text_height(doc.cr(), doc.content_width(), text, font);
    doc.need(h + 4);
    set_rgb(doc.cr(), 0x1a1a1a);
    PdfTag p(doc.cr(), "P");
    doc.y += print_text(doc.cr(), ReportDoc::kMargin, doc.y, doc.content_width(), text, font) + 5;
}

std::string count_phrase(long n, const std::string& noun) {
    return Cell::of_num(static_cast<double>(n), 0).display() + " " + noun + (n == 1 ? "" : "s");
}

std::string lower_the(const std::string& area_name) {
    return area_name.rfind("The ", 0) == 0 ? "the " + area_name.substr(4) : area_name;
}

void draw_list(ReportDoc& doc, const std::vector<std::string>& items, const std::string& font) {
    cairo_t* cr = doc.cr();
    const double indent = 10;
    auto list = std::make_unique<PdfTag>(cr, "L");
    for (const auto& item : items) {
        double h = text_height(cr, doc.content_width() - indent, item, font);
        if (doc.y + h + 4 > doc.bottom()) {
            list.reset();                 // each page's part of the list is its own L
            doc.need(h + 4);
            list = std::make_unique<PdfTag>(cr, "L");
        }
        set_rgb(cr, 0x1a1a1a);
        PdfTag li(cr, "LI");
        {
            PdfTag lbl(cr, "Lbl");
            print_text(cr, ReportDoc::kMargin, doc.y, indent, "•", font);
        }
        PdfTag body(cr, "LBody");
        doc.y += print_text(cr, ReportDoc::kMargin + indent, doc.y, doc.content_width() - indent, item, font) + 5;
    }
}

} // namespace sespm
