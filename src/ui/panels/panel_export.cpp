// panel_export.cpp: the Export panel: a PNG of exactly the current view with title, legend and
// attribution (for board papers), and GeoJSON/CSV/GeoPackage of the current layer through the
// core's export (all the map's areas, or only those selected on it: one county for a council's
// web team, in the map's colours), each saved through the file dialog (a typed path still allowed there; it asks
// before replacing a file), written to a temporary file and renamed.
#include <imgui.h>

#include <cstdlib>

#include "core/user_folders.h"
#include "outputs/export.h"
#include "core/output_file.h"
#include "map/export_view.h"
#include "ui/map_app.h"

#include "core/error.h"

namespace sespm {

namespace {

const std::vector<FileFilter> kPng = {{"PNG image (.png)", {".png"}}};
const std::vector<FileFilter> kData = {
    {"GeoJSON (.geojson)", {".geojson"}}, {"CSV table (.csv)", {".csv"}}, {"GeoPackage (.gpkg)", {".gpkg"}}};

// The layer's data with only the areas selected on the map (a county found with Find a place,
// say), in the map's own classes and colours, so a web team's file matches the map.
void export_selection(MapApp& app, const std::string& path) {
    if (!app.screen.map) return;
    try {
        check_output_path(path);
        ExportData all = export_data(app.screen.map->view), d = all;
        d.selection.clear(), d.rows.clear(), d.class_index.clear(), d.fill.clear(), d.series.clear();
        for (size_t r = 0; r < all.selection.size(); ++r) {
            if (!app.screen.selected.count(static_cast<int>(all.selection[r]))) continue;
            d.selection.push_back(all.selection[r]);
            d.rows.push_back(all.rows[r]);
            d.class_index.push_back(all.class_index[r]);
            d.fill.push_back(all.fill[r]);
            if (r < all.series.size()) d.series.push_back(all.series[r]);
        }
        export_areas(d, path);
        app.screen.status = "Saved " + std::to_string(d.rows.size()) + " selected areas to " + path;
    } catch (const std::exception& e) {
        app.screen.error = message_for_people(e);
    }
}

void default_paths(ExportPanelState& e) {
    if (e.png[0]) return;
    std::string base = home_folder_or_current() + "/sespm-map";
    std::snprintf(e.png, sizeof e.png, "%s.png", base.c_str());
    std::snprintf(e.vec, sizeof e.vec, "%s.geojson", base.c_str());
}

} // namespace

void panel_export(MapApp& app) {
    float s = app.screen.ui_scale;
    ExportPanelState& e = app.panels.export_files;
    default_paths(e);
    ImGuiViewport* vp = ImGui::GetMainViewport();  // first shown at the top middle, clear of the legend
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 40 * s), ImGuiCond_FirstUseEver, ImVec2(0.5f, 0));
    ImGui::SetNextWindowSize(ImVec2(560 * s, 0), ImGuiCond_FirstUseEver);
    if (!begin_panel(app, PanelId::Export, ImGuiWindowFlags_AlwaysAutoResize)) { ImGui::End(); return; }
    if (app.screen.selected.empty()) e.only_selected = false;
    else {  // one county for a council's page: its PNG framed on it, its data alone
        std::string label = "Only the " + std::to_string(app.screen.selected.size()) + " areas selected on the map";
        ImGui::Checkbox(label.c_str(), &e.only_selected);
        app.hooks.note_widget("export-only-selected");
    }
    ImGui::TextDisabled(e.only_selected ? "The selected areas, framed whole, with title, legend and attribution"
                                        : "The map as shown, with title, legend and attribution");
    if (ImGui::Button("Save PNG..."))
        app.files.ask_path(FileDialogMode::Save, "Export the map as a PNG", kPng, e.png, [&app](const std::string& p) {
            std::snprintf(app.panels.export_files.png, sizeof app.panels.export_files.png, "%s", p.c_str());
            app.export_png(p, app.panels.export_files.only_selected);
        });
    app.hooks.note_widget("export-png");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", e.png);
    ImGui::Separator();
    ImGui::TextDisabled("The layer's figures and colours (GeoJSON for web maps, CSV, GeoPackage)");
    if (ImGui::Button("Save data..."))
        app.files.ask_path(FileDialogMode::Save, "Export the layer's data", kData, e.vec, [&app](const std::string& p) {
            std::snprintf(app.panels.export_files.vec, sizeof app.panels.export_files.vec, "%s", p.c_str());
            if (app.panels.export_files.only_selected) export_selection(app, p);
            else app.export_vector(p);
        });
    app.hooks.note_widget("export-data");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", e.vec);
    if (!app.screen.status.empty()) ImGui::TextDisabled("%s", app.screen.status.c_str());
    ImGui::End();
}

} // namespace sespm
