// report_table.cpp: draw_table (report_parts.h), tables that read. Columns are sized from what
// they hold, so every heading word and every figure fits its column (the type shrinks a step at
// a time when the page is too narrow for them all); headings wrap between words, never inside
// one, and the heading row is as tall as its tallest heading; names print in full (smaller type,
// then a second line, only then an ellipsis); figures are right-aligned with thousands separators.
// Each page's part of a long table is its own tagged Table (TR, TH, TD) under its own heading row,
// so the page furniture between the parts stays outside the table.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <numeric>
#include <optional>
#include <sstream>
#include <utility>
#include <vector>

#include "print/pdf_tags.h"
#include "print/print_text.h"
#include "report/report_parts.h"
#include "report/report_trends.h"

namespace sespm {

namespace {

constexpr double kPad = 3;               // each side of a cell: 6 points between columns
constexpr double kHeadSize = 6.5;        // heading type, before any shrinking
constexpr double kSparkMin = 40;         // a sparkline column's least width

// "DejaVu Sans 6.44": pango reads a size with few decimals (std::to_string's six it does not).
std::string font_of(const std::string& family, double size) {
    char s[32];
    std::snprintf(s, sizeof s, " %.2f", size);
    return family + s;
}

struct TableLayout {
    std::vector<double> widths;          // points
    std::vector<bool> right;             // figures: right-aligned
    std::string family, head_font;
    double size = 7, scale = 1;
    double spacing = 8;                  // one line of body type, as pango sets it (ascent to descent)
    TextCells* measure = nullptr;        // every width, height and cell of text
    std::string body(double f = 1) const { return font_of(family, size * scale * f); }
    double line_h() const { return spacing + 0.6; }   // a row of one line
};

std::vector<std::string> words_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

std::string cell_text(const Cell& c) { return c.is_text || c.num ? c.display() : "–"; }

// Narrows the columns wider than `floor` in proportion to their slack until they add up to `total`.
void shrink_to(std::vector<double>& w, const std::vector<double>& floor, double total) {
    double sum = std::accumulate(w.begin(), w.end(), 0.0), slack = 0;
    for (size_t c = 0; c < w.size(); ++c) slack += w[c] - floor[c];
    if (sum <= total || slack <= 0) return;
    double k = std::min(1.0, (sum - total) / slack);
    for (size_t c = 0; c < w.size(); ++c) w[c] -= (w[c] - floor[c]) * k;
}

// What each column holds, measured once at full size (widths scale with the type): its longest
// heading word; its widest figure or its widest name and that name's longest word.
struct ColumnMeasures {
    double head_word = 0, full = 0, word = 0;
};

std::vector<ColumnMeasures> measure_columns(const TablePart& t, const TableLayout& l) {
    std::vector<ColumnMeasures> m(t.headings.size());
    std::string head = font_of("DejaVu Sans Bold", kHeadSize), body = font_of(l.family, l.size);
    for (size_t c = 0; c < m.size(); ++c) {
        for (const auto& w : words_of(t.headings[c])) m[c].head_word = std::max(m[c].head_word, l.measure->width(w, head));
        if (static_cast<int>(c) == t.spark_column) { m[c].full = m[c].word = kSparkMin; continue; }
        size_t longest = 0;   // figures: DejaVu's digits are all one width, so only the longest few are measured
        for (const auto& r : t.rows) if (c < r.size() && l.right[c]) longest = std::max(longest, cell_text(r[c]).size());
        for (const auto& r : t.rows) {
            if (c >= r.size()) continue;
            std::string s = cell_text(r[c]);
            if (l.right[c] && s.size() + 1 < longest) continue;
            double full = l.measure->width(s, body);
            m[c].full = std::max(m[c].full, full);
            if (l.right[c] || full <= m[c].word) m[c].word = std::max(m[c].word, full);
            else for (const auto& w : words_of(s)) m[c].word = std::max(m[c].word, l.measure->width(w, body));
        }
    }
    return m;
}

// What column c needs at l.scale: `hard` (a heading word, a figure, a name's longest word) and
// `want` (every name on one line too).
void column_needs(const ColumnMeasures& m, const TableLayout& l, double& hard, double& want) {
    hard = std::max(m.head_word, m.word) * l.scale + 2 * kPad + 0.5;
    want = std::max(m.head_word, m.full) * l.scale + 2 * kPad + 0.5;
}

size_t first_text_column(const TableLayout& l) {
    for (size_t c = 0; c < l.right.size(); ++c) if (!l.right[c]) return c;
    return l.right.size();
}

// Column widths at l.scale: each column what it wants, then narrowed while the total is too wide:
// first the slack over one line, then the later text columns (a note wraps before a name does),
// then every column down to its longest word or figure. False when even those do not fit.
bool widths_at(const TablePart& t, const std::vector<ColumnMeasures>& m, double total, TableLayout& l) {
    size_t n = t.headings.size();
    std::vector<double> hard(n), want(n), w(n);
    for (size_t c = 0; c < n; ++c) {
        column_needs(m[c], l, hard[c], want[c]);
        w[c] = std::max(want[c], (t.widths.size() == n ? t.widths[c] : 1.0 / n) * total);
    }
    shrink_to(w, want, total);
    std::vector<double> keep_names = hard;
    size_t name = first_text_column(l);
    if (name < n) keep_names[name] = std::max(hard[name], std::min(want[name], w[name]));
    shrink_to(w, keep_names, total);
    shrink_to(w, hard, total);
    double sum = std::accumulate(w.begin(), w.end(), 0.0);
    for (auto& x : w) x *= total / sum;   // fills the width exactly (or squeezes the last resort)
    l.widths = w;
    l.spacing = l.measure->words_height(0, "Ag", l.body());
    return std::accumulate(hard.begin(), hard.end(), 0.0) <= total;
}

// Every text cell fits in two lines at these widths (so none is cut with an ellipsis).
bool text_fits(const TablePart& t, const TableLayout& l, int lines) {
    for (const auto& r : t.rows)
        for (size_t c = 0; c < r.size() && c < l.widths.size(); ++c) {
            if (l.right[c] || static_cast<int>(c) == t.spark_column) continue;
            double cw = l.widths[c] - 2 * kPad;
            std::string s = cell_text(r[c]);
            if (l.measure->width(s, l.body(0.88)) <= cw) continue;
            if (lines < 2 || l.measure->words_height(cw, s, l.body()) > 2 * l.spacing + 0.5) return false;
        }
    return true;
}

// A name cell: in full on one line, else in smaller type, else on two lines. Returns its lines.
int name_lines(const TableLayout& l, double cw, const std::string& s, std::string& font) {
    font = l.body();
    if (l.measure->width(s, font) <= cw) return 1;
    if (l.measure->width(s, l.body(0.88)) <= cw) { font = l.body(0.88); return 1; }
    return 2;
}

double row_height(const TableLayout& l, const std::vector<std::string>& cells) {
    int lines = 1;
    std::string font;
    for (size_t c = 0; c < cells.size(); ++c)
        if (!l.right[c]) lines = std::max(lines, name_lines(l, l.widths[c] - 2 * kPad, cells[c], font));
    return l.line_h() + (lines - 1) * (l.spacing + 0.8);
}

double heading_height(const TablePart& t, const TableLayout& l) {
    double h = 0;
    for (size_t c = 0; c < t.headings.size(); ++c)
        h = std::max(h, l.measure->words_height(l.widths[c] - 2 * kPad, t.headings[c], l.head_font));
    return h + 4;
}

double table_height(const TablePart& t, const TableLayout& l, const std::vector<std::vector<std::string>>& cells) {
    double h = heading_height(t, l);
    for (const auto& r : cells) h += row_height(l, r);
    return h;
}

// The largest type at which every heading word and figure fits its column and every text cell
// fits one line (down to 85%), else two lines (down to 72%); when the table would spill a few
// rows past `room` (a twelve-row table with a wrapped note left two rows on a page of their
// own), the largest of those that fits it, down to type of 5.4 (pango sets 7.2 pt on the page).
TableLayout plan(TextCells& measure, const TablePart& t, const std::vector<std::vector<std::string>>& cells, double total, double room) {
    size_t n = t.headings.size();
    TableLayout l;
    l.right.assign(n, false);
    for (const auto& r : t.rows)
        for (size_t c = 0; c < r.size() && c < n; ++c) if (!r[c].is_text && r[c].num) l.right[c] = true;
    size_t cut = t.font.find_last_of(' ');
    l.family = t.font.substr(0, cut);
    l.size = cut == std::string::npos ? 7 : std::stod(t.font.substr(cut + 1));
    l.measure = &measure;
    std::vector<ColumnMeasures> m = measure_columns(t, l);
    std::optional<TableLayout> first;
    for (auto [scale, lines] : std::vector<std::pair<double, int>>{{1.0, 1}, {0.92, 1}, {0.85, 1}, {1.0, 2}, {0.92, 2}, {0.85, 2}, {0.78, 2}, {0.72, 2}}) {
        l.scale = scale;
        l.head_font = font_of("DejaVu Sans Bold", kHeadSize * scale);
        if (!widths_at(t, m, total, l) || !text_fits(t, l, lines)) continue;
        if (first && l.size * scale < 5.4) break;   // no type under 5.4 (7.2 pt on the page) only to save one
        double h = table_height(t, l, cells);
        if (h <= room) return l;
        if (!first) first = l;
        if (h > 1.25 * room) break;         // well over: it continues on the next page anyway
    }
    return first ? *first : l;
}

void rule(ReportDoc& doc, bool heading) {
    cairo_t* cr = doc.cr();
    set_rgb(cr, heading ? 0x999999 : 0xe4e4e4);
    cairo_set_line_width(cr, heading ? 0.6 : 0.3);
    cairo_move_to(cr, ReportDoc::kMargin, doc.y);
    cairo_line_to(cr, ReportDoc::kMargin + doc.content_width(), doc.y);
    cairo_stroke(cr);
}

void heading_row(ReportDoc& doc, const TablePart& t, const TableLayout& l, double h) {
    cairo_t* cr = doc.cr();
    {
        PdfTag tr(cr, "TR");
        double x = ReportDoc::kMargin;
        for (size_t c = 0; c < t.headings.size(); ++c) {
            PdfTag th(cr, "TH");
            set_rgb(cr, 0x333333);
            l.measure->draw(x + kPad, doc.y + 1.5, l.widths[c] - 2 * kPad, t.headings[c], l.head_font,
                            l.right[c] ? Align::Right : Align::Left, 0);
            x += l.widths[c];
        }
    }
    doc.y += h;
    rule(doc, true);
}

void body_row(ReportDoc& doc, const TablePart& t, const TableLayout& l, size_t k, const std::vector<std::string>& cells, double h) {
    cairo_t* cr = doc.cr();
    // Text sits in the middle of its row, its descenders clear of the rule below.
    auto top = [&](int lines) { return doc.y + (h - lines * l.spacing) / 2 + 0.1; };
    {
        PdfTag tr(cr, "TR");
        double x = ReportDoc::kMargin;
        for (size_t c = 0; c < cells.size(); ++c) {
            PdfTag td(cr, "TD");
            double cw = l.widths[c] - 2 * kPad;
            set_rgb(cr, 0x1a1a1a);
            if (static_cast<int>(c) == t.spark_column && k < t.sparks.size())
                draw_sparkline(cr, t.sparks[k], 12, x + 4, doc.y + 2, l.widths[c] - 8, h - 4);
            else if (l.right[c]) l.measure->draw(x + kPad, top(1), cw, cells[c], l.body(), Align::Right, 1);
            else {
                std::string font;
                int lines = name_lines(l, cw, cells[c], font);
                double small = font == l.body() ? 0 : (l.spacing - l.measure->words_height(0, "Ag", font)) / 2;   // smaller type, same middle
                l.measure->draw(x + kPad, top(lines) + small, cw, cells[c], font, Align::Left, lines);
            }
            x += l.widths[c];
        }
    }
    doc.y += h;
    rule(doc, false);
}


std::vector<std::vector<std::string>> cells_of(const TablePart& t) {
    std::vector<std::vector<std::string>> out;
    for (const auto& r : t.rows) {
        std::vector<std::string> cells;
        for (const auto& c : r) cells.push_back(cell_text(c));
        cells.resize(t.headings.size());
        if (t.spark_column >= 0 && static_cast<size_t>(t.spark_column) < cells.size()) cells[t.spark_column] = "";
        out.push_back(cells);
    }
    return out;
}

} // namespace

void draw_table(ReportDoc& doc, const TablePart& t) {
    cairo_t* cr = doc.cr();
    TextCells measure(cr);
    std::vector<std::vector<std::string>> cells = cells_of(t);
    TableLayout l = plan(measure, t, cells, doc.content_width(), doc.bottom() - doc.y);
    double head_h = heading_height(t, l);
    doc.need(head_h + l.line_h() * std::min<size_t>(3, t.rows.size()));
    auto table = std::make_unique<PdfTag>(cr, "Table");
    heading_row(doc, t, l, head_h);
    for (size_t k = 0; k < t.rows.size(); ++k) {
        double h = row_height(l, cells[k]);
        if (doc.y + h > doc.bottom()) {
            table.reset();               // this page's part ends here; the next page's has its own headings
            doc.need(doc.bottom());      // forces a new page
            table = std::make_unique<PdfTag>(cr, "Table");
            heading_row(doc, t, l, head_h);
        }
        body_row(doc, t, l, k, cells[k], h);
    }
    table.reset();
    doc.y += 8;
}

} // namespace sespm
