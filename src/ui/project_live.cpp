// project_live.cpp: the window's side of the project store: which project is open (File menu:
// its kind and location, and a field to open another, a file or a shared server), and live
// refresh on a server: the listener (stores/pg_listen) hears other planners' edits and the window
// reloads the pledges, the open scenarios and the map within a second, saying who changed what;
// after a dropped connection it says so, and on reconnecting reloads what changed meanwhile.
// An edit while the server is unreachable is refused by the store with the reason (never queued).
#include <imgui.h>

#include "ui/map_app.h"

#include "core/error.h"

namespace sespm {

namespace {

std::string change_words(const ChangeNote& n) {
    std::string what = n.table == "pledges" ? "pledge of " : n.table == "triggers" ? "trigger of " : n.table == "scenarios" ? "scenario " : "scenario row ";
    return what + n.key + " changed by " + n.who;
}

} // namespace

// "Portsmouth's pledge was changed to 40 by jsmith at 14:02; yours (35) was not saved": the
// table already shows theirs (the window reloaded); Overwrite runs the same edit over it.
void MapApp::conflict_dialog() {
    const char* title = "Someone else changed it first";
    if (!conflict_message.empty() && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(560 * screen.ui_scale);
    ImGui::TextWrapped("%s", conflict_message.c_str());
    ImGui::PopTextWrapPos();
    bool keep = ImGui::Button("Keep theirs");
    note_widget("keep theirs");
    ImGui::SameLine();
    bool overwrite = ImGui::Button("Overwrite");
    note_widget("overwrite");
    if (keep || overwrite) {
        auto retry = conflict_retry;
        conflict_message.clear();
        conflict_retry = nullptr;
        ImGui::CloseCurrentPopup();
        if (overwrite && retry) {
            retryable_edit = retry;
            project_edit("overwrite", retry);
        }
    }
    ImGui::EndPopup();
}

void MapApp::live_refresh() {
    conflict_dialog();
    if (!is_server_location(project_path)) { live.reset(); return; }
    if (!live) live = std::make_unique<ChangeListener>(project_path);
    ChangeListener::Taken t = live->take();
    live_problem = t.connected ? "" : t.problem;
    if (t.reconnected) {
        live_pending = true;
        live_note = "Reconnected to the server; reloaded what changed meanwhile";
    }
    if (!t.changes.empty()) {
        live_pending = true;
        live_note = change_words(t.changes.back()) + (t.changes.size() > 1 ? " (and " + std::to_string(t.changes.size() - 1) + " more)" : "");
    }
    if (!live_layout.empty()) note_rect(live_layout, 0, 0, 1, 1);  // (tests: kept in the layout file)
    if (!live_pending || job_.valid()) return;  // the loader uses the session: after it
    live_pending = false;
    reload_project();
    screen.status = live_note;
    // for tests ($SESPM_UI_LAYOUT): what was heard, and the pledge the window now holds for it
    if (!t.changes.empty() && t.changes.back().table == "pledges") {
        auto it = pledges.find(t.changes.back().key);
        live_layout = "live " + live_note + ": " + (it == pledges.end() ? std::string("none") : std::to_string(it->second));
    }
}

void MapApp::open_project_location(const std::string& location) {
    if (job_.valid()) { screen.status = "Still loading: open the project again in a moment"; return; }
    try {
        session_->set_project(location);
        project_path = location;
        options.project = location;
        history = UndoHistory<ProjectSnapshot>();
        live.reset();
        open_scenario("");
        reload_project();
        ProjectStore* p = session_->project_for_reading();
        screen.status = "Opened " + std::string(p ? p->kind() : "a new project file") + ": " + location;
    } catch (const std::exception& e) {
        screen.error = message_for_people(e);
    }
}

void project_menu(MapApp& app) {
    ImGui::Separator();
    bool server = is_server_location(app.project_path);
    ImGui::TextDisabled("Project: %s", server ? "PostgreSQL server" : "SQLite file");
    ImGui::TextDisabled("  %s", app.project_path.c_str());
    if (server && !app.live_problem.empty()) ImGui::TextColored(ImVec4(0.8f, 0.3f, 0.2f, 1), "  %s", app.live_problem.c_str());
    if (ImGui::BeginMenu("Open project")) {
        ImGui::TextUnformatted("A project file, or a server: service=NAME, postgresql://HOST/DB");
        char buf[512];
        std::snprintf(buf, sizeof buf, "%s", app.panels.open_project_field.c_str());
        ImGui::SetNextItemWidth(420 * app.screen.ui_scale);
        bool enter = ImGui::InputText("##project_location", buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue);
        app.panels.open_project_field = buf;
        app.note_widget("open project field");
        ImGui::SameLine();
        if ((ImGui::Button("Open") || enter) && !app.panels.open_project_field.empty()) {
            app.open_project_location(app.panels.open_project_field);
            ImGui::CloseCurrentPopup();
        }
        app.note_widget("open project button");
        ImGui::EndMenu();
    }
}

} // namespace sespm
