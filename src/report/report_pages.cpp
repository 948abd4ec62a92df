// report_pages.cpp: see report_pages.h. The cover with headline figures and computed sentences,
// the dispersal, sub-region and layer pages.
#include "report/report_pages.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "map/map_alt_text.h"
#include "print/pdf_tags.h"
#include "print/print_map.h"
#include "print/print_text.h"
#include "map/evaluate.h"
#include "rules/measures.h"
#include "report/report_alt.h"
#include "report/report_parts.h"
#include "report/report_trends.h"

namespace sespm {

MapView ReportContext::layer_view(const std::string& layer_id, Geography g) const {
    if (auto it = views.find({layer_id, g}); it != views.end()) return it->second;
    MapRequest req;
    req.layer_id = layer_id;
    req.geography = g;
    req.within = area_code;
    req.user_values = session.user_values();
    apply_region_classes(req);
    return views.emplace(std::make_pair(layer_id, g), build_map_view(*session.atlas, session.layers, req)).first->second;
}

void ReportContext::apply_region_classes(MapRequest& req) const {
    if (area_code == kRegionCode) return;
    req.classes_within = std::string(kRegionCode);
    req.classes_within_name = "the South East";
}

bool ReportContext::has_layer(const std::string& id) const {
    for (const auto& l : session.layers) if (l.id == id) return true;
    return false;
}

namespace {

const Cell* cell(const MapView& v, size_t row, const std::string& col) {
    int c = column_index(v.result.columns, col);
    return c < 0 || row >= v.result.rows.size() ? nullptr : &v.result.rows[row][c];
}

std::string shown(const MapView& v, size_t row, const std::string& col) {
    const Cell* c = cell(v, row, col);
    return c && (c->is_text || c->num) ? c->display() : "no published figure";
}

// The names of the rows whose status column says `status`.
std::vector<std::string> with_status(const MapView& v, const std::string& status) {
    std::vector<std::string> out;
    for (size_t r = 0; r < v.result.rows.size(); ++r) {
        const Cell* c = cell(v, r, v.result.spec.status_column);
        if (c && c->text == status) out.push_back(v.result.rows[r][1].text);
    }
    return out;
}

std::string join_names(const std::vector<std::string>& names, size_t most = 8) {
    std::string out;
    for (size_t i = 0; i < names.size() && i < most; ++i) out += (i ? (i + 1 == names.size() ? " and " : ", ") : "") + names[i];
    if (names.size() > most) out += " and " + std::to_string(names.size() - most) + " more";
    return out;
}

Rag rag_of(const std::string& status) {
    return status == "over" ? Rag::Red : status == "near" ? Rag::Amber : status == "under" ? Rag::Green : Rag::None;
}

// The map of a view on the left (a Figure with `alt`), its legend on the right.

} // namespace

void map_with_legend(ReportDoc& doc, const ReportContext& c, const MapView& v, double height, const std::string& alt) {
    doc.need(height + 10);
    double legend_w = 130, map_w = doc.content_width() - legend_w - 10;
    doc.figure(alt, [&] { draw_print_map(doc.cr(), c.session.geos, v, {ReportDoc::kMargin, doc.y, map_w, height}, c.map_options()); });
    PdfTag legend(doc.cr(), "P");
    double ly = doc.y;
    ly += draw_print_legend(doc.cr(), v, ReportDoc::kMargin + map_w + 10, ly, legend_w) + 8;
    set_rgb(doc.cr(), 0x555555);
    print_text(doc.cr(), ReportDoc::kMargin + map_w + 10, ly, legend_w, v.subtitle, "DejaVu Sans 6.5");
    doc.y += height + 12;
}

static std::vector<Headline> headlines(const ReportContext& c, const MapView& districts) {
    std::vector<Headline> out;
    MapView area = c.layer_view("dispersal", c.area_geography);
    if (auto t = area_trend(c, "asylum_supported")) {
        MapView sup = c.layer_view("asylum_supported", c.area_geography);
        if (!sup.result.rows.empty())
            out.push_back({"All supported asylum seekers, " + quarter_label(sup.result.period), shown(sup, 0, sup.result.spec.count_column),
                           change_text(*t), Rag::None, t->counts});
    }
    if (!area.result.rows.empty()) {
        auto t = area_trend(c, "dispersal");
        out.push_back({"In dispersal accommodation, " + quarter_label(area.result.period), shown(area, 0, "dispersed"),
                       shown(area, 0, "per_10k") + " per 10,000 residents" + (t ? "; " + change_text(*t) : ""), Rag::None,
                       t ? t->counts : std::vector<std::optional<double>>{}});
        const Cell* st = cell(area, 0, "status");
        out.push_back({"Share of the cluster limit (" + current_limit_rule(area.result.spec) + ")", shown(area, 0, "share_of_limit_pct") + "%",
                       "limit " + shown(area, 0, "cluster_limit") + " places (the sum of the districts' limits), headroom " + shown(area, 0, "headroom"),
                       rag_of(st ? st->text : ""), {}});
    }
    auto over = with_status(districts, "over"), near = with_status(districts, "near");
    out.push_back({"Districts over / near their cluster limit", std::to_string(over.size()) + " / " + std::to_string(near.size()),
                   "of " + std::to_string(districts.result.rows.size()) + " districts; near = 90% or more",
                   !over.empty() ? Rag::Red : !near.empty() ? Rag::Amber : Rag::Green, {}});
    if (c.has_layer("uasc")) {
        MapView u = c.layer_view("uasc", c.area_geography);
        if (!u.result.rows.empty()) {
            const Cell* st = cell(u, 0, "status");
            out.push_back({"Unaccompanied children (NTS)", shown(u, 0, "uasc"),
                           shown(u, 0, "share_of_threshold_pct") + "% of the 0.1% threshold (" + shown(u, 0, "nts_threshold") + ")",
                           rag_of(st ? st->text : ""), {}});
        }
    }
    if (c.has_layer("resettlement")) {
        MapView r = c.layer_view("resettlement", c.area_geography);
        if (!r.result.rows.empty())
            out.push_back({"Resettlement arrivals, 2014 to 2024", shown(r, 0, "arrivals"), shown(r, 0, "arrivals_per_10k") + " per 10,000 residents", Rag::None, {}});
    }
    return out;
}

static std::vector<std::string> sentences(const ReportContext& c, const MapView& d) {
    std::vector<std::string> out;
    auto over = with_status(d, "over"), near = with_status(d, "near");
    out.push_back(over.empty() ? "No district is over its cluster limit (1 asylum seeker in dispersal accommodation per 200 residents)."
                               : std::to_string(over.size()) + " district" + (over.size() == 1 ? " is" : "s are") +
                                     " over the cluster limit: " + join_names(over) + ".");
    if (!near.empty()) out.push_back(std::to_string(near.size()) + " more " + (near.size() == 1 ? "is" : "are") + " near it (90% or more): " + join_names(near) + ".");
    std::vector<std::pair<double, std::string>> ranked;
    for (size_t r = 0; r < d.result.rows.size(); ++r)
        if (const Cell* s = cell(d, r, "share_of_limit_pct"); s && s->num) ranked.push_back({-*s->num, d.result.rows[r][1].text + " (" + s->display() + "%)"});
    std::sort(ranked.begin(), ranked.end());
    if (ranked.size() >= 3)
        out.push_back("The highest shares of the limit are in " + ranked[0].second + ", " + ranked[1].second + " and " + ranked[2].second + ".");
    for (const auto& s : change_sentences(c)) out.push_back(s);
    size_t missing = d.result.rows.size() - ranked.size();
    if (missing > 0)
        out.push_back(std::to_string(missing) + " of " + std::to_string(d.result.rows.size()) +
                      " districts have no published dispersal figure: the Home Office publishes no row where it recorded nobody, "
                      "so these are shown as missing, never as zero.");
    if (c.has_layer("uasc")) {
        MapView u = c.layer_view("uasc", Geography::County);
        auto u_over = with_status(u, "over");
        out.push_back(u_over.empty() ? "No council is over its National Transfer Scheme threshold (0.1% of its child population)."
                                     : std::to_string(u_over.size()) + " of " + std::to_string(u.result.rows.size()) +
                                           (u_over.size() == 1 ? " councils is over its" : " councils are over their") +
                                           " National Transfer Scheme threshold: " + join_names(u_over) + ".");
    }
    return out;
}

void cover_page(ReportDoc& doc, const ReportContext& c, const std::string& title, const std::string& commentary) {
    doc.new_page("At a glance", "");
    cairo_t* cr = doc.cr();
    set_rgb(cr, 0x1a1a1a);
    cairo_tag_begin(cr, "H1", "");
    doc.y += print_text(cr, ReportDoc::kMargin, doc.y + 10, doc.content_width(), title, "DejaVu Sans Bold 20") + 14;
    cairo_tag_end(cr, "H1");
    set_rgb(cr, 0x444444);
    cairo_tag_begin(cr, "P", "");
    doc.y += print_text(cr, ReportDoc::kMargin, doc.y, doc.content_width(), c.area_name + ": the latest published figures",
                        "DejaVu Sans 11") + 14;
    cairo_tag_end(cr, "P");
    MapView d = c.layer_view("dispersal");
    draw_headlines(doc, headlines(c, d));
    set_rgb(cr, 0x1a1a1a);
    cairo_tag_begin(cr, "H2", "");
    doc.y += print_text(cr, ReportDoc::kMargin, doc.y + 6, doc.content_width(), "What the figures say", "DejaVu Sans Bold 12") + 10;
    cairo_tag_end(cr, "H2");
    draw_list(doc, sentences(c, d));
    doc.need(120);
    set_rgb(cr, 0x1a1a1a);
    cairo_tag_begin(cr, "H2", "");
    doc.y += print_text(cr, ReportDoc::kMargin, doc.y + 6, doc.content_width(), "Commentary", "DejaVu Sans Bold 12") + 10;
    cairo_tag_end(cr, "H2");
    double h = std::max(90.0, text_height(cr, doc.content_width() - 16, commentary) + 16);
    set_rgb(cr, 0xaaaaaa);
    cairo_set_line_width(cr, 0.6);
    cairo_rectangle(cr, ReportDoc::kMargin, doc.y, doc.content_width(), h);
    cairo_stroke(cr);
    set_rgb(cr, 0x1a1a1a);
    cairo_tag_begin(cr, "P", "");
    print_text(cr, ReportDoc::kMargin + 8, doc.y + 8, doc.content_width() - 16, commentary);
    cairo_tag_end(cr, "P");
    doc.y += h + 10;
}

void dispersal_page(ReportDoc& doc, const ReportContext& c) {
    MapView v = c.layer_view("dispersal");
    doc.new_page("Asylum dispersal", "Asylum dispersal against the cluster limit");
    draw_paragraph(doc, v.result.spec.description, "DejaVu Sans 8");
    map_with_legend(doc, c, v, 360, map_alt_text(v));
    DotChartPart chart;
    chart.title = "Every district ranked by its share of the cluster limit";
    chart.axis = "Share of the cluster limit (%): red over 100, amber 90 or more";
    chart.limit_label = "limit (100%)";
    for (size_t r = 0; r < v.result.rows.size(); ++r) {
        const Cell* s = cell(v, r, "share_of_limit_pct");
        chart.items.push_back({v.result.rows[r][1].text, s ? s->num : std::nullopt});
    }
    chart.alt = ranked_chart_alt(chart, "%");
    draw_dot_chart(doc, chart);
}

// The district table of a dispersal view: name and the figures a board member reads.
// With a time series: the change on the year and the last 12 quarters as a sparkline.
static TablePart dispersal_table(const ReportContext& c, const MapView& v) {
    TablePart t;
    std::vector<std::string> cols{"name", "population", "dispersed", "per_10k", "cluster_limit", "share_of_limit_pct", "status"};
    t.headings = {"District", "Population", "Dispersed", "Per 10,000", "Cluster limit", "% of limit", "Status", "On the year", "Last 3 years"};
    t.widths = {0.22, 0.11, 0.09, 0.09, 0.1, 0.09, 0.09, 0.09, 0.12};
    EvaluateOptions o;
    o.within = c.area_code;
    auto series = layer_series(*c.session.atlas, c.session.layer("dispersal"), o);
    t.spark_column = 8;
    for (size_t r = 0; r < v.result.rows.size(); ++r) {
        std::vector<Cell> row;
        for (const auto& col : cols) row.push_back(cell(v, r, col) ? *cell(v, r, col) : Cell::of_text(""));
        std::vector<std::string> periods;
        std::vector<std::optional<double>> counts;
        if (r < series.size())
            for (const auto& p : series[r]) {
                periods.push_back(p.period);
                counts.push_back(p.count);
            }
        DatedChange year = change_by_date(periods, counts, v.result.period, 12);
        row.push_back(Cell::of_num(year.change, 0));
        row.push_back(Cell::of_text(""));
        t.rows.push_back(row);
        t.sparks.push_back(counts);
    }
    return t;
}

// The South East with this sub-region's districts picked out, small, to say where it is.
static void locator_map(ReportDoc& doc, const ReportContext& region, const MapView& sub, const std::string& alt, double x, double y,
                        double w, double h) {
    MapView loc = region.layer_view("dispersal");
    std::set<std::string> mine;
    for (const auto& r : sub.result.rows) mine.insert(r[0].text);
    for (size_t i = 0; i < loc.set->areas.size(); ++i) {
        if (loc.row_of_area[i] < 0) continue;
        loc.colours[i] = mine.count(loc.set->areas[i].code) ? Rgba{0.16f, 0.32f, 0.55f, 1} : Rgba{0.85f, 0.85f, 0.82f, 1};
    }
    PrintMapOptions mo;
    mo.labels = mo.scale_bar = mo.north_arrow = false;
    mo.outline_pt = 0.2;
    doc.figure(alt, [&] { draw_print_map(doc.cr(), region.session.geos, loc, {x, y, w, h}, mo); });
}

void subregion_pages(ReportDoc& doc, const ReportContext& c) {
    MapView groups = c.layer_view("dispersal", Geography::Subregion);
    for (size_t g = 0; g < groups.result.rows.size(); ++g) {
        std::string code = groups.result.rows[g][0].text, name = groups.result.rows[g][1].text;
        ReportContext sub{c.session, code, name, Geography::Subregion};
        sub.label_cache = c.label_cache;
        MapView v = sub.layer_view("dispersal");
        doc.new_page("Sub-region: " + name, name);
        draw_paragraph(doc, name + ": " + shown(groups, g, "dispersed") + " people in dispersal accommodation, " +
                                shown(groups, g, "share_of_limit_pct") + "% of its cluster limit of " +
                                shown(groups, g, "cluster_limit") + " places (the sum of its districts' limits).", "DejaVu Sans 9");
        double top = doc.y;
        map_with_legend(doc, c, v, 300, map_alt_text(v));
        ReportContext region{c.session, "E12000008", "The South East", Geography::Region};
        region.label_cache = c.label_cache;
        locator_map(doc, region, v, "Locator map: where " + name + " lies in the South East, its " +
                    std::to_string(v.result.rows.size()) + " districts in blue.", ReportDoc::kMargin + doc.content_width() - 130, top + 180, 130, 90);
        draw_table(doc, dispersal_table(sub, v));
    }
}

void layer_page(ReportDoc& doc, const ReportContext& c, const std::string& layer_id, const std::string& section) {
    if (!c.has_layer(layer_id)) return;
    const LayerSpec& spec = c.session.layer(layer_id);
    MapView v = c.layer_view(layer_id, spec.native);
    doc.new_page(section, spec.title);
    draw_paragraph(doc, spec.description, "DejaVu Sans 8");
    map_with_legend(doc, c, v, 330, map_alt_text(v));
    TablePart t;
    std::vector<size_t> order(v.result.rows.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        auto x = v.result.class_values[a], y = v.result.class_values[b];
        if (!x || !y) return x.has_value() && !y.has_value();
        return *x > *y;
    });
    for (const auto& col : v.result.columns) if (col != "code") t.headings.push_back(column_title(col));
    for (size_t k = 0; k < order.size() && k < 12; ++k) {
        std::vector<Cell> row(v.result.rows[order[k]].begin() + 1, v.result.rows[order[k]].end());
        t.rows.push_back(row);
    }
    draw_paragraph(doc, (t.rows.size() == 1 ? "The one " + std::string(geography_name(spec.native)) + ", by " :
                         "The " + std::to_string(t.rows.size()) + " highest by ") + column_title(spec.class_measure) + ":", "DejaVu Sans Bold 8");
    draw_table(doc, t);
}

} // namespace sespm
