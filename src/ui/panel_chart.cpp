// panel_chart.cpp: View > Chart over time: the layer's count for the areas selected on the map
// (or, with none selected, the region and its four sub-regions) across every period, with the
// cluster limit of a single charted area as a line, a missing period as a gap (never a line
// across it), the layer's series-break notes, values on hover, and the data saved as CSV.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/periods.h"
#include "io/output_file.h"
#include "map/evaluate.h"
#include "ui/map_app.h"

namespace sespm {

namespace {

const ImU32 kLineColours[] = {IM_COL32(178, 24, 43, 255), IM_COL32(33, 102, 172, 255), IM_COL32(27, 120, 55, 255),
                              IM_COL32(118, 42, 131, 255), IM_COL32(224, 130, 20, 255), IM_COL32(90, 90, 90, 255)};

std::string chart_key(const MapApp& app) {
    std::string k = app.wanted.layer_id + "|" + std::to_string(static_cast<int>(app.map->view.options.geography));
    for (int i : app.selected) k += "|" + std::to_string(i);
    return k;
}

// One line per area: the areas selected, or the region and its sub-regions.
void build_series(MapApp& app, Session& s) {
    ChartPanelState& c = app.chart_panel;
    c = {};
    c.key = chart_key(app);
    const LayerSpec& spec = s.layer(app.wanted.layer_id);
    c.count_title = column_title(spec.count_column);
    for (const auto& n : spec.breaks) c.notes.push_back(n.from + " to " + n.to + ": " + n.note);
    auto add = [&](Geography g, const std::optional<std::string>& within, const std::set<std::string>& only) {
        EvaluateOptions o;
        o.geography = g;
        o.within = within;
        LayerResult r = evaluate_layer(*s.atlas, spec, o);
        auto series = layer_series(*s.atlas, spec, o);
        for (size_t a = 0; a < series.size() && a < r.rows.size(); ++a) {
            if (!only.empty() && !only.count(r.rows[a][0].text)) continue;
            c.names.push_back(r.rows[a][1].text);
            c.periods.clear();
            std::vector<std::optional<double>> v;
            for (const auto& p : series[a]) { c.periods.push_back(p.period); v.push_back(p.count); }
            c.counts.push_back(v);
            if (only.size() == 1 && a < r.measures.size()) c.limit = r.measures[a].limit;
        }
    };
    std::set<std::string> codes;
    for (int i : app.selected) codes.insert(app.map->view.set->areas[i].code);
    if (!codes.empty()) add(app.map->view.options.geography, std::nullopt, codes);
    else {
        add(Geography::Region, std::string("E12000008"), {});
        add(Geography::Subregion, std::string("E12000008"), {});
    }
}

void draw_chart(MapApp& app, ImVec2 size) {
    const ChartPanelState& c = app.chart_panel;
    if (c.periods.size() < 2) { ImGui::TextDisabled("This layer has one period: nothing to chart over time."); return; }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 o = ImGui::GetCursorScreenPos();
    float s = app.ui_scale, left = 56 * s, bottom = 22 * s, w = size.x - left - 10 * s, h = size.y - bottom - 8 * s;
    double max = c.limit.value_or(0);
    for (const auto& v : c.counts) for (const auto& x : v) if (x) max = std::max(max, *x);
    if (max <= 0) max = 1;
    const std::string& first = c.periods.front();
    int span = months_between(first, c.periods.back());
    auto px = [&](const std::string& p) { return o.x + left + w * static_cast<float>(months_between(first, p)) / std::max(1, span); };
    auto py = [&](double v) { return o.y + 8 * s + h - static_cast<float>(v / max) * h; };
    dl->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), IM_COL32(255, 255, 255, 255));
    for (int k = 0; k <= 4; ++k) {
        double v = max * k / 4;
        char t[32];
        std::snprintf(t, sizeof t, "%.0f", v);
        dl->AddLine(ImVec2(o.x + left, py(v)), ImVec2(o.x + left + w, py(v)), IM_COL32(230, 230, 230, 255));
        dl->AddText(ImVec2(o.x + 4 * s, py(v) - 7 * s), IM_COL32(110, 110, 110, 255), t);
    }
    for (int y = std::atoi(first.substr(0, 4).c_str()) + 1; months_between(first, std::to_string(y) + "-01-01") <= span; y += 2) {
        float x = px(std::to_string(y) + "-01-01");
        dl->AddText(ImVec2(x - 14 * s, o.y + size.y - bottom + 4 * s), IM_COL32(110, 110, 110, 255), std::to_string(y).c_str());
    }
    const ImU32* colours = kLineColours;
    for (size_t l = 0; l < c.counts.size(); ++l) {
        for (size_t i = 1; i < c.periods.size(); ++i) {
            const auto &a = c.counts[l][i - 1], &b = c.counts[l][i];
            if (!a || !b || months_between(c.periods[i - 1], c.periods[i]) > 3) continue;  // a gap stays a gap
            dl->AddLine(ImVec2(px(c.periods[i - 1]), py(*a)), ImVec2(px(c.periods[i]), py(*b)), colours[l % 6], 2 * s);
        }
    }
    if (c.limit) dl->AddLine(ImVec2(o.x + left, py(*c.limit)), ImVec2(o.x + left + w, py(*c.limit)), IM_COL32(178, 24, 43, 160), 1.5f * s);
    ImGui::InvisibleButton("##chart", size);
    if (ImGui::IsItemHovered()) {  // the values at the nearest period
        float mx = ImGui::GetIO().MousePos.x;
        size_t best = 0;
        for (size_t i = 0; i < c.periods.size(); ++i) if (std::abs(px(c.periods[i]) - mx) < std::abs(px(c.periods[best]) - mx)) best = i;
        dl->AddLine(ImVec2(px(c.periods[best]), o.y), ImVec2(px(c.periods[best]), o.y + size.y - bottom), IM_COL32(0, 0, 0, 90));
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(c.periods[best].c_str());
        for (size_t l = 0; l < c.counts.size(); ++l) {
            const auto& v = c.counts[l][best];
            ImGui::TextColored(ImColor(colours[l % 6]), "%s: %s", c.names[l].c_str(), v ? Cell::of_num(*v, 0).display().c_str() : "no published figure");
        }
        if (c.limit) ImGui::Text("cluster limit: %s", Cell::of_num(*c.limit, 0).display().c_str());
        ImGui::EndTooltip();
    }
}

void save_csv(MapApp& app) {
    const ChartPanelState& c = app.chart_panel;
    std::string csv = "area,period," + app.chart_panel.count_title + "\n";
    for (size_t l = 0; l < c.counts.size(); ++l)
        for (size_t i = 0; i < c.periods.size(); ++i)
            csv += "\"" + c.names[l] + "\"," + c.periods[i] + "," + (c.counts[l][i] ? Cell::of_num(*c.counts[l][i], 0).format() : "") + "\n";
    const char* home = std::getenv("HOME");
    std::string path = std::string(home && *home ? home : ".") + "/sespm-chart-" + app.wanted.layer_id + ".csv";
    try {
        write_output_file(path, csv.data(), csv.size());
        app.status = "Saved " + path;
    } catch (const std::exception& e) {
        app.error = e.what();
    }
}

} // namespace

void panel_chart(MapApp& app) {
    if (!app.map || !app.map->view.options.open_file.empty()) return;
    float s = app.ui_scale;
    ImGui::SetNextWindowSize(ImVec2(620 * s, 380 * s), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Chart over time", &app.show_chart)) { ImGui::End(); return; }
    if (app.chart_panel.key != chart_key(app))
        if (!app.with_session([&](Session& session) {
                try { build_series(app, session); } catch (const std::exception& e) { app.error = e.what(); app.chart_panel.key = chart_key(app); }
            }))
            ImGui::TextDisabled("Loading...");
    const ChartPanelState& c = app.chart_panel;
    ImGui::TextDisabled("%s, %s", c.count_title.c_str(), app.selected.empty() ? "the South East and its sub-regions" : "the areas selected on the map");
    draw_chart(app, ImVec2(ImGui::GetContentRegionAvail().x, 240 * s));
    for (size_t l = 0; l < c.names.size(); ++l) {  // which line is which
        if (l > 0) ImGui::SameLine();
        ImGui::TextColored(ImColor(kLineColours[l % 6]), "%s %s", "\xe2\x80\x94", c.names[l].c_str());
    }
    if (c.limit) ImGui::TextColored(ImColor(IM_COL32(178, 24, 43, 160)), "\xe2\x80\x94 the cluster limit now");
    for (const auto& n : c.notes) ImGui::TextWrapped("Series break %s", n.c_str());
    if (ImGui::Button("Save the data as CSV")) save_csv(app);
    ImGui::End();
}

} // namespace sespm
