// panel_export.cpp: the Export panel: a PNG of exactly the current view with title, legend and
// attribution (for board papers), and GeoJSON/CSV/GeoPackage of the current layer through the
// core's export, each saved through the file dialog (a typed path still allowed there; it asks
// before replacing a file), written to a temporary file and renamed.
#include <imgui.h>

#include <cstdlib>

#include "ui/map_app.h"

namespace sespm {

namespace {

const std::vector<FileFilter> kPng = {{"PNG image (.png)", {".png"}}};
const std::vector<FileFilter> kData = {
    {"GeoJSON (.geojson)", {".geojson"}}, {"CSV table (.csv)", {".csv"}}, {"GeoPackage (.gpkg)", {".gpkg"}}};

void default_paths(ExportPanelState& e) {
    if (e.png[0]) return;
    const char* home = std::getenv("HOME");
    std::string base = std::string(home && *home ? home : ".") + "/sespm-map";
    std::snprintf(e.png, sizeof e.png, "%s.png", base.c_str());
    std::snprintf(e.vec, sizeof e.vec, "%s.geojson", base.c_str());
}

} // namespace

void panel_export(MapApp& app) {
    float s = app.ui_scale;
    ExportPanelState& e = app.export_panel;
    default_paths(e);
    ImGui::SetNextWindowSize(ImVec2(560 * s, 0), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Export", &app.show_export, ImGuiWindowFlags_AlwaysAutoResize)) { ImGui::End(); return; }
    ImGui::TextDisabled("The map as shown, with title, legend and attribution");
    if (ImGui::Button("Save PNG..."))
        app.ask_path(FileDialogMode::Save, "Export the map as a PNG", kPng, e.png, [&app](const std::string& p) {
            std::snprintf(app.export_panel.png, sizeof app.export_panel.png, "%s", p.c_str());
            app.export_png(p);
        });
    app.note_widget("export-png");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", e.png);
    ImGui::Separator();
    ImGui::TextDisabled("The layer's figures and colours (GeoJSON for web maps, CSV, GeoPackage)");
    if (ImGui::Button("Save data..."))
        app.ask_path(FileDialogMode::Save, "Export the layer's data", kData, e.vec, [&app](const std::string& p) {
            std::snprintf(app.export_panel.vec, sizeof app.export_panel.vec, "%s", p.c_str());
            app.export_vector(p);
        });
    app.note_widget("export-data");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", e.vec);
    if (!app.status.empty()) ImGui::TextDisabled("%s", app.status.c_str());
    ImGui::End();
}

} // namespace sespm
