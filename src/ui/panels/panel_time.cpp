// panel_time.cpp: the time slider under the map for a time-series layer: drag to a period, step
// with the buttons or the , and . keys, play and pause at a chosen speed. The map recolours in
// place (the same areas: no re-tessellation); the title and legend say which period is shown.
#include <imgui.h>

#include <algorithm>

#include "map/map_view.h"
#include "ui/map_app.h"

namespace sespm {

namespace {

const std::vector<std::string>& periods_shown(const MapApp& app) {
    static const std::vector<std::string> none;
    return app.screen.map ? app.screen.map->view.result.periods : none;
}

int period_index(const MapApp& app) {
    const auto& p = periods_shown(app);
    const std::string& want = app.screen.wanted.period;
    if (want.empty() || want == "latest") return static_cast<int>(p.size()) - 1;
    if (want == "earliest") return 0;
    auto it = std::find(p.begin(), p.end(), want);
    return it == p.end() ? static_cast<int>(p.size()) - 1 : static_cast<int>(it - p.begin());
}

void show_period(MapApp& app, int i) {
    const auto& p = periods_shown(app);
    if (p.empty()) return;
    i = std::clamp(i, 0, static_cast<int>(p.size()) - 1);
    if (p[i] == app.screen.wanted.period) return;
    app.screen.wanted.period = p[i];
    app.request_map(false);
}

} // namespace

void MapApp::step_period(int delta) {
    if (periods_shown(*this).size() < 2) return;
    show_period(*this, period_index(*this) + delta);
}

void panel_time(MapApp& app) {
    const auto& p = periods_shown(app);
    if (p.size() < 2 || !app.screen.map->view.options.open_file.empty()) return;
    TimePanelState& t = app.panels.time;
    float s = app.screen.ui_scale;
    int i = period_index(app);
    if (t.playing && !app.loading() && ImGui::GetTime() - t.last_step >= 1.0 / t.quarters_per_second) {
        t.last_step = ImGui::GetTime();
        if (i + 1 >= static_cast<int>(p.size())) t.playing = false;  // stops at the latest period
        else show_period(app, i + 1);
    }
    ImGuiViewport* vp = ImGui::GetMainViewport();
    // centred between the scale bar (bottom left, about 330 px) and the Layers panel, so it
    // covers neither the panel's rows nor the scale bar
    float left = 330 * s, right = vp->WorkSize.x - kLayersPanelWidth * s - 20 * s;
    float centre = right > left ? (left + right) / 2 : vp->WorkSize.x / 2;
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + centre, vp->WorkPos.y + vp->WorkSize.y - app.bottom_pane_px() - 64 * s), ImGuiCond_Always, ImVec2(0.5f, 1));
    ImGui::SetNextWindowBgAlpha(0.92f);
    begin_panel(app, PanelId::Time, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
    if (ImGui::ArrowButton("##back", ImGuiDir_Left)) show_period(app, i - 1);
    ImGui::SameLine();
    if (ImGui::Button(t.playing ? "Pause" : "Play", ImVec2(52 * s, 0))) {
        if (!t.playing && i + 1 >= static_cast<int>(p.size())) show_period(app, 0);  // play from the start
        t.playing = !t.playing;
        t.last_step = ImGui::GetTime();
    }
    app.hooks.note_widget("play");
    ImGui::SameLine();
    if (ImGui::ArrowButton("##forward", ImGuiDir_Right)) show_period(app, i + 1);
    // the date beside the slider, as the legend words it ("30 September 2019"), where the
    // slider's handle can never cover it
    ImGui::SameLine();
    std::string when = long_date(p[i]);
    ImGui::TextUnformatted(when.c_str());
    ImGui::SameLine(0, 0);
    ImGui::Dummy(ImVec2(std::max(0.0f, 140 * s - ImGui::CalcTextSize(when.c_str()).x), 0));  // a steady width: the slider does not jump
    ImGui::SameLine();
    ImGui::SetNextItemWidth(300 * s);
    int k = i;
    if (ImGui::SliderInt("##period", &k, 0, static_cast<int>(p.size()) - 1, "")) show_period(app, k);
    app.hooks.note_widget("period-slider");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120 * s);
    ImGui::SliderFloat("##speed", &t.quarters_per_second, 0.5f, 8.0f, "%.1f a second");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Periods a second while playing");
    app.hooks.note_widget("speed");
    ImGui::SameLine();
    ImGui::TextDisabled("%zu periods (, and . step)", p.size());
    ImGui::End();
}

} // namespace sespm
