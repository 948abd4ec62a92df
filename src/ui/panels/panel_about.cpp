// panel_about.cpp: About and data sources: what the program is, where its data came from and
// the attribution that the licences require.
#include <imgui.h>

#include "outputs/attribution.h"
#include "ui/map_app.h"

namespace sespm {

void panel_about(MapApp& app) {
    float s = app.screen.ui_scale;
    ImGui::SetNextWindowSize(ImVec2(620 * s, 420 * s), ImGuiCond_FirstUseEver);
    if (!begin_panel(app, PanelId::About)) { ImGui::End(); return; }
    ImGui::PushFont(app.screen.fonts.bold);
    ImGui::TextUnformatted("SESPM Map");
    ImGui::PopFont();
    ImGui::TextWrapped("Local authority figures for the South East Strategic Partnership for Migration: "
                       "asylum dispersal against cluster limits, resettlement, "
                       "EU-born and Nepali population, ESOL providers and unaccompanied children.");
    ImGui::Separator();
    ImGui::TextDisabled("Data directory");
    ImGui::TextWrapped("%s", app.data_dir().c_str());
    ImGui::TextDisabled("Boundaries");
    ImGui::TextWrapped("%s", boundary_attribution(app.data_dir()).c_str());
    for (const auto& l : app.layers()) {
        ImGui::TextDisabled("%s (%s)", l.title.c_str(), l.period.c_str());
        ImGui::TextWrapped("%s", l.attribution.c_str());
    }
    ImGui::End();
}

} // namespace sespm
