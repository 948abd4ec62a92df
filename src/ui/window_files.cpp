// window_files.cpp: see window_files.h.
#include "ui/window_files.h"

#include "core/user_folders.h"
#include "ui/map_app.h"

#include "core/error.h"

#include "render/gl.h"
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace sespm {

namespace fs = std::filesystem;

namespace {

const std::vector<FileFilter> kVectorFiles = {
    {"Vector files", {".geojson", ".json", ".gpkg", ".shp", ".fgb", ".kml", ".gml", ".tab", ".mif", ".sqlite"}}, {"All files", {}}};
const std::vector<FileFilter> kProjects = {{"SESPM projects (.sespm)", {".sespm"}}, {"All files", {}}};

bool exists(const std::string& p) {
    std::error_code ec;
    return is_server_location(p) || fs::exists(p, ec);  // a server is not looked for on disk
}

// A file's absolute path (--project p.sespm works from any folder); a server location as given.
std::string full_location(const std::string& p) {
    if (is_server_location(p)) return p;
    std::error_code ec;
    fs::path full = fs::absolute(p, ec).lexically_normal();
    return ec ? p : full.string();
}

} // namespace

void WindowFiles::save_settings() { save_window_settings(settings_path, settings); }

void WindowFiles::remember_table_height(float height_px, float ui_scale) {
    float logical = height_px / ui_scale;
    if (height_px <= 0 || logical == table_height_logical()) return;
    settings.table_height = logical;
    save_settings();
}

// The project in use goes first in Recent projects once its file exists.
void WindowFiles::note_recent_project() {
    std::string full = full_location(app_.project.path);
    if (!exists(full) || (!settings.recent_projects.empty() && settings.recent_projects.front() == full)) return;
    remember_project(settings, full);
    save_settings();
}

void WindowFiles::ask_path(FileDialogMode mode, const std::string& title, std::vector<FileFilter> filters, const std::string& start,
                      std::function<void(const std::string&)> chosen) {
    show_file_dialog(dialog, mode, title, std::move(filters), start, std::move(chosen));
}

void WindowFiles::draw_dialogs() {
    FileDialogContext ctx;
    ctx.scale = app_.screen.ui_scale;
    std::string home = home_folder().value_or("/");
    ctx.places.push_back({"Home", home});
    for (const char* sub : {"Pictures", "Documents", "Desktop"})
        if (fs::is_directory(home + "/" + sub)) ctx.places.push_back({sub, home + "/" + sub});
    if (!app_.data_dir().empty()) ctx.places.push_back({"Data folder", fs::weakly_canonical(app_.data_dir()).string()});
    std::error_code ec;
    std::string cwd = fs::current_path(ec).string();
    if (!ec) ctx.places.push_back({"Working folder", cwd});
    std::string pf = fs::path(app_.project.path).parent_path().string();
    if (!pf.empty() && fs::is_directory(pf)) ctx.places.push_back({"Project folder", pf});
    std::vector<std::string> before = settings.recent_folders;
    ctx.recent_folders = &settings.recent_folders;
    ctx.note = [this](const std::string& n) { app_.hooks.note_widget(n); };
    draw_file_dialog(dialog, ctx);
    if (settings.recent_folders != before) save_settings();
}

void WindowFiles::menu() {
    auto open_any = [this] {
        ask_path(FileDialogMode::Open, "Open a file as the map", kVectorFiles, app_.panels.open_path, [this](const std::string& p) { app_.open_file(p); });
    };
    if (app_.ctrl_chord(GLFW_KEY_O) && !dialog.open) open_any();
    bool open = ImGui::BeginMenu("File");
    app_.hooks.note_widget("menu file");
    if (!open) return;
    if (ImGui::MenuItem("Open file...", "Ctrl+O")) open_any();
    app_.hooks.note_widget("menu open-file");
    if (ImGui::MenuItem("Add a file as an overlay..."))
        ask_path(FileDialogMode::Open, "Add a file over the map", kVectorFiles, app_.panels.open_path, [this](const std::string& p) { app_.add_overlay(p); });
    app_.hooks.note_widget("menu add-overlay");
    ImGui::Separator();
    if (ImGui::MenuItem("New project file..."))
        ask_path(FileDialogMode::SaveNew, "New project", kProjects, fs::path(app_.project.path).parent_path().string(),
                 [this](const std::string& p) { switch_project(p, true); });
    app_.hooks.note_widget("menu new-project");
    if (ImGui::MenuItem("Open project file..."))
        ask_path(FileDialogMode::Open, "Open a project", kProjects, app_.project.path, [this](const std::string& p) { switch_project(p, false); });
    app_.hooks.note_widget("menu open-project");
    recent_projects_menu();
    ImGui::Separator();
    project_menu(app_);  // ui/project_live.cpp: the project open, its kind, a server location typed
    ImGui::Separator();
    if (ImGui::MenuItem("Export...", "Ctrl+E")) app_.panels.open(PanelId::Export) = true;
    if (ImGui::MenuItem("Board report...")) app_.panels.open(PanelId::Report) = true;
    app_.hooks.note_widget("menu report");
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) glfwSetWindowShouldClose(app_.window_, 1);
    ImGui::EndMenu();
}

// Most recent first; a project no longer there is greyed, and a click takes it off the list.
void WindowFiles::recent_projects_menu() {
    bool open = ImGui::BeginMenu("Recent projects");
    app_.hooks.note_widget("menu recent");
    if (!open) return;
    if (settings.recent_projects.empty()) ImGui::TextDisabled("(none yet)");
    std::vector<std::string> list = settings.recent_projects;
    for (const auto& p : list) {
        bool here = exists(p);
        std::string label = is_server_location(p) ? p + "   (PostgreSQL server)"
                                                  : fs::path(p).filename().string() + "   " + fs::path(p).parent_path().string();
        if (!here) label += "   (not found: click to remove it)";
        if (!here) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        bool chosen = ImGui::MenuItem(label.c_str(), nullptr, p == full_location(app_.project.path));
        if (!here) ImGui::PopStyleColor();
        app_.hooks.note_widget("recent " + p);
        if (!chosen) continue;
        if (here) {
            switch_project(p, false);
            continue;
        }
        auto& r = settings.recent_projects;
        r.erase(std::remove(r.begin(), r.end(), p), r.end());
        save_settings();
        app_.screen.status = p + " is no longer there: taken off Recent projects";
    }
    ImGui::EndMenu();
}

// Edits go to `path` from now on: its pledges and scenarios are shown, the undo history (of
// the other project) is cleared. New creates the file at once; a file that is not a project is
// refused with the reason and the project shown stays.
void WindowFiles::switch_project(const std::string& path, bool create) {
    if (!app_.session_) return;
    if (app_.job_.valid()) {
        app_.screen.status = "Still loading: open the project again in a moment";
        return;
    }
    std::string before = app_.session_->project_location();
    try {
        app_.session_->set_project(path);
        if (create) app_.session_->project_for_writing();
        else if (!app_.session_->project_for_reading()) throw std::runtime_error("no such file");
    } catch (const std::exception& e) {
        app_.session_->set_project(before);
        app_.screen.error = "Cannot open the project " + path + ": " + message_for_people(e) + " (the project shown stays " + before + ")";
        return;
    }
    app_.live.open_location(path);  // ui/project_live.cpp: the store, the undo history, a server's listener
    app_.project.scenario.reset();
    app_.project.compare_scenario.reset();
    app_.project.scenario_on_map = false;
    app_.panels.scenario = {};
    app_.project.write_failed = false;
    app_.project.reload();
    app_.request_map(false);
    note_recent_project();
    app_.screen.status = std::string(create ? "Created" : "Opened") + " the project " + path;
}

// "p.sespm (folder) - SESPM Map"; "• p.sespm ..." while the last edit is unsaved (it failed).
void WindowFiles::update_title() {
    fs::path full = full_location(app_.project.path);
    bool server = is_server_location(app_.project.path);
    std::string name = server ? app_.project.path : full.filename().string();
    std::string folder = server ? "PostgreSQL server" : full.parent_path().string();
    std::string t;
    if (app_.project.write_failed) t = "\u2022 " + name + " (" + folder + ") - SESPM Map - the last edit was NOT saved";
    else if (!exists(app_.project.path)) t = name + " (" + folder + ") - SESPM Map - new project, created on the first edit";
    else t = name + " (" + folder + ") - SESPM Map - every edit is saved as it is made";
    if (t == title_shown_ || !app_.window_) return;
    glfwSetWindowTitle(app_.window_, t.c_str());
    title_shown_ = t;
}

} // namespace sespm
