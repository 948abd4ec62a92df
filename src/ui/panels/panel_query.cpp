// panel_query.cpp: the Questions panel: the core's spatial queries asked of the areas on the
// map (neighbours of the selected area, areas within N km of it, providers per area, nearest
// provider). Results are listed with their figures and highlighted on the map as a selection.
#include <imgui.h>

#include <cstdio>

#include "core/bad_rows.h"
#include "map/queries.h"
#include "ui/map_app.h"

#include "core/error.h"

namespace sespm {

namespace {

// The question as the map model's QueryRequest, about the areas shown.
QueryRequest query_of(const MapApp& app, const QueryPanelState& q, int from) {
    const MapRequest& v = app.screen.map->view.options;
    QueryRequest r;
    r.question = q.question == 0 ? Question::Neighbours : q.question == 1 ? Question::Within
               : q.question == 2 ? Question::CountPoints : Question::Nearest;
    r.geography = v.geography;
    r.within = v.open_file.empty() ? v.within : std::nullopt;
    r.open_file = v.open_file;
    r.code_field = v.code_field;
    r.name_field = v.name_field;
    if (from >= 0) r.code = app.screen.map->view.set->areas[from].code;
    r.km = q.km;
    r.points_file = q.points_path;
    return r;
}

// A row's figure as the panel shows it: distance, count, or "name (km)".
std::string figure_of(const QueryAnswer& a, size_t row) {
    const auto& r = a.rows[row];
    if (r.size() == 3) return r[2].display();
    if (r.size() == 4) return r[2].text.empty() ? "-" : r[2].text + " (" + r[3].display() + ")";
    return "";
}

void run_query(MapApp& app) {
    QueryPanelState& q = app.panels.query;
    int from = app.screen.selected.empty() ? -1 : *app.screen.selected.begin();
    if ((q.question == 0 || q.question == 1) && from < 0) {
        app.screen.error = "Select an area on the map first (click it), then ask again.";
        return;
    }
    const char* titles[] = {"Neighbours of ", "Within ", "Providers per area", "Nearest provider"};
    const char* headings[] = {"", "km", "count", "nearest (km)"};
    bool ran = app.with_session([&](Session& session) {
        q.rows.clear();
        q.rejected.clear();
        input_log().clear();  // the rows this question's points file rejects, and only those
        try {
            QueryAnswer a = run_query(session, query_of(app, q, from));
            for (size_t k = 0; k < a.rows.size(); ++k) q.rows.push_back({static_cast<int>(a.areas[k]), figure_of(a, k)});
            char km[32];
            std::snprintf(km, sizeof km, "%.1f km of ", q.km);
            std::string of = from >= 0 ? app.screen.map->view.set->areas[from].name : "";
            q.title = q.question == 0 ? titles[0] + of : q.question == 1 ? titles[1] + std::string(km) + of : titles[q.question];
            q.figure_heading = headings[q.question];
        } catch (const std::exception& e) {
            app.screen.error = message_for_people(e);
        }
        for (const auto& r : input_log().rejected()) q.rejected.push_back(r.message());
        input_log().clear();
    });
    if (!ran) {
        app.screen.status = "Still loading: ask again in a moment";
        return;
    }
    if (q.question <= 1) {
        app.screen.selected.clear();
        app.screen.selected.insert(from);
        for (const auto& r : q.rows) app.screen.selected.insert(r.first);
    }
}

} // namespace

void panel_query(MapApp& app) {
    if (!app.screen.map) return;
    float s = app.screen.ui_scale;
    ImGui::SetNextWindowSize(ImVec2(420 * s, 420 * s), ImGuiCond_FirstUseEver);
    if (!begin_panel(app, PanelId::Query)) { ImGui::End(); return; }
    QueryPanelState& q = app.panels.query;
    const char* questions[] = {"Neighbours of the selected area", "Areas within N km of the selected area",
                               "ESOL providers per area", "Nearest ESOL provider to each area"};
    ImGui::SetNextItemWidth(-1);
    ImGui::Combo("##question", &q.question, questions, 4);
    if (q.question == 1) {
        ImGui::SetNextItemWidth(160 * s);
        ImGui::SliderFloat("km", &q.km, 1, 100, "%.0f km");
    }
    if (q.question >= 2) {
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##points", "providers file (blank: FE colleges)", q.points_path, sizeof q.points_path);
    }
    if (ImGui::Button("Ask")) run_query(app);
    if (!q.title.empty()) {
        ImGui::Separator();
        ImGui::TextUnformatted(q.title.c_str());
        ImGui::TextDisabled("%zu areas", q.rows.size());
        if (!q.rejected.empty()) {
            // partly bad provider lists: the good rows are counted, every rejected one is listed
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(170, 20, 20, 255));
            ImGui::TextWrapped("%zu rows of the providers file were left out:", q.rejected.size());
            ImGui::PopStyleColor();
            for (const auto& r : q.rejected) { ImGui::Bullet(); ImGui::TextWrapped("%s", r.c_str()); }
        }
        if (ImGui::BeginTable("answers", 2, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn("Area", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn(q.figure_heading.c_str());
            ImGui::TableHeadersRow();
            for (const auto& [i, fig] : q.rows) {
                if (i < 0 || static_cast<size_t>(i) >= app.screen.map->view.set->areas.size()) continue;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(i);
                if (ImGui::Selectable(app.screen.map->view.set->areas[i].name.c_str(), app.screen.selected.count(i) > 0,
                                      ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
                    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) app.zoom_to_area(i);
                    app.screen.selected.insert(i);
                }
                ImGui::PopID();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(fig.c_str());
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

} // namespace sespm
