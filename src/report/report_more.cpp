// report_more.cpp: the later pages of the board report (see report_pages.h): ESOL providers over
// the districts, a scenario or comparison, sources and definitions, and the annex table.
#include <algorithm>

#include "outputs/attribution.h"
#include "map/map_alt_text.h"
#include "map/programmes.h"
#include "print/pdf_tags.h"
#include "print/print_map.h"
#include "print/print_text.h"
#include "report/report_pages.h"
#include "report/report_parts.h"

namespace sespm {

void esol_page(ReportDoc& doc, const ReportContext& c) {
    const LayerSpec* esol = nullptr;
    for (const auto& l : c.session.layers) if (l.kind == LayerKind::Points) esol = &l;
    if (!esol) return;
    MapRequest req;
    req.layer_id = "dispersal";
    req.within = c.area_code;
    req.points_layer = esol->id;
    c.apply_region_classes(req);  // the dispersal page's colours, as the page says
    MapView v = build_map_view(*c.session.atlas, c.session.layers, req);
    doc.new_page("ESOL providers", esol->title);
    draw_paragraph(doc, esol->description, "DejaVu Sans 8");
    MapView counts = c.layer_view(esol->id);
    double in_area = 0;  // the providers in the pack's own area (the map may show some beyond it)
    int count_col = column_index(counts.result.columns, counts.result.spec.points_count_column);  // providers per district
    for (const auto& r : counts.result.rows)
        if (count_col >= 0 && r[count_col].num) in_area += *r[count_col].num;
    doc.need(340);
    double legend_w = 130, map_w = doc.content_width() - legend_w - 10, lx = ReportDoc::kMargin + map_w + 10;
    doc.figure(map_alt_text(v, 3, static_cast<size_t>(in_area)),
               [&] { draw_print_map(doc.cr(), c.session.geos, v, {ReportDoc::kMargin, doc.y, map_w, 330}, c.map_options()); });
    {
        PdfTag legend(doc.cr(), "P");
        double ly = doc.y + draw_print_legend(doc.cr(), v, lx, doc.y, legend_w) + 6;
        draw_point_marker(doc.cr(), lx + 6, ly + 5);
        set_rgb(doc.cr(), 0x222222);
        print_text(doc.cr(), lx + 16, ly, legend_w - 16, "An ESOL provider", "DejaVu Sans 7");
    }
    doc.y += 340;
    draw_paragraph(doc, count_phrase(static_cast<long>(in_area), "provider") + " in " + lower_the(c.area_name) +
                        ", each a blue dot with a white ring over the districts, which are coloured by their share of the "
                        "cluster limit (the legend of the dispersal page).", "DejaVu Sans 8");
    TablePart t;
    for (const auto& col : counts.result.columns) if (col != "code") t.headings.push_back(column_title(col));
    t.widths = {0.3, 0.12, 0.43, 0.15};
    for (const auto& r : counts.result.rows) t.rows.push_back(std::vector<Cell>(r.begin() + 1, r.end()));
    draw_table(doc, t);
}

void programmes_page(ReportDoc& doc, const ReportContext& c) {
    ProgrammesTable p = programmes_table(c.session, Geography::District, c.area_code);
    doc.new_page("Resettlement programmes", "Resettlement programmes side by side");
    draw_paragraph(doc, "Each district's older resettlement schemes (VPRS, VCRS, UKRS arrivals, cumulative), Homes for Ukraine "
                        "arrivals and people on the Afghan Resettlement Programme, with those still in transitional accommodation "
                        "(what councils must move people out of). Per 10,000 residents (ONS mid-2024).", "DejaVu Sans 8");
    for (const auto& d : p.as_at) draw_paragraph(doc, "As at: " + d, "DejaVu Sans 7");
    TablePart t;
    t.headings = {"District", "Older schemes", "per 10,000", "Homes for Ukraine", "per 10,000", "Afghan", "per 10,000", "in transitional"};
    t.widths = {0.24, 0.11, 0.09, 0.13, 0.09, 0.1, 0.09, 0.15};
    for (const auto& r : p.rows) {
        std::vector<Cell> row{r[1]};
        row.insert(row.end(), r.begin() + 3, r.end());
        row.resize(t.headings.size(), Cell::of_num(std::nullopt, 0));
        t.rows.push_back(row);
    }
    t.font = "DejaVu Sans 6.5";
    draw_table(doc, t);
}

void scenario_page(ReportDoc& doc, const ReportContext& c, const MapView& v, const std::string& heading) {
    doc.new_page(heading, heading);
    doc.need(370);
    double legend_w = 130, map_w = doc.content_width() - legend_w - 10;
    doc.figure(map_alt_text(v), [&] { draw_print_map(doc.cr(), c.session.geos, v, {ReportDoc::kMargin, doc.y, map_w, 360}, c.map_options()); });
    {
        PdfTag legend(doc.cr(), "P");
        draw_print_legend(doc.cr(), v, ReportDoc::kMargin + map_w + 10, doc.y, legend_w);
    }
    doc.y += 372;
    TablePart t;
    for (const auto& col : v.result.columns) if (col != "code") t.headings.push_back(column_title(col));
    for (const auto& r : v.result.rows) t.rows.push_back(std::vector<Cell>(r.begin() + 1, r.end()));
    t.font = "DejaVu Sans 6";
    draw_table(doc, t);
}

void sources_page(ReportDoc& doc, const ReportContext& c) {
    doc.new_page("Sources and definitions", "Sources and definitions");
    draw_paragraph(doc, "Definitions", "DejaVu Sans Bold 10");
    draw_paragraph(doc, "Cluster limit: an advisory ceiling of 1 asylum seeker in dispersal accommodation per 200 settled residents, "
                        "applied per local authority (Home Office, in force since 2000): limit = floor(population / 200). "
                        "Near the limit: 90% of it or more. A group (county, LEP, sub-region, region) sums its districts' counts "
                        "and populations and recomputes the rates; its cluster limit is the sum of its districts' limits, so a "
                        "table's rows add up to its total.", "DejaVu Sans 8");
    draw_paragraph(doc, "Change on the quarter, half-year or year: against the figure 3, 6 or 12 months before, by date. Where "
                        "that date has no published figure the report says so and compares with no other date.", "DejaVu Sans 8");
    draw_paragraph(doc, "National Transfer Scheme: a council is over its share when its looked-after unaccompanied asylum-seeking "
                        "children exceed 0.1% of its child population (0.07% before August 2022).", "DejaVu Sans 8");
    draw_paragraph(doc, "No published figure: the Home Office tables publish no zero rows, so a district with no row is shown and "
                        "counted as missing, never as zero; group totals sum the districts that have a figure.", "DejaVu Sans 8");
    draw_paragraph(doc, "Sources", "DejaVu Sans Bold 10");
    draw_paragraph(doc, "Boundaries: " + boundary_attribution(c.session.data_dir), "DejaVu Sans 7");
    for (const auto& l : c.session.layers)
        draw_paragraph(doc, l.title + " (" + l.period + "): " + l.attribution, "DejaVu Sans 7");
}

void annex_page(ReportDoc& doc, const ReportContext& c) {
    MapView v = c.layer_view("dispersal");
    doc.new_page("Annex: every district", "Annex: every district");
    draw_paragraph(doc, v.title + ", " + v.subtitle + ". Districts in the order of the boundary file.", "DejaVu Sans 8");
    TablePart t;
    for (const auto& col : v.result.columns) t.headings.push_back(column_title(col));
    t.widths = {0.12, 0.22, 0.1, 0.09, 0.08, 0.1, 0.09, 0.11, 0.09};
    t.rows = v.result.rows;
    t.font = "DejaVu Sans 6.2";
    draw_table(doc, t);
}

} // namespace sespm
