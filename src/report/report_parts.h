// report_parts.h: the building blocks of report pages, drawn at the document's cursor: tables
// of cells (numbers right-aligned, thousands separators, long tables continued on the next
// page), a ranked dot chart with a limit line, headline figure tiles coloured red/amber/green by
// the domain rules, paragraphs and bulleted lists. Each is tagged for a tagged PDF (Table, Figure
// with the alt text its page builder wrote, P, L/LI).
#pragma once
#include "print/print_chart.h"
#include <optional>
#include <string>
#include <vector>

#include "rules/cell.h"
#include "report/report_doc.h"

namespace sespm {

struct TablePart {
    std::vector<std::string> headings;
    std::vector<std::vector<Cell>> rows;
    std::vector<double> widths;          // fractions of the content width (default: equal)
    std::string font = "DejaVu Sans 7";
    int spark_column = -1;               // a column drawn as each row's sparkline (last 12 periods)
    std::vector<std::vector<std::optional<double>>> sparks;   // per row
};
void draw_table(ReportDoc& doc, const TablePart& t);

struct DotChartPart {
    std::string title, axis;             // e.g. "Share of the cluster limit (%)"
    std::vector<std::pair<std::string, std::optional<double>>> items;   // name, value (ranked here)
    double limit = 100;                  // a vertical line (the limit), 0 for none
    std::string limit_label = "limit";
    std::string alt;                     // the Figure's alternative text (what it shows, its largest values)
};
void draw_dot_chart(ReportDoc& doc, const DotChartPart& c);

enum class Rag { Red, Amber, Green, None };
struct Headline {
    std::string label, value, detail;
    Rag rag = Rag::None;
    std::vector<std::optional<double>> spark;   // the series behind it (last 12 drawn), if any
};
void draw_headlines(ReportDoc& doc, const std::vector<Headline>& items);

void draw_paragraph(ReportDoc& doc, const std::string& text, const std::string& font = "DejaVu Sans 9");
// A bulleted list (L, LI: the bullet as Lbl, the sentence as LBody), each item wrapped beside its bullet.
void draw_list(ReportDoc& doc, const std::vector<std::string>& items, const std::string& font = "DejaVu Sans 9");

// Words for the pages' sentences: "1 provider", "39 providers" (thousands separated); an area's
// name inside a sentence ("The South East" -> "the South East").
std::string count_phrase(long n, const std::string& noun);
std::string lower_the(const std::string& area_name);

} // namespace sespm
