// project_live.cpp: see project_live.h. An edit while the server is unreachable is refused by
// the store with the reason (never queued).
#include "ui/project_live.h"

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
void LiveProject::conflict_dialog() {
    const char* title = "Someone else changed it first";
    if (!conflict_message.empty() && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(560 * app_.screen.ui_scale);
    ImGui::TextWrapped("%s", conflict_message.c_str());
    ImGui::PopTextWrapPos();
    bool keep = ImGui::Button("Keep theirs");
    app_.hooks.note_widget("keep theirs");
    ImGui::SameLine();
    bool overwrite = ImGui::Button("Overwrite");
    app_.hooks.note_widget("overwrite");
    if (keep || overwrite) {
        auto retry = conflict_retry;
        conflict_message.clear();
        conflict_retry = nullptr;
        ImGui::CloseCurrentPopup();
        if (overwrite && retry) {
            app_.project.retryable_edit = retry;
            app_.project.edit("overwrite", retry);
        }
    }
    ImGui::EndPopup();
}

void LiveProject::refresh() {
    conflict_dialog();
    if (!is_server_location(app_.project.path)) { listener.reset(); return; }
    if (!listener) listener = std::make_unique<ChangeListener>(app_.project.path);
    ChangeListener::Taken t = listener->take();
    problem = t.connected ? "" : t.problem;
    if (t.reconnected) {
        pending = true;
        note = "Reconnected to the server; reloaded what changed meanwhile";
    }
    if (!t.changes.empty()) {
        pending = true;
        note = change_words(t.changes.back()) + (t.changes.size() > 1 ? " (and " + std::to_string(t.changes.size() - 1) + " more)" : "");
    }
    if (!layout.empty()) app_.hooks.note_rect(layout, 0, 0, 1, 1);  // (tests: kept in the layout file)
    if (!pending || app_.job_.valid()) return;  // the loader uses the session: after it
    pending = false;
    app_.project.reload();
    app_.screen.status = note;
    // for tests ($SESPM_UI_LAYOUT): what was heard, and the pledge the window now holds for it
    if (!t.changes.empty() && t.changes.back().table == "pledges") {
        auto it = app_.project.pledges.find(t.changes.back().key);
        layout = "live " + note + ": " + (it == app_.project.pledges.end() ? std::string("none") : std::to_string(it->second));
    }
}

void LiveProject::open_location(const std::string& location) {
    if (app_.job_.valid()) { app_.screen.status = "Still loading: open the project again in a moment"; return; }
    try {
        app_.session_->set_project(location);
        app_.project.path = location;
        app_.options.project = location;
        app_.project.history = UndoHistory<ProjectSnapshot>();
        listener.reset();
        app_.project.open_scenario("");
        app_.project.reload();
        ProjectStore* p = app_.session_->project_for_reading();
        app_.screen.status = "Opened " + std::string(p ? p->kind() : "a new project file") + ": " + location;
    } catch (const std::exception& e) {
        app_.screen.error = message_for_people(e);
    }
}

void project_menu(MapApp& app) {
    ImGui::Separator();
    bool server = is_server_location(app.project.path);
    ImGui::TextDisabled("Project: %s", server ? "PostgreSQL server" : "SQLite file");
    ImGui::TextDisabled("  %s", app.project.path.c_str());
    if (server && !app.live.problem.empty()) ImGui::TextColored(ImVec4(0.8f, 0.3f, 0.2f, 1), "  %s", app.live.problem.c_str());
    if (ImGui::BeginMenu("Open project")) {
        ImGui::TextUnformatted("A project file, or a server: service=NAME, postgresql://HOST/DB");
        char buf[512];
        std::snprintf(buf, sizeof buf, "%s", app.panels.open_project_field.c_str());
        ImGui::SetNextItemWidth(420 * app.screen.ui_scale);
        bool enter = ImGui::InputText("##project_location", buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue);
        app.panels.open_project_field = buf;
        app.hooks.note_widget("open project field");
        ImGui::SameLine();
        if ((ImGui::Button("Open") || enter) && !app.panels.open_project_field.empty()) {
            app.live.open_location(app.panels.open_project_field);
            ImGui::CloseCurrentPopup();
        }
        app.hooks.note_widget("open project button");
        ImGui::EndMenu();
    }
}

} // namespace sespm
