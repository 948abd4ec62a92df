// panel_table.cpp: the attribute table, linked to the map both ways: sortable by any column,
// a click selects the area (shift adds), a double-click zooms to it, and areas selected on the
// map are highlighted in the table.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <numeric>

#include "ui/edit_cell.h"
#include "ui/map_app.h"

namespace sespm {

namespace {

// The row order for the table's sort specs (kept while the map and the sort stay the same).
const std::vector<int>& sorted_rows(MapApp& app, const MapView& v) {
    std::vector<int>& order = app.table_panel.order;
    const MapBundle*& sorted_for = app.table_panel.sorted_for;
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (order.size() == v.result.rows.size() && sorted_for == app.map.get() && !(specs && specs->SpecsDirty)) return order;
    order.resize(v.result.rows.size());
    std::iota(order.begin(), order.end(), 0);
    if (specs && specs->SpecsCount > 0) {
        int c = specs->Specs[0].ColumnIndex;
        bool asc = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            const Cell& x = v.result.rows[a][c];
            const Cell& y = v.result.rows[b][c];
            if (x.is_text) return asc ? x.text < y.text : x.text > y.text;
            if (!x.num || !y.num) return x.num.has_value() && !y.num.has_value();  // missing last
            return asc ? *x.num < *y.num : *x.num > *y.num;
        });
    }
    if (specs) specs->SpecsDirty = false;
    sorted_for = app.map.get();
    return order;
}

// The first cell: selects the row's area (shift adds), a double-click zooms to it. It lets
// the cells after it in the row take their own clicks (the pledge cells).
void name_cell(MapApp& app, int r, int area, const std::string& text) {
    bool sel = app.selected.count(area) > 0;
    ImGui::PushID(r);
    if (ImGui::Selectable(text.c_str(), sel, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick |
                                                 ImGuiSelectableFlags_AllowItemOverlap)) {
        if (!ImGui::GetIO().KeyShift) app.selected.clear();
        app.selected.insert(area);
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) app.zoom_to_area(area);
    }
    ImGui::PopID();
    if (ImGui::IsItemHovered()) app.hovered = area;
}

// Pledges are entered here: an empty cell is "not entered", never zero.
void pledge_cell(MapApp& app, int r, int c, const std::string& code) {
    auto it = app.pledges.find(code);
    ImGui::PushID(r * 1000 + c);
    ImGui::SetNextItemWidth(-1);
    auto typed = edit_cell("##pledge", it == app.pledges.end() ? "" : std::to_string(it->second), "enter", true);
    if (typed) {
        std::string t = *typed;
        if (t.empty()) app.set_pledge(code, std::nullopt);
        else if (t.find_first_not_of("0123456789") == std::string::npos && t.size() < 9) app.set_pledge(code, std::stoi(t));
        else app.error = "A pledge is a whole number of places (0 or more): '" + t + "'";
    }
    ImGui::PopID();
}

void table_rows(MapApp& app, const MapView& v, const std::function<bool(size_t)>& editable) {
    const auto& cols = v.result.columns;
    const std::vector<int>& order = sorted_rows(app, v);
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(order.size()));
    while (clip.Step()) {
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            int r = order[i];
            int area = static_cast<int>(v.result.selection[r]);
            ImGui::TableNextRow();
            for (size_t c = 0; c < cols.size(); ++c) {
                ImGui::TableSetColumnIndex(static_cast<int>(c));
                std::string text = v.result.rows[r][c].display();
                if (c == 0) name_cell(app, r, area, text);
                else if (editable(c)) pledge_cell(app, r, static_cast<int>(c), v.result.rows[r][0].text);
                else if (text.empty() && !v.result.rows[r][c].is_text) ImGui::TextDisabled("-");
                else ImGui::TextUnformatted(text.c_str());
            }
        }
    }
}

} // namespace

void panel_table(MapApp& app) {
    if (!app.map) return;
    const MapView& v = app.map->view;
    const auto& cols = v.result.columns;
    ImGuiViewport* vp = ImGui::GetMainViewport();
    float s = app.ui_scale;
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 10 * s, vp->WorkPos.y + vp->WorkSize.y - 40 * s), ImGuiCond_FirstUseEver, ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(std::min(vp->WorkSize.x - 420 * s, 1000 * s), 260 * s), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowCollapsed(!app.options.table_open, ImGuiCond_FirstUseEver);  // the map first; the table a click away
    if (!ImGui::Begin("Attribute table", &app.show_table)) { ImGui::End(); return; }
    // Planner-entered columns (pledges) are editable per district; group rows show their sums.
    auto editable = [&](size_t c) {
        if (app.loading() || v.result.geography != Geography::District || !v.options.open_file.empty()) return false;
        for (const auto& u : v.result.spec.user_columns) if (cols[c] == u && u == "pledges") return true;
        return false;
    };
    if (!v.result.spec.user_columns.empty())
        ImGui::TextDisabled("Pledges are entered here and saved to %s (Ctrl+Z undoes).", app.project_path.c_str());
    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                            ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("rows", static_cast<int>(cols.size()), flags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        for (size_t c = 0; c < cols.size(); ++c)
            ImGui::TableSetupColumn(column_title(cols[c]).c_str(), c == 1 ? ImGuiTableColumnFlags_WidthStretch : 0);
        ImGui::TableHeadersRow();
        table_rows(app, v, editable);
        ImGui::EndTable();
    }
    ImGui::End();
}

} // namespace sespm
