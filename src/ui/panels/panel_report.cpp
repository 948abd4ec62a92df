// panel_report.cpp: File > Board report...: the options of `sespm-map report` (title, the South
// East or one sub-region, the scenario open in the Scenario panel and its comparison, the file),
// the file chosen with the file dialog or typed, written off the main thread with progress, then "Open" shows the PDF in the desktop's viewer.
#include <imgui.h>

#include <cstdlib>

#include "core/user_folders.h"
#include "widgets/open_with_desktop.h"
#include "ui/map_app.h"

namespace sespm {

namespace {

const char* kGroups[] = {"The South East (all four sub-regions)", "Kent", "Hampshire & Isle of Wight", "Sussex & Surrey", "Thames Valley"};
const char* kGroupCodes[] = {"", "SESPM-KENT", "SESPM-HAMPSHIRE-ISLE-OF-WIGHT", "SESPM-SUSSEX-SURREY", "SESPM-THAMES-VALLEY"};

ReportRequest request_of(const MapApp& app) {
    const ReportPanelState& p = app.panels.report;
    ReportRequest r;
    r.output = p.path;
    r.title = p.title;
    r.commentary = p.commentary;
    if (p.subregion > 0) r.subregion = kGroupCodes[p.subregion];
    if (p.with_scenario && app.project.scenario) {
        r.scenario = app.project.scenario->name;
        if (app.project.compare_scenario) r.compare = app.project.compare_scenario->name;
    }
    return r;
}

} // namespace

void panel_report(MapApp& app) {
    ReportPanelState& p = app.panels.report;
    float s = app.screen.ui_scale;
    if (!p.path[0]) {
        std::snprintf(p.path, sizeof p.path, "%s/sespm-board-report.pdf", home_folder_or_current().c_str());
    }
    ImGui::SetNextWindowSize(ImVec2(560 * s, 0), ImGuiCond_FirstUseEver);
    if (!begin_panel(app, PanelId::Report, ImGuiWindowFlags_AlwaysAutoResize)) { ImGui::End(); return; }
    ImGui::TextDisabled("An A4 PDF pack for board papers: headline figures, maps, charts, tables, sources");
    if (!p.commentary_loaded) {  // the last pack's commentary, so the next one starts from it
        std::snprintf(p.commentary, sizeof p.commentary, "%s", app.files.settings.report_commentary.c_str());
        p.commentary_loaded = true;
    }
    ImGui::SetNextItemWidth(420 * s);
    ImGui::Combo("Area", &p.subregion, kGroups, IM_ARRAYSIZE(kGroups));
    std::string area = p.subregion > 0 ? kGroups[p.subregion] : "The South East";
    ImGui::SetNextItemWidth(420 * s);
    ImGui::InputTextWithHint("Title", default_report_title(area).c_str(), p.title, sizeof p.title);
    ImGui::TextUnformatted("Commentary (printed in the box on the cover; kept for the next pack)");
    ImGui::InputTextMultiline("##commentary", p.commentary, sizeof p.commentary, ImVec2(520 * s, 110 * s));
    app.hooks.note_widget("report-commentary");
    if (app.project.scenario) {
        std::string label = "Add the scenario '" + app.project.scenario->name + "'" +
                            (app.project.compare_scenario ? " and its difference from '" + app.project.compare_scenario->name + "'" : "");
        ImGui::Checkbox(label.c_str(), &p.with_scenario);
    } else {
        ImGui::TextDisabled("Open a scenario (View > Dispersal scenarios) to add its pages.");
    }
    ImGui::SetNextItemWidth(420 * s);
    ImGui::InputText("##file", p.path, sizeof p.path);
    ImGui::SameLine();
    if (ImGui::Button("Browse..."))  // the file dialog: folders, recent places, asks before replacing
        app.files.ask_path(FileDialogMode::Save, "Save the board report", {{"PDF (.pdf)", {".pdf"}}}, p.path, [&app](const std::string& f) {
            std::snprintf(app.panels.report.path, sizeof app.panels.report.path, "%s", f.c_str());
        });
    app.hooks.note_widget("report-browse");
    bool busy = app.loading();
    if (busy) ImGui::BeginDisabled();
    if (ImGui::Button("Write the report")) {
        if (app.files.settings.report_commentary != p.commentary) {
            app.files.settings.report_commentary = p.commentary;
            app.files.save_settings();
        }
        app.start_report(request_of(app));
    }
    app.hooks.note_widget("report-write");
    if (busy) ImGui::EndDisabled();
    if (!app.panels.report.last_path.empty()) {
        ImGui::SameLine();
        if (ImGui::Button("Open")) {
            if (auto why = open_with_desktop(app.panels.report.last_path)) app.screen.error = "Could not open " + app.panels.report.last_path + ": " + *why;
        }
        ImGui::SameLine();
        ImGui::TextDisabled("%s", app.panels.report.last_path.c_str());
    }
    ImGui::End();
}

} // namespace sespm
