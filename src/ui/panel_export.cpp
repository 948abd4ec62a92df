// panel_export.cpp: the Export panel: a PNG of exactly the current view with title, legend and
// attribution (for board papers), and GeoJSON/CSV/GeoPackage of the current layer through the
// core's export, all written to a temporary file and renamed.
#include <imgui.h>

#include <cstdlib>

#include "ui/map_app.h"

namespace sespm {

void panel_export(MapApp& app) {
    float s = app.ui_scale;
    char* png = app.export_panel.png;
    char* vec = app.export_panel.vec;
    if (!png[0]) {
        const char* home = std::getenv("HOME");
        std::string base = std::string(home && *home ? home : ".") + "/sespm-map";
        std::snprintf(png, sizeof app.export_panel.png, "%s.png", base.c_str());
        std::snprintf(vec, sizeof app.export_panel.vec, "%s.geojson", base.c_str());
    }
    ImGui::SetNextWindowSize(ImVec2(560 * s, 0), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Export", &app.show_export, ImGuiWindowFlags_AlwaysAutoResize)) { ImGui::End(); return; }
    ImGui::TextDisabled("The map as shown, with title, legend and attribution");
    ImGui::SetNextItemWidth(420 * s);
    ImGui::InputText("##png", png, sizeof app.export_panel.png);
    ImGui::SameLine();
    if (ImGui::Button("Save PNG")) app.export_png(png);
    ImGui::Separator();
    ImGui::TextDisabled("The layer's figures and colours (.geojson, .csv or .gpkg)");
    ImGui::SetNextItemWidth(420 * s);
    ImGui::InputText("##vec", vec, sizeof app.export_panel.vec);
    ImGui::SameLine();
    if (ImGui::Button("Save data")) app.export_vector(vec);
    if (!app.status.empty()) ImGui::TextDisabled("%s", app.status.c_str());
    ImGui::End();
}

} // namespace sespm
