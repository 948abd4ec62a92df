// panel_changes.cpp: View > What changed: for the period on the map, the largest rises and
// falls since the previous period and a year before, and the areas newly over the limit or
// their agreed trigger (trends/what_changed.h, the same lists `sespm-map changes` prints). A click
// on an area selects it and zooms to it.
#include <imgui.h>

#include <algorithm>

#include <cctype>
#include <cmath>

#include "rules/periods.h"
#include "stores/project_store.h"
#include "ui/map_app.h"

#include "core/error.h"

namespace sespm {

namespace {

std::string changes_key(const MapApp& app) {
    const MapView& v = app.screen.map->view;
    return app.screen.wanted.layer_id + "|" + v.result.period + "|" + std::to_string(static_cast<int>(v.options.geography)) + "|" +
           v.options.within.value_or("") + "|" + std::to_string(app.project.reloads);
}

void build_changes(MapApp& app, Session& s) {
    ChangesPanelState& c = app.panels.changes;
    c = {};
    c.key = changes_key(app);
    const LayerSpec& spec = s.layer(app.screen.wanted.layer_id);
    if (!spec.temporal()) { c.why_none = spec.title + " is not a time series: it has one period only."; return; }
    std::map<std::string, double> triggers;
    if (ProjectStore* p = s.project_for_reading()) triggers = p->triggers();
    EvaluateOptions o = evaluate_options_of(app.screen.map->view.options);
    o.period = app.screen.map->view.result.period;
    c.changes = what_changed(*s.atlas, spec, o, triggers);
}

std::string list_heading(const ChangeList& l, const std::string& limit_title) {
    std::string since = " since " + quarter_label(l.since);
    if (l.what == "rise") return "Largest rises" + since;
    if (l.what == "fall") return "Largest falls" + since;
    if (l.what == "newly over the limit") return "Newly over the " + limit_title + since;
    return "Newly at or over their agreed trigger" + since;
}

std::string item_text(const ChangeList& l, const ChangeItem& i, const std::string& limit_title) {
    auto n = [](std::optional<double> v, int d) { return v ? Cell::of_num(*v, d).display() : std::string("no figure"); };
    if (l.what == "rise" || l.what == "fall")
        return i.name + ": " + n(i.before, 0) + " to " + n(i.after, 0) + " (" + (*i.change > 0 ? "+" : "") + n(i.change, 0) + ")";
    std::string t = i.name + ": " + n(i.before, 1) + "% to " + n(i.after, 1) + "% of the " + limit_title;
    if (i.trigger_pct) t += " (trigger " + n(i.trigger_pct, 0) + "%)";
    return t;
}

// Selects the named area on the map and zooms to it.
void show_area(MapApp& app, const std::string& code) {
    const auto& areas = app.screen.map->view.set->areas;
    for (size_t a = 0; a < areas.size(); ++a)
        if (areas[a].code == code) {
            app.screen.selected = {static_cast<int>(a)};
            app.zoom_to_area(static_cast<int>(a));
        }
}

void draw_lists(MapApp& app) {
    const WhatChanged& w = app.panels.changes.changes;
    const LayerSpec& spec = app.screen.map->view.result.spec;
    std::string limit_title = column_title(spec, spec.limit_column);
    if (limit_title.size() > 1 && std::islower(static_cast<unsigned char>(limit_title[1])))  // "Cluster limit", not "NTS threshold"
        limit_title[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(limit_title[0])));
    if (w.previous_period.empty()) { ImGui::TextDisabled("%s is the first period: nothing before it.", quarter_label(w.period).c_str()); return; }
    int id = 0;
    for (const ChangeList& l : w.lists) {
        ImGui::Spacing();
        ImGui::PushFont(app.screen.fonts.bold);
        ImGui::TextWrapped("%s", list_heading(l, limit_title).c_str());  // a long heading wraps, never cut
        ImGui::PopFont();
        ImGui::Separator();
        if (!l.published) ImGui::TextDisabled("No figures were published for %s: nothing to compare.", quarter_label(l.since).c_str());
        else if (l.items.empty()) ImGui::TextDisabled("none");
        for (const ChangeItem& i : l.items) {
            ImGui::PushID(id++);
            if (ImGui::Selectable(item_text(l, i, limit_title).c_str())) show_area(app, i.code);
            app.hooks.note_widget("change " + l.what + " " + l.since + " " + i.code);
            ImGui::PopID();
        }
    }
}

} // namespace

void panel_changes(MapApp& app) {
    if (!app.screen.map || !app.screen.map->view.options.open_file.empty() || app.screen.map->view.kind != MapKind::Layer) return;
    float s = app.screen.ui_scale;
    // first shown at the top right, beside the Layers panel: clear of the legend and of the chart
    ImGuiViewport* vp = ImGui::GetMainViewport();
    float x = std::max(vp->WorkPos.x + 12 * s, vp->WorkPos.x + vp->WorkSize.x - (kLayersPanelWidth + 24 + 400) * s);
    ImGui::SetNextWindowPos(ImVec2(x, vp->WorkPos.y + 12 * s), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(400 * s, 440 * s), ImGuiCond_FirstUseEver);
    if (!begin_panel(app, PanelId::Changes)) { ImGui::End(); return; }
    ChangesPanelState& c = app.panels.changes;
    if (c.key != changes_key(app))
        if (!app.with_session([&](Session& session) {
                try { build_changes(app, session); } catch (const std::exception& e) { c.why_none = message_for_people(e); c.key = changes_key(app); }
            }))
            ImGui::TextDisabled("Loading...");
    if (!c.why_none.empty()) ImGui::TextWrapped("%s", c.why_none.c_str());
    else {
        ImGui::TextWrapped("%s at %s, the areas on the map. Click one to find it.", app.screen.map->view.result.spec.title.c_str(),
                           quarter_label(c.changes.period).c_str());
        draw_lists(app);
    }
    ImGui::End();
}

} // namespace sespm
