// panel_chart.cpp: View > Chart over time: the layer's count for the areas selected on the map
// (or, with none selected, the region and its four sub-regions) across every period, with the
// limit and agreed trigger of a single charted area as lines, a missing period as a gap (never a
// line across it), the layer's series-break notes, values on hover, the chart saved as PNG
// (the same drawing as `sespm-map chart`) and its data as CSV. The lines are trends/chart_series.h.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/user_folders.h"
#include "rules/periods.h"
#include "core/output_file.h"
#include "map/evaluate.h"
#include "print/print_chart.h"
#include "ui/map_app.h"

#include "core/error.h"

namespace sespm {

namespace {

const ImU32 kLineColours[] = {IM_COL32(178, 24, 43, 255), IM_COL32(33, 102, 172, 255), IM_COL32(27, 120, 55, 255),
                              IM_COL32(118, 42, 131, 255), IM_COL32(224, 130, 20, 255), IM_COL32(90, 90, 90, 255)};
const ImU32 kLimitColour = IM_COL32(34, 34, 34, 255), kTriggerColour = IM_COL32(224, 130, 20, 255);

std::string chart_key(const MapApp& app) {
    std::string k = app.screen.wanted.layer_id + "|" + std::to_string(static_cast<int>(app.screen.map->view.options.geography)) + "|" +
                    std::to_string(app.project.reloads);
    for (int i : app.screen.selected) k += "|" + std::to_string(i);
    return k;
}

// One line per area: the areas selected, or the region and its sub-regions.
void build_series(MapApp& app, Session& s) {
    ChartPanelState& c = app.panels.chart;
    c = {};
    c.key = chart_key(app);
    std::set<std::string> codes;
    for (int i : app.screen.selected) codes.insert(app.screen.map->view.set->areas[i].code);
    c.chart = chart_series(s, app.screen.wanted.layer_id, app.screen.map->view.options.geography, codes);
}

struct ChartFrame {
    ImVec2 o;
    float left, w, h, top_pad;
    double max;
    std::string first;
    int span;
    float x(const std::string& p) const { return o.x + left + w * static_cast<float>(months_between(first, p)) / std::max(1, span); }
    float y(double v) const { return o.y + top_pad + h - static_cast<float>(v / max) * h; }
};

ChartFrame chart_frame(const ChartSeries& c, ImVec2 o, ImVec2 size, float s) {
    ChartFrame f{o, 56 * s, size.x - 66 * s, size.y - 30 * s, 8 * s, std::max({1.0, c.limit.value_or(0), c.trigger_count.value_or(0)}), "", 0};
    std::string last;
    for (const auto& l : c.lines) {
        if (l.periods.empty()) continue;
        if (f.first.empty() || l.periods.front() < f.first) f.first = l.periods.front();
        if (l.periods.back() > last) last = l.periods.back();
        for (const auto& v : l.counts) if (v) f.max = std::max(f.max, *v);
    }
    f.span = f.first.empty() ? 1 : months_between(f.first, last);
    double step = nice_step(f.max, 4);
    f.max = std::ceil(f.max / step) * step;  // the axis ends on a round tick
    return f;
}

void chart_axes(ImDrawList* dl, const ChartFrame& f, ImVec2 size, float s) {
    double step = nice_step(f.max, 4);
    for (double v = 0; v <= f.max + 1e-9; v += step) {
        dl->AddLine(ImVec2(f.o.x + f.left, f.y(v)), ImVec2(f.o.x + f.left + f.w, f.y(v)), IM_COL32(230, 230, 230, 255));
        dl->AddText(ImVec2(f.o.x + 4 * s, f.y(v) - 7 * s), IM_COL32(110, 110, 110, 255), Cell::of_num(v, 0).display().c_str());
    }
    for (int y = std::atoi(f.first.substr(0, 4).c_str()) + 1; months_between(f.first, std::to_string(y) + "-01-01") <= f.span; y += 2)
        dl->AddText(ImVec2(f.x(std::to_string(y) + "-01-01") - 14 * s, f.o.y + size.y - 18 * s), IM_COL32(110, 110, 110, 255),
                    std::to_string(y).c_str());
}

void chart_lines(ImDrawList* dl, const ChartSeries& c, const ChartFrame& f, float s) {
    for (size_t l = 0; l < c.lines.size(); ++l) {
        const ChartLine& line = c.lines[l];
        int step = 1200;
        for (size_t i = 1; i < line.periods.size(); ++i) step = std::min(step, months_between(line.periods[i - 1], line.periods[i]));
        for (size_t i = 0; i < line.periods.size(); ++i) {
            const auto& b = line.counts[i];
            if (!b) continue;
            bool joined = i > 0 && line.counts[i - 1] && months_between(line.periods[i - 1], line.periods[i]) <= step;  // a gap stays a gap
            if (joined) dl->AddLine(ImVec2(f.x(line.periods[i - 1]), f.y(*line.counts[i - 1])), ImVec2(f.x(line.periods[i]), f.y(*b)), kLineColours[l % 6], 2 * s);
            else dl->AddCircleFilled(ImVec2(f.x(line.periods[i]), f.y(*b)), 2 * s, kLineColours[l % 6]);
        }
    }
    float x0 = f.o.x + f.left, x1 = x0 + f.w;
    if (c.limit) dl->AddLine(ImVec2(x0, f.y(*c.limit)), ImVec2(x1, f.y(*c.limit)), kLimitColour, 1.5f * s);
    if (c.trigger_count)  // dashed
        for (float x = x0; x < x1; x += 9 * s) dl->AddLine(ImVec2(x, f.y(*c.trigger_count)), ImVec2(std::min(x1, x + 5 * s), f.y(*c.trigger_count)), kTriggerColour, 1.5f * s);
}

// The values at the period nearest the pointer.
void chart_hover(ImDrawList* dl, const ChartSeries& c, const ChartFrame& f, ImVec2 size) {
    float mx = ImGui::GetIO().MousePos.x;
    std::string best;
    for (const auto& l : c.lines)
        for (const auto& p : l.periods) if (best.empty() || std::abs(f.x(p) - mx) < std::abs(f.x(best) - mx)) best = p;
    if (best.empty()) return;
    dl->AddLine(ImVec2(f.x(best), f.o.y), ImVec2(f.x(best), f.o.y + size.y - 22), IM_COL32(0, 0, 0, 90));
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(quarter_label(best).c_str());
    for (size_t l = 0; l < c.lines.size(); ++l) {
        std::optional<double> v;
        for (size_t i = 0; i < c.lines[l].periods.size(); ++i) if (c.lines[l].periods[i] == best) v = c.lines[l].counts[i];
        ImGui::TextColored(ImColor(kLineColours[l % 6]), "%s: %s", c.lines[l].name.c_str(), v ? Cell::of_num(*v, 0).display().c_str() : "no published figure");
    }
    if (c.limit) ImGui::Text("%s now: %s", c.limit_title.c_str(), Cell::of_num(*c.limit, 0).display().c_str());
    if (c.trigger_count) ImGui::Text("agreed trigger (%s%%): %s", Cell::of_num(*c.trigger_pct, 0).display().c_str(), Cell::of_num(*c.trigger_count, 0).display().c_str());
    ImGui::EndTooltip();
}

void draw_chart(MapApp& app, ImVec2 size) {
    const ChartSeries& c = app.panels.chart.chart;
    size_t periods = 0;
    for (const auto& l : c.lines) periods = std::max(periods, l.periods.size());
    if (periods < 2) { ImGui::TextDisabled("This layer has one period: nothing to chart over time."); return; }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 o = ImGui::GetCursorScreenPos();
    float s = app.screen.ui_scale;
    ChartFrame f = chart_frame(c, o, size, s);
    dl->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), IM_COL32(255, 255, 255, 255));
    chart_axes(dl, f, size, s);
    chart_lines(dl, c, f, s);
    ImGui::InvisibleButton("##chart", size);
    app.hooks.note_widget("chart");
    if (ImGui::IsItemHovered()) chart_hover(dl, c, f, size);
}

// The file the chart (or its data) is saved to: in the home folder, named by the layer.
std::string chart_path(const MapApp& app, const std::string& ext) {
    return home_folder_or_current() + "/sespm-chart-" + app.screen.wanted.layer_id + ext;
}

void save_csv(MapApp& app) {
    const ChartSeries& c = app.panels.chart.chart;
    std::string csv = "area,period," + c.count_title + "\n";
    for (const auto& l : c.lines)
        for (size_t i = 0; i < l.periods.size(); ++i)
            csv += "\"" + l.name + "\"," + l.periods[i] + "," + (l.counts[i] ? Cell::of_num(*l.counts[i], 0).format() : "") + "\n";
    std::string path = chart_path(app, ".csv");
    try {
        write_output_file(path, csv.data(), csv.size());
        app.screen.status = "Saved " + path;
    } catch (const std::exception& e) {
        app.screen.error = message_for_people(e);
    }
}

void save_png(MapApp& app) {
    std::string path = chart_path(app, ".png");
    try {
        write_chart(app.panels.chart.chart, path);
        app.screen.status = "Saved " + path;
    } catch (const std::exception& e) {
        app.screen.error = message_for_people(e);
    }
}

} // namespace

void panel_chart(MapApp& app) {
    if (!app.screen.map || !app.screen.map->view.options.open_file.empty()) return;
    float s = app.screen.ui_scale;
    // first shown at the bottom left, under the legend, above the north arrow and the time slider
    ImGuiViewport* vp = ImGui::GetMainViewport();
    float y = std::max(vp->WorkPos.y + 12 * s, vp->WorkPos.y + vp->WorkSize.y - app.bottom_pane_px() - (400 + 170) * s);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 12 * s, y), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(620 * s, 400 * s), ImGuiCond_FirstUseEver);
    if (!begin_panel(app, PanelId::Chart)) { ImGui::End(); return; }
    if (app.panels.chart.key != chart_key(app))
        if (!app.with_session([&](Session& session) {
                try { build_series(app, session); } catch (const std::exception& e) { app.screen.error = message_for_people(e); app.panels.chart.key = chart_key(app); }
            }))
            ImGui::TextDisabled("Loading...");
    const ChartSeries& c = app.panels.chart.chart;
    ImGui::TextDisabled("%s, %s", c.count_title.c_str(), app.screen.selected.empty() ? "the South East and its sub-regions" : "the areas selected on the map");
    draw_chart(app, ImVec2(ImGui::GetContentRegionAvail().x, 240 * s));
    for (size_t l = 0; l < c.lines.size(); ++l) {  // which line is which
        if (l > 0) ImGui::SameLine();
        ImGui::TextColored(ImColor(kLineColours[l % 6]), "%s %s", "\xe2\x80\x94", c.lines[l].name.c_str());
    }
    if (c.limit) ImGui::TextColored(ImColor(kLimitColour), "\xe2\x80\x94 %s now", c.limit_title.c_str());
    if (c.trigger_count) {
        if (c.limit) ImGui::SameLine();
        ImGui::TextColored(ImColor(kTriggerColour), "- - agreed trigger, %s%% of the limit", Cell::of_num(*c.trigger_pct, 0).display().c_str());
    }
    for (const auto& n : c.notes) ImGui::TextWrapped("Series break %s", n.c_str());
    if (ImGui::Button("Save the chart as PNG")) save_png(app);
    app.hooks.note_widget("chart-save-png");
    ImGui::SameLine();
    if (ImGui::Button("Save the data as CSV")) save_csv(app);
    app.hooks.note_widget("chart-save-csv");
    ImGui::End();
}

} // namespace sespm
