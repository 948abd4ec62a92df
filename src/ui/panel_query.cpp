// panel_query.cpp: the Questions panel: the core's spatial queries asked of the areas on the
// map (neighbours of the selected area, areas within N km of it, providers per area, nearest
// provider). Results are listed with their figures and highlighted on the map as a selection.
#include <imgui.h>

#include <cstdio>

#include "io/points.h"
#include "io/spatial.h"
#include "ui/map_app.h"

namespace sespm {

namespace {

void run_query(MapApp& app) {
    QueryPanelState& q = app.query_panel;
    const AreaSet* set = app.map->view.set;
    int from = app.selected.empty() ? -1 : *app.selected.begin();
    if ((q.question == 0 || q.question == 1) && from < 0) {
        app.error = "Select an area on the map first (click it), then ask again.";
        return;
    }
    bool ran = app.with_session([&](Session& session) {
        const GeosContext& geos = session.geos;
        q.rows.clear();
        try {
            if (q.question == 0) {
                q.title = "Neighbours of " + set->areas[from].name;
                q.figure_heading = "";
                for (size_t i : neighbours(geos, *set, static_cast<size_t>(from))) q.rows.push_back({static_cast<int>(i), ""});
            } else if (q.question == 1) {
                char t[64];
                std::snprintf(t, sizeof t, "%.1f", q.km);
                q.title = "Within " + std::string(t) + " km of " + set->areas[from].name;
                q.figure_heading = "km";
                for (const auto& h : areas_within(geos, *set, static_cast<size_t>(from), q.km * 1000.0)) {
                    std::snprintf(t, sizeof t, "%.2f", h.distance_m / 1000);
                    q.rows.push_back({static_cast<int>(h.area), t});
                }
            } else {
                std::string file = q.points_path;
                std::string label = "name";
                if (file.empty()) {
                    for (const auto& l : session.layers)
                        if (l.kind == LayerKind::Points) { file = session.data_dir + "/" + l.points_file; label = l.point_label; }
                }
                PointSet pts = read_points(file, label, session.postcode_lookup());
                const auto& sel = app.map->view.result.selection;
                if (q.question == 2) {
                    q.title = "Providers per area";
                    q.figure_heading = "count";
                    auto n = count_points(geos, *set, sel, pts);
                    for (size_t k = 0; k < sel.size(); ++k) q.rows.push_back({static_cast<int>(sel[k]), std::to_string(n[k])});
                } else {
                    q.title = "Nearest provider";
                    q.figure_heading = "nearest (km)";
                    auto n = nearest_points(geos, *set, sel, pts);
                    for (size_t k = 0; k < sel.size(); ++k) {
                        char t[256];
                        if (n[k].point >= 0) std::snprintf(t, sizeof t, "%s (%.2f)", pts.labels[n[k].point].c_str(), n[k].distance_m / 1000);
                        else std::snprintf(t, sizeof t, "-");
                        q.rows.push_back({static_cast<int>(sel[k]), t});
                    }
                }
            }
        } catch (const std::exception& e) {
            app.error = e.what();
        }
    });
    if (!ran) {
        app.status = "Still loading: ask again in a moment";
        return;
    }
    if (q.question <= 1) {
        app.selected.clear();
        app.selected.insert(from);
        for (const auto& r : q.rows) app.selected.insert(r.first);
    }
}

} // namespace

void panel_query(MapApp& app) {
    if (!app.map) return;
    float s = app.ui_scale;
    ImGui::SetNextWindowSize(ImVec2(420 * s, 420 * s), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Questions", &app.show_query)) { ImGui::End(); return; }
    QueryPanelState& q = app.query_panel;
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
        if (ImGui::BeginTable("answers", 2, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn("Area", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn(q.figure_heading.c_str());
            ImGui::TableHeadersRow();
            for (const auto& [i, fig] : q.rows) {
                if (i < 0 || static_cast<size_t>(i) >= app.map->view.set->areas.size()) continue;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(i);
                if (ImGui::Selectable(app.map->view.set->areas[i].name.c_str(), app.selected.count(i) > 0,
                                      ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
                    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) app.zoom_to_area(i);
                    app.selected.insert(i);
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
