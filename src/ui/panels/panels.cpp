// panels.cpp: see panels.h.
#include "ui/panels/panels.h"

#include "ui/map_app.h"

namespace sespm {

// The panels, one a file (ui/panels/panel_*.cpp).
void panel_layers(MapApp& app);
void panel_time(MapApp& app);
void panel_table(MapApp& app);
void panel_scenario(MapApp& app);
void panel_query(MapApp& app);
void panel_chart(MapApp& app);
void panel_changes(MapApp& app);   // View > What changed
void panel_export(MapApp& app);
void panel_report(MapApp& app);
void panel_about(MapApp& app);

const std::vector<PanelInfo>& all_panels() {
    static const std::vector<PanelInfo> table = {
        // id                title                  View menu toggle                always over map open
        {PanelId::Layers,   "Layers",              nullptr,                        true,  true,  true,  panel_layers},
        {PanelId::Table,    "Attribute table",     "Attribute table",              false, false, true,  panel_table},
        {PanelId::About,    "About SESPM Map",     nullptr,                        false, false, false, panel_about},
        {PanelId::Export,   "Export",              nullptr,                        false, false, false, panel_export},
        {PanelId::Report,   "Board report",        nullptr,                        false, false, false, panel_report},
        {PanelId::Time,     "##time",              nullptr,                        true,  true,  true,  panel_time},
        {PanelId::Chart,    "Chart over time",     "Chart over time",              false, false, false, panel_chart},
        {PanelId::Changes,  "What changed",        "What changed",                 false, false, false, panel_changes},
        {PanelId::Query,    "Questions",           "Questions (spatial queries)",  false, false, false, panel_query},
        // open beside the map while a planner works in it
        {PanelId::Scenario, "Dispersal scenarios", "Dispersal scenarios",          false, true,  false, panel_scenario},
    };
    return table;
}

const PanelInfo& panel_info(PanelId id) {
    for (const auto& p : all_panels())
        if (p.id == id) return p;
    return all_panels().front();
}

PanelWindows::PanelWindows() {
    for (const auto& p : all_panels()) open_[index(p.id)] = p.starts_open || p.always;
    frame_.fill(-10);
}

void PanelWindows::reset_results() {
    scenario.outcome.reset();
    scenario.outcome_for.reset();
    query = {};
    table = {};
}

void PanelWindows::placed(PanelId id, const ScreenBox& box) {
    box_[index(id)] = box;
    frame_[index(id)] = ImGui::GetFrameCount();
}

std::vector<ScreenBox> PanelWindows::over_map(float margin) const {
    std::vector<ScreenBox> out;
    int now = ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : 0;
    for (const auto& p : all_panels()) {
        size_t i = index(p.id);
        if (!p.over_map || now - frame_[i] > 1) continue;
        const ScreenBox& b = box_[i];
        out.push_back({b.x0 - margin, b.y0 - margin, b.x1 + margin, b.y1 + margin});
    }
    return out;
}

bool begin_panel(MapApp& app, PanelId id, ImGuiWindowFlags flags) {
    const PanelInfo& info = panel_info(id);
    bool shown = ImGui::Begin(info.title, info.always ? nullptr : &app.panels.open(id), flags);
    ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    app.panels.placed(id, {pos.x, pos.y, pos.x + size.x, pos.y + size.y});
    return shown;
}

} // namespace sespm
