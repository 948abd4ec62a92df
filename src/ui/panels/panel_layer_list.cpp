// panel_layer_list.cpp: the layer list in the Layers panel, as in QGIS: the map and each file
// added over it, top first, with a visibility checkbox, an opacity slider and (for added files)
// a remove button; dragging a row onto another moves it there, which changes the draw order.
#include <imgui.h>

#include "ui/map_app.h"

namespace sespm {

namespace {

const char* kPayload = "SESPM_LAYER_ROW";

std::string row_name(const MapApp& app, int id) {
    if (id != kMapLayer) return app.screen.layer_stack.extras[id].name;
    return app.screen.map ? app.screen.map->view.title : "the map";
}

// One row; returns true when its remove button was pressed. Drops onto it set `move`.
bool layer_row(MapApp& app, int pos, std::pair<int, int>& move) {
    LayerStack& st = app.screen.layer_stack;
    int id = st.order[pos];
    float s = app.screen.ui_scale;
    std::string key = id == kMapLayer ? "map" : st.extras[id].name;
    ImGui::PushID(pos);
    bool& visible = id == kMapLayer ? st.map_visible : st.extras[id].visible;
    ImGui::Checkbox("##visible", &visible);
    app.hooks.note_widget("layer-visible " + key);
    ImGui::SameLine();
    std::string label = (id == kMapLayer ? "Map: " : "") + row_name(app, id);
    ImGui::Selectable(label.c_str(), false, 0, ImVec2(std::max(60 * s, ImGui::GetContentRegionAvail().x - 130 * s), 0));
    app.hooks.note_widget("layer " + key);
    if (ImGui::IsItemHovered())  // the whole name, which the row may cut short, and where it comes from
        ImGui::SetTooltip("%s (drag to reorder)", id == kMapLayer ? label.c_str() : st.extras[id].path.c_str());
    if (ImGui::BeginDragDropSource()) {
        ImGui::SetDragDropPayload(kPayload, &pos, sizeof pos);
        ImGui::TextUnformatted(label.c_str());
        ImGui::EndDragDropSource();
    }
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kPayload)) move = {*static_cast<const int*>(p->Data), pos};
        ImGui::EndDragDropTarget();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(90 * s);
    if (id == kMapLayer) ImGui::SliderFloat("##opacity", &app.screen.style.opacity, 0.2f, 1.0f, "%.2f");
    else ImGui::SliderFloat("##opacity", &st.extras[id].opacity, 0.0f, 1.0f, "%.2f");
    app.hooks.note_widget("layer-opacity " + key);
    bool removed = false;
    if (id != kMapLayer) {
        ImGui::SameLine();
        removed = ImGui::SmallButton("x");
        app.hooks.note_widget("layer-remove " + key);
    }
    ImGui::PopID();
    return removed;
}

} // namespace

void layer_list(MapApp& app) {
    LayerStack& st = app.screen.layer_stack;
    ImGui::TextDisabled("Layers, top drawn last: drag a row to reorder");
    std::pair<int, int> move{-1, -1};
    int remove = -1;
    for (int pos = 0; pos < static_cast<int>(st.order.size()); ++pos)
        if (layer_row(app, pos, move)) remove = st.order[pos];
    if (move.first >= 0) {
        st.move(move.first, move.second);
        app.screen.status = "Moved " + row_name(app, st.order[move.second]) + " to position " + std::to_string(move.second + 1) + " of " +
                     std::to_string(st.order.size());
    }
    if (remove >= 0) {
        app.screen.status = "Removed " + st.extras[remove].name;
        st.remove(remove);
    }
}

} // namespace sespm
