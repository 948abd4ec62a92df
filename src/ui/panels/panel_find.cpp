// panel_find.cpp: "Find a place", a search field in the menu bar: a district, county, region,
// SESPM sub-region or LEP by name (any case, the start or any part of it), or a South East
// postcode; the matches drop down as one types, Enter or a click takes one, and the map zooms
// to it and selects it (the areas of the map shown that make it up, or that contain it).
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ui/map_app.h"

#include "core/error.h"

namespace sespm {

namespace {

void refresh_matches(MapApp& app) {
    FindPanelState& f = app.panels.find;
    if (f.searched == f.text) return;
    bool ran = app.with_session([&](Session& s) {
        try {
            f.matches = find_places(*s.atlas, f.text);
        } catch (const std::exception& e) {
            app.screen.error = message_for_people(e);
            f.matches.clear();
        }
    });
    if (ran) f.searched = f.text;  // while a map loads, try again next frame
}

void take(MapApp& app, const PlaceMatch& m) {
    app.show_place(m);
    FindPanelState& f = app.panels.find;
    std::snprintf(f.text, sizeof f.text, "%s", m.name.c_str());
    f.searched = f.text;
    f.matches.clear();
    ImGui::CloseCurrentPopup();
}

} // namespace

void panel_find(MapApp& app) {
    FindPanelState& f = app.panels.find;
    float s = app.screen.ui_scale;
    ImGui::SetNextItemWidth(240 * s);
    bool enter = ImGui::InputTextWithHint("##find", "Find a place or postcode", f.text, sizeof f.text,
                                          ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    app.hooks.note_widget("find");
    bool typing = ImGui::IsItemActive();
    ImVec2 below(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y);
    refresh_matches(app);
    if (enter && !f.matches.empty()) take(app, f.matches[0]);
    else if (enter && f.text[0]) app.screen.status = std::string("No place called '") + f.text + "' (a district, county, LEP, sub-region or South East postcode)";
    if (typing && f.text[0] && !f.matches.empty()) ImGui::OpenPopup("##matches");
    ImGui::SetNextWindowPos(below);
    if (ImGui::BeginPopup("##matches", ImGuiWindowFlags_NoFocusOnAppearing)) {
        if (f.matches.empty() || !f.text[0]) ImGui::CloseCurrentPopup();
        for (size_t i = 0; i < f.matches.size(); ++i) {
            const PlaceMatch& m = f.matches[i];
            std::string label = m.name + "  (" + m.kind + ", " + m.code + ")";
            bool picked = ImGui::Selectable(label.c_str());
            app.hooks.note_widget("find-match " + std::to_string(i));
            if (picked) { take(app, m); break; }
        }
        ImGui::EndPopup();
    }
}

} // namespace sespm
