// panel_table.cpp: the attribute table, docked as a pane along the bottom of the window (a bar
// that expands it, a splitter on its top edge that sets its height, remembered for the next run
// in window_settings), linked to the map both ways: sortable by any column, a click selects the area (shift
// adds), a double-click zooms to it, areas selected on the map are highlighted in the table, and
// pledges are typed into their cells. A time series adds a sparkline of each row's last figures
// and its change since the previous period and a year before (trends/recent_change.h).
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <numeric>

#include "rules/periods.h"
#include "trends/recent_change.h"
#include "widgets/edit_cell.h"
#include "ui/map_app.h"
#include "widgets/sparkline.h"
#include "ui/panels/table_triggers.h"

namespace sespm {

namespace {

// The columns a time series adds after the layer's own: the sparkline, then the two changes.
constexpr int kTrendColumns = 3;
bool has_trend_columns(const MapView& v) { return !v.series.empty() && v.series.size() == v.result.rows.size(); }

RecentChange row_change(const MapView& v, int r) { return recent_change(v.series[r], v.result.period); }

// A time series' columns sit after the name (code, name, sparkline, two changes, the rest).
constexpr int kTrendFirst = 2;
int shown_index(const MapView& v, size_t own) {
    return static_cast<int>(own) + (has_trend_columns(v) && own >= kTrendFirst ? kTrendColumns : 0);
}

// The cell a shown column sorts by: the layer's own, a change the table adds (the sparkline
// sorts by the latest figure), or a trigger column (after all the others).
Cell sort_cell(const MapApp& app, const MapView& v, int r, int shown) {
    int before_triggers = static_cast<int>(v.result.columns.size()) + (has_trend_columns(v) ? kTrendColumns : 0);
    if (shown >= before_triggers) return trigger_sort_cell(app.project.triggers, v, r, shown - before_triggers);
    if (!has_trend_columns(v) || shown < kTrendFirst) return v.result.rows[r][shown];
    if (shown >= kTrendFirst + kTrendColumns) return v.result.rows[r][shown - kTrendColumns];
    RecentChange rc = row_change(v, r);
    int k = shown - kTrendFirst;
    return Cell::of_num(k == 0 ? rc.now : k == 1 ? rc.previous.change : rc.year.change, 0);
}

// The row order for the table's sort specs (kept while the map and the sort stay the same).
const std::vector<int>& sorted_rows(MapApp& app, const MapView& v) {
    std::vector<int>& order = app.panels.table.order;
    const MapBundle*& sorted_for = app.panels.table.sorted_for;
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (order.size() == v.result.rows.size() && sorted_for == app.screen.map.get() && !(specs && specs->SpecsDirty)) return order;
    order.resize(v.result.rows.size());
    std::iota(order.begin(), order.end(), 0);
    if (specs && specs->SpecsCount > 0) {
        int c = specs->Specs[0].ColumnIndex;
        bool asc = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            Cell x = sort_cell(app, v, a, c), y = sort_cell(app, v, b, c);
            if (x.is_text) return asc ? x.text < y.text : x.text > y.text;
            if (!x.num || !y.num) return x.num.has_value() && !y.num.has_value();  // missing last
            return asc ? *x.num < *y.num : *x.num > *y.num;
        });
    }
    if (specs) specs->SpecsDirty = false;
    sorted_for = app.screen.map.get();
    return order;
}

// The first cell: selects the row's area (shift adds), a double-click zooms to it. It lets
// the cells after it in the row take their own clicks (the pledge cells).
void name_cell(MapApp& app, int r, int area, const std::string& text) {
    bool sel = app.screen.selected.count(area) > 0;
    ImGui::PushID(r);
    if (ImGui::Selectable(text.c_str(), sel, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick |
                                                 ImGuiSelectableFlags_AllowItemOverlap)) {
        if (!ImGui::GetIO().KeyShift) app.screen.selected.clear();
        app.screen.selected.insert(area);
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) app.zoom_to_area(area);
    }
    ImGui::PopID();
    if (ImGui::IsItemHovered()) app.screen.hovered = area;
}

// Pledges are entered here: an empty cell is "not entered", never zero.
void pledge_cell(MapApp& app, int r, int c, const std::string& code) {
    auto it = app.project.pledges.find(code);
    ImGui::PushID(r * 1000 + c);
    ImGui::SetNextItemWidth(-1);
    auto typed = edit_cell("##pledge", it == app.project.pledges.end() ? "" : std::to_string(it->second), "enter", true);
    app.hooks.note_widget("pledge " + code);
    if (typed) {
        std::string t = *typed;
        if (t.empty()) app.project.set_pledge(code, std::nullopt);
        else if (t.find_first_not_of("0123456789") == std::string::npos && t.size() < 9) app.project.set_pledge(code, std::stoi(t));
        else app.screen.error = "A pledge is a whole number of places (0 or more): '" + t + "'";
    }
    ImGui::PopID();
}

// The sparkline and the two change cells of a time series' row.
void trend_cells(const MapView& v, int r, float scale) {
    RecentChange rc = row_change(v, r);
    ImGui::TableSetColumnIndex(kTrendFirst);
    sparkline(rc.counts, ImVec2(96 * scale, ImGui::GetTextLineHeight()));
    for (const DatedChange* d : {&rc.previous, &rc.year}) {
        ImGui::TableNextColumn();
        const std::optional<double>& change = d->change;
        if (!change) { ImGui::TextDisabled("-"); continue; }
        std::string t = (*change > 0 ? "+" : "") + Cell::of_num(*change, 0).display();
        if (*change > 0) ImGui::TextColored(ImVec4(0.70f, 0.09f, 0.17f, 1), "%s", t.c_str());
        else ImGui::TextUnformatted(t.c_str());
    }
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
                if (c == kTrendFirst && has_trend_columns(v)) trend_cells(v, r, app.screen.ui_scale);
                ImGui::TableSetColumnIndex(shown_index(v, c));
                std::string text = v.result.rows[r][c].display();
                if (c == 0) name_cell(app, r, area, text);
                else if (editable(c)) pledge_cell(app, r, static_cast<int>(c), v.result.rows[r][0].text);
                else if (text.empty() && !v.result.rows[r][c].is_text) ImGui::TextDisabled("-");
                else ImGui::TextUnformatted(text.c_str());
            }
            if (has_trigger_columns(app, v)) trigger_cells(app, v, r, shown_index(v, cols.size()));
        }
    }
}

// The pane's top edge: drag it to change the pane's height (kept in app.table_height).
void splitter(MapApp& app, float width) {
    float s = app.screen.ui_scale;
    ImGui::SetCursorPos(ImVec2(0, 0));
    ImGui::InvisibleButton("##splitter", ImVec2(width, 6 * s));
    app.hooks.note_widget("splitter");
    bool hot = ImGui::IsItemHovered() || ImGui::IsItemActive();
    if (hot) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
    if (ImGui::IsItemActive()) app.screen.table_height = table_height_clamped(app, app.screen.table_height - ImGui::GetIO().MouseDelta.y);
    if (ImGui::IsItemDeactivated()) app.files.remember_table_height(app.screen.table_height, app.screen.ui_scale);  // the drag ended: kept for the next run
    ImVec2 p = ImGui::GetItemRectMin();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y + 1), ImVec2(p.x + width, p.y + 1),
                                        hot ? IM_COL32(60, 110, 200, 255) : IM_COL32(160, 160, 160, 255), hot ? 3.0f : 1.0f);
}

// Headers of the columns a time series adds, naming the periods the changes are from.
void trend_headers(const MapView& v, float scale) {
    RecentChange rc = row_change(v, 0);
    ImGui::TableSetupColumn(sparkline_title(rc.periods).c_str(), ImGuiTableColumnFlags_WidthFixed, 118 * scale);
    // the dates by the one rule (rules/dated_change.h), said even when the series has no figure then
    auto since = [](const DatedChange& d) {
        if (d.since.empty()) return std::string("Change");
        return (d.published ? "Change since " : "No figure for ") + quarter_label(d.since);
    };
    ImGui::TableSetupColumn(since(rc.previous).c_str());
    ImGui::TableSetupColumn(since(rc.year).c_str());
}

void table_body(MapApp& app, const MapView& v) {
    const auto& cols = v.result.columns;
    // Planner-entered columns (pledges) are editable per district; group rows show their sums.
    auto editable = [&](size_t c) {
        if (app.loading() || v.result.geography != Geography::District || !v.options.open_file.empty()) return false;
        for (const auto& u : v.result.spec.user_columns) if (cols[c] == u && u == "pledges") return true;
        return false;
    };
    if (!v.result.spec.user_columns.empty())
        ImGui::TextDisabled("Pledges are entered here and saved to %s (Enter saves, Esc cancels, Ctrl+Z undoes).",
                            app.project.path.c_str());
    else if (has_trigger_columns(app, v))
        ImGui::TextDisabled("Agreed trigger points are entered here as a share of the limit and saved to %s (Enter saves, Esc cancels, Ctrl+Z undoes).",
                            app.project.path.c_str());
    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_RowBg |
                            ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
    int columns = static_cast<int>(cols.size()) + (has_trend_columns(v) ? kTrendColumns : 0) +
                  (has_trigger_columns(app, v) ? kTriggerColumns : 0);
    if (ImGui::BeginTable("rows", columns, flags)) {
        ImGui::TableSetupScrollFreeze(2, 1);  // code and name stay in view when scrolled sideways
        for (size_t c = 0; c < cols.size(); ++c) {
            if (c == kTrendFirst && has_trend_columns(v)) trend_headers(v, app.screen.ui_scale);
            ImGui::TableSetupColumn(column_title(v.result.spec, cols[c]).c_str(), editable(c) ? ImGuiTableColumnFlags_WidthFixed : 0,
                                    editable(c) ? 90 * app.screen.ui_scale : 0.0f);
        }
        if (has_trigger_columns(app, v)) trigger_headers(app);
        ImGui::TableHeadersRow();
        table_rows(app, v, editable);
        ImGui::EndTable();
    }
}

} // namespace

float table_height_clamped(const MapApp& app, float h) {
    float avail = ImGui::GetMainViewport()->WorkSize.y;
    return std::clamp(h, 120 * app.screen.ui_scale, std::max(120 * app.screen.ui_scale, avail * 0.75f));
}

float MapApp::bottom_pane_px() const {
    if (!panels.is_open(PanelId::Table) || !screen.map) return 0;
    float bar = ImGui::GetFrameHeightWithSpacing() + 10 * screen.ui_scale;
    return screen.table_expanded ? table_height_clamped(*this, screen.table_height) : bar;
}

// The attribute table, docked along the bottom of the window under the map (left of the Layers
// panel): a header bar that expands or collapses it, and a splitter on its top edge.
void panel_table(MapApp& app) {
    if (!app.screen.map) return;
    const MapView& v = app.screen.map->view;
    ImGuiViewport* vp = ImGui::GetMainViewport();
    float s = app.screen.ui_scale, h = app.bottom_pane_px();
    float w = std::max(200 * s, vp->WorkSize.x - kLayersPanelWidth * s - 20 * s);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_Always);
    ImGuiWindowFlags wf = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                          ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoSavedSettings;
    if (!begin_panel(app, PanelId::Table, wf)) { ImGui::End(); return; }
    app.hooks.note_rect("table", ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowPos().x + w, ImGui::GetWindowPos().y + h);
    if (app.screen.table_expanded) splitter(app, w);
    ImGui::SetCursorPosY(ImGui::GetStyle().WindowPadding.y);
    if (ImGui::ArrowButton("##toggle", app.screen.table_expanded ? ImGuiDir_Down : ImGuiDir_Up)) app.screen.table_expanded = !app.screen.table_expanded;
    ImGui::SameLine();
    ImGui::Text("Attribute table: %s (%zu rows)", v.result.spec.title.c_str(), v.result.rows.size());
    if (ImGui::IsItemClicked()) app.screen.table_expanded = !app.screen.table_expanded;
    ImGui::SameLine(w - 30 * s);
    if (ImGui::SmallButton("x")) app.panels.open(PanelId::Table) = false;
    if (app.screen.table_expanded) table_body(app, v);
    ImGui::End();
}

} // namespace sespm
