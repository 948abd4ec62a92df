// report_fair_share.cpp: two pages of the board report (report_pages.h). "How the shares were
// worked out": a scenario made by the fair-share rule explained as a council's chief executive
// would ask (the rule in words, each pressure with its weight, source and period, the pressure
// index as a map, and each district's number taken apart). "Labour market by LEP": the labour
// layers by Local Enterprise Partnership, with the member districts and how figures combine.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "map/fair_share_factors.h"
#include "map/map_alt_text.h"
#include "map/scenario_explain.h"
#include "report/report_pages.h"
#include "report/report_parts.h"

namespace sespm {

namespace {

const LayerSpec* layer_of(const ReportContext& c, const std::string& id) {
    for (const auto& l : c.session.layers) if (l.id == id) return &l;
    return nullptr;
}

// "31 December 2025" for a time series' latest period, else the layer's period in words.
std::string factor_period(const ReportContext& c, const LayerSpec& spec) {
    if (!spec.temporal()) return spec.period;
    auto periods = layer_periods(*c.session.atlas, spec);
    return periods.empty() ? spec.period : long_date(periods.back());
}

std::string weight_words(double w) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", w);
    return buf;
}

std::string rule_in_words(const SavedModel& m, const std::string& scenario, const std::string& area) {
    bool stock = m.model.meaning == TotalMeaning::Stock;
    std::string text = "'" + scenario + "' shares " + Cell::of_num(static_cast<double>(m.how.total), 0).display() +
                       (stock ? " places, what the districts should hold in all," : " places to add") + " over " + area +
                       " by the partnership's fair-share rule, worked again here on today's published figures. Each district "
                       "starts from its share of the population. Each pressure below is scaled over these districts from 0 (the "
                       "least pressure among them) to 1 (the most); a district's pressure index is the sum of its pressures times "
                       "their weights, and its share is its population times e to the power of minus its index, so with a weight of 1 "
                       "the district under most pressure counts 0.37 of its population against the district under least. " +
                       (m.model.cap_ratio > 0 ? "No district goes above 1 place per " + Cell::of_num(m.model.cap_ratio, 0).display() +
                                                    " residents (or its agreed ratio), a cap stricter than the cluster limit"
                                              : std::string("No district goes above its cluster limit (1 per 200 residents, or its agreed ratio)")) +
                       ": what a full district cannot take is shared again by the same rule. Places are whole numbers "
                       "(Sainte-Lagu\u00eb), adding up exactly to the total.";
    if (stock) text += " Each district's target is its share; what it still needs is its target less what it holds, never below 0.";
    if (m.model.floor > 0) text += " Every district first gets at least " + std::to_string(m.model.floor) + " places, or its room if less.";
    return text;
}

// One line per pressure: its weight, its direction, its period, its source, and its gaps by name.
std::vector<std::string> factor_lines(const ReportContext& c, const ScenarioExplanation& e) {
    std::vector<std::string> out;
    const Allocation& a = e.allocation;
    for (const auto& f : a.factors) {
        const LayerSpec* spec = layer_of(c, f.name);
        if (!spec) continue;
        std::string line = spec->title + ", weight " + weight_words(f.weight) + ": a " + (f.higher_is_pressure ? "higher" : "lower") +
                           " figure means more pressure; " + factor_period(c, *spec) + ". " + spec->attribution;
        std::vector<std::string> without;
        factor_pressure(f, a.inputs, &without);
        if (!without.empty()) {
            std::string names;
            for (const auto& code : without) names += (names.empty() ? "" : ", ") + c.session.atlas->name_of(code);
            line += " No figure for " + names + (f.missing_is_zero ? ": counted as none (its layer file says a missing figure most likely means none)."
                                                                   : ": given the others' mean pressure.");
        }
        out.push_back(line);
    }
    return out;
}

// The table: each district of the report's area, its number taken apart (as `scenario explain`).
TablePart explanation_part(const ReportContext& c, const ScenarioExplanation& e) {
    ExplanationTable x = explanation_table(*c.session.atlas, e);
    const std::map<std::string, std::string> titles{
        {"name", "District"}, {"pressure_index", "Pressure index"}, {"population_share", "Population share"},
        {"cap", "Cap"}, {"floor_and_rounding", "Floor and rounding"}, {"allocated", "Places"},
        {"target", "Target"}, {"held", "Holds now"}, {"to_add", "To add"}};
    TablePart t;
    for (size_t k = 1; k < x.columns.size(); ++k) {   // every column but the code
        const std::string& col = x.columns[k];
        const LayerSpec* spec = col.rfind("push_", 0) == 0 ? layer_of(c, col.substr(5)) : nullptr;
        t.headings.push_back(spec ? spec->title : titles.count(col) ? titles.at(col) : column_title(col));
    }
    std::set<std::string> mine;
    for (size_t i : c.session.atlas->select(Geography::District, c.area_code))
        mine.insert(c.session.atlas->areas_lonlat(Geography::District).areas[i].code);
    for (auto& row : x.rows)
        if (mine.count(row[0].text)) t.rows.push_back(std::vector<Cell>(row.begin() + 1, row.end()));
    t.font = "DejaVu Sans 6";
    return t;
}

} // namespace

void fair_share_page(ReportDoc& doc, const ReportContext& c, const std::string& scenario) {
    Scenario sc = load_scenario(c.session, scenario);
    std::optional<SavedModel> saved = model_of(sc);
    if (!saved) return;   // not made by the fair-share rule: nothing to explain
    ScenarioExplanation e = explain_scenario(c.session, sc);
    const AllocationNote* how = &saved->how;
    std::string area = how->within.empty() ? "England" : how->within == ReportContext::kRegionCode ? "the South East"
                                                                                                  : c.session.atlas->name_of(how->within);
    doc.new_page("How the shares were worked out", "How the shares were worked out: " + scenario);
    draw_paragraph(doc, rule_in_words(*saved, scenario, area), "DejaVu Sans 8");
    draw_paragraph(doc, "The pressures", "DejaVu Sans Bold 9");
    draw_list(doc, factor_lines(c, e), "DejaVu Sans 7.5");
    MapRequest mr;
    mr.within = how->within.empty() ? std::nullopt : std::optional<std::string>(how->within);
    mr.pressure = saved->model.factors;
    MapView v = build_map_view(*c.session.atlas, c.session.layers, mr);
    map_with_legend(doc, c, v, 300, map_alt_text(v));
    draw_paragraph(doc, "Each district's number taken apart: population share, plus each pressure's push, plus the cluster limit's "
                        "effect (the cap), plus the floor and rounding, is its " + std::string(e.allocation.targets.empty() ? "places." : "target."),
                   "DejaVu Sans Bold 8");
    draw_table(doc, explanation_part(c, e));
}

void labour_market_page(ReportDoc& doc, const ReportContext& c) {
    struct Col { const char* layer; const char* heading; };
    const Col cols[] = {{"claimant_count", "Claimants, % of residents 16-64"}, {"employment_rate", "In employment, % of 16-64"},
                        {"median_pay", "Median weekly pay (pounds)"}, {"nino_registrations", "New overseas workers registering, per 1,000"}};
    std::vector<std::pair<const Col*, MapView>> views;
    for (const auto& col : cols)
        if (const LayerSpec* spec = layer_of(c, col.layer); spec && spec->native == Geography::District)
            views.push_back({&col, c.layer_view(col.layer, Geography::Lep)});
    if (views.empty()) return;
    doc.new_page("Labour market", "Labour market by Local Enterprise Partnership");
    draw_paragraph(doc, "The partnership's labour-reliance reports were written per Local Enterprise Partnership (LEP). A LEP's "
                        "claimant count, employment rate and median pay are the population-weighted means of its member districts' "
                        "published figures (no counts are published), not figures published for LEPs; new overseas workers registering "
                        "are counts summed over its districts over their population. A LEP with a district without a claimant count, "
                        "employment rate or pay figure has none of that figure.",
                   "DejaVu Sans 8");
    const MapView& first = views.front().second;
    map_with_legend(doc, c, first, 215, map_alt_text(first));
    TablePart t;
    t.headings = {"LEP"};
    for (const auto& [col, v] : views)
        t.headings.push_back(std::string(col->heading) + (v.result.period.size() >= 4 ? ", " + v.result.period.substr(0, 4) : ""));
    std::vector<std::string> members;
    const AreaSet& leps = c.session.atlas->areas_lonlat(Geography::Lep);
    for (size_t r = 0; r < first.result.rows.size(); ++r) {
        const std::string& code = first.result.rows[r][0].text;
        std::vector<Cell> row{first.result.rows[r][1]};
        for (const auto& [col, v] : views) {
            const LayerSpec& spec = v.result.spec;
            int at = column_index(v.result.columns, spec.rate_column);
            row.push_back(at >= 0 && r < v.result.rows.size() ? v.result.rows[r][at] : Cell::of_num(std::nullopt, 1));
        }
        t.rows.push_back(std::move(row));
        if (const Area* lep = leps.find(code)) {
            std::string names;
            for (const auto& m : lep->members) names += (names.empty() ? "" : ", ") + c.session.atlas->name_of(m);
            members.push_back(lep->name + ": " + names + ".");
        }
    }
    draw_table(doc, t);
    draw_paragraph(doc, "Member districts", "DejaVu Sans Bold 8");
    draw_list(doc, members, "DejaVu Sans 6.5");
}

} // namespace sespm
