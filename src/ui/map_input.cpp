// map_input.cpp: mouse and keys over the map (drag to pan, wheel to zoom at the cursor, click
// and shift-click to select, double-click to zoom to an area, F / Home to fit, +/- to zoom, Esc)
// and the hover tooltip with the area's figures.
#include "render/gl.h"  // before GLFW, so GL prototypes are declared
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "rules/periods.h"
#include "trends/recent_change.h"
#include "ui/map_app.h"
#include "ui/panels/scenario_factors.h"
#include "widgets/sparkline.h"

namespace sespm {

void MapApp::handle_input() {
    ImGuiIO& io = ImGui::GetIO();
    double mx, my;
    glfwGetCursorPos(window_, &mx, &my);
    int ww, wh, fw, fh;
    glfwGetWindowSize(window_, &ww, &wh);
    glfwGetFramebufferSize(window_, &fw, &fh);
    double sx = ww > 0 ? static_cast<double>(fw) / ww : 1, sy = wh > 0 ? static_cast<double>(fh) / wh : 1;
    double px = mx * sx, py = my * sy;
    screen.hovered = -1;
    if (!io.WantCaptureKeyboard) {
        if (ImGui::IsKeyPressed(GLFW_KEY_F) || ImGui::IsKeyPressed(GLFW_KEY_HOME)) fit_to_selection();
        if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) screen.selected.clear();
        if (ImGui::IsKeyPressed(GLFW_KEY_COMMA)) step_period(-1);   // the time slider, a quarter back
        if (ImGui::IsKeyPressed(GLFW_KEY_PERIOD)) step_period(1);   // and forward
        if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) screen.camera.zoom_at(screen.camera.width / 2.0, screen.camera.height / 2.0, 1.5);
        if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT)) screen.camera.zoom_at(screen.camera.width / 2.0, screen.camera.height / 2.0, 1 / 1.5);
    }
    if (io.WantCaptureMouse && !dragging_) return;
    if (io.MouseWheel != 0) screen.camera.zoom_at(px, py, std::pow(1.25, io.MouseWheel));
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        dragging_ = true;
        press_x_ = last_x_ = px;
        press_y_ = last_y_ = py;
    }
    if (dragging_ && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        screen.camera.pan_pixels(px - last_x_, py - last_y_);
        last_x_ = px;
        last_y_ = py;
    }
    double wx, wy;
    screen.camera.screen_to_world(px, py, wx, wy);
    // (no hover in --screenshot runs: the pointer of a virtual display is just parked mid-screen)
    if (screen.map && screen.map->picker && options.screenshot.empty()) screen.hovered = screen.map->picker->pick(wx, wy);
    screen.hovered_point = -1;  // a provider's dot under the cursor (within a few pixels) is hovered first
    if (screen.map && options.screenshot.empty()) {
        const PointSet& pts = screen.map->view.points;
        double best = 7.0 * screen.ui_scale * screen.camera.mpp;
        for (size_t i = 0; i < pts.size(); ++i) {
            double d = std::hypot(pts.x[i] - wx, pts.y[i] - wy);
            if (d <= best) best = d, screen.hovered_point = static_cast<int>(i);
        }
    }
    if (dragging_ && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        dragging_ = false;
        bool click = std::hypot(px - press_x_, py - press_y_) < 4;
        if (click) {
            if (!io.KeyShift) screen.selected.clear();
            if (screen.hovered >= 0) {
                if (io.KeyShift && screen.selected.count(screen.hovered)) screen.selected.erase(screen.hovered);
                else screen.selected.insert(screen.hovered);
            }
        }
    }
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && screen.hovered >= 0) zoom_to_area(screen.hovered);
}

namespace {

// A figure as the tooltip says it: missing is "not entered" for what planners type (pledges)
// and "no published figure" for the rest; a group's count says how many members had none.
std::string tooltip_value(const LayerResult& res, const std::vector<Cell>& row, size_t c) {
    const std::string& col = res.columns[c];
    std::string s = row[c].display();
    bool user = std::find(res.spec.user_columns.begin(), res.spec.user_columns.end(), col) != res.spec.user_columns.end();
    if (s.empty()) s = user ? "not entered" : "no published figure";
    if (col != res.spec.count_column) return s;
    auto at = [&](const char* name) -> std::optional<double> {
        for (size_t k = 0; k < res.columns.size(); ++k) if (res.columns[k] == name) return row[k].num;
        return std::nullopt;
    };
    auto members = at("member_areas"), without = at("members_without_figure");
    if (members && without && *without > 0)
        s += " (" + group_gap_text(static_cast<int>(*without), static_cast<int>(*members), res.spec.native) + ")";
    return s;
}

bool is_member_column(const std::string& c) { return c == "member_areas" || c == "members_without_figure"; }

} // namespace

std::string group_gap_text(int without, int members, Geography native) {
    std::string what = native == Geography::County ? "authorities" : "districts";
    return std::to_string(without) + " of " + std::to_string(members) + " " + what + (without == 1 ? " has" : " have") +
           " no published figure";
}

// Keeps the tooltip whole inside the window: beside the cursor, flipped left or up near an edge
// (its size is last frame's; a tooltip near the bottom edge is moved up, never cut off).
void MapApp::place_tooltip() {
    ImGuiViewport* vp = ImGui::GetMainViewport();
    ImVec2 m = ImGui::GetIO().MousePos, size = tooltip_size_;
    float off = 16 * screen.ui_scale;
    float x = m.x + off, y = m.y + off;
    if (x + size.x > vp->WorkPos.x + vp->WorkSize.x) x = std::max(vp->WorkPos.x, m.x - off - size.x);
    // too low: above the pointer (never under it, where it would take the hover from the map)
    if (y + size.y > vp->WorkPos.y + vp->WorkSize.y) y = std::max(vp->WorkPos.y, m.y - off - size.y);
    ImGui::SetNextWindowPos(ImVec2(x, y));
}

void MapApp::point_tooltip(int p) {
    const PointSet& pts = screen.map->view.points;
    ImGui::PushFont(screen.fonts.bold);
    ImGui::TextUnformatted(pts.labels[p].c_str());
    ImGui::PopFont();
    if (p < static_cast<int>(pts.details.size()) && !pts.details[p].empty()) ImGui::TextUnformatted(pts.details[p].c_str());
    if (screen.hovered >= 0) ImGui::TextDisabled("in %s", screen.map->view.set->areas[screen.hovered].name.c_str());
    ImGui::TextDisabled("%s", screen.map->view.points_title.c_str());
}

void MapApp::draw_tooltip() {
    if (!screen.map || (screen.hovered < 0 && screen.hovered_point < 0) || dragging_) return;
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AnyWindow)) return;  // a table row: highlighted, not covered
    const MapView& v = screen.map->view;
    place_tooltip();
    ImGui::BeginTooltip();
    if (screen.hovered_point >= 0) {
        point_tooltip(screen.hovered_point);
    } else {
        area_tooltip(v, screen.hovered);
    }
    tooltip_size_ = ImGui::GetWindowSize();
    ImVec2 p = ImGui::GetWindowPos();
    hooks.note_rect("tooltip", p.x, p.y, p.x + tooltip_size_.x, p.y + tooltip_size_.y);
    ImGui::EndTooltip();
}

// A time series: the sparkline of the area's last figures and its change since the previous
// period and a year before.
void MapApp::recent_in_tooltip(const MapView& v, int row) {
    RecentChange rc = recent_change(v.series[row], v.result.period);
    if (rc.periods.size() < 2) return;
    ImGui::Separator();
    ImGui::TextDisabled("%s, last %s to %s", column_title(v.result.spec, charted_column(v.result.spec)).c_str(), sparkline_title(rc.periods).c_str(),
                        quarter_label(rc.periods.back()).c_str());
    sparkline(rc.counts, ImVec2(220 * screen.ui_scale, 30 * screen.ui_scale), IM_COL32(178, 24, 43, 255));
    std::vector<std::string> lines{change_phrase(rc.previous)};
    if (!rc.yearly) lines.push_back(change_phrase(rc.year));
    for (const std::string& t : lines)
        if (!t.empty()) ImGui::TextUnformatted(t.c_str());
}

void MapApp::area_tooltip(const MapView& v, int area) {
    const Area& a = v.set->areas[area];
    ImGui::PushFont(screen.fonts.bold);
    ImGui::TextUnformatted(a.name.c_str());
    ImGui::PopFont();
    ImGui::TextDisabled("%s", a.code.c_str());
    int r = v.row_of_area[area];
    if (r < 0) {
        ImGui::TextUnformatted("Outside the area mapped: drawn for context only");
        return;
    }
    ImGui::Separator();
    const auto& row = v.result.rows[r];
    bool missing = false;
    if (ImGui::BeginTable("tip", 2)) {
        for (size_t c = 2; c < row.size(); ++c) {
            if (is_member_column(v.result.columns[c])) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", column_title(v.result.spec, v.result.columns[c]).c_str());
            ImGui::TableNextColumn();
            std::string s = tooltip_value(v.result, row, c);
            missing |= s.find("no published figure") != std::string::npos;
            ImGui::TextUnformatted(s.c_str());
        }
        ImGui::EndTable();
    }
    if (r < static_cast<int>(v.series.size())) recent_in_tooltip(v, r);
    fair_share_tooltip(*this, a.code);   // the Factors preview's why, when one is open
    if (missing && !v.result.spec.missing_means.empty()) {  // what the publisher's silence means here
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 380 * screen.ui_scale);
        ImGui::TextDisabled("%s", v.result.spec.missing_means.c_str());
        ImGui::PopTextWrapPos();
    }
    if (!v.options.open_file.empty() && !a.props.empty()) {  // any file: its own attributes
        ImGui::Separator();
        int shown = 0;
        for (const auto& [k, val] : a.props) {
            if (++shown > 12) { ImGui::TextDisabled("..."); break; }
            ImGui::TextDisabled("%s", k.c_str());
            ImGui::SameLine(140 * screen.ui_scale);
            ImGui::TextUnformatted(val.c_str());
        }
    }
    if (!v.subtitle.empty()) ImGui::TextDisabled("%s", v.subtitle.c_str());
}

} // namespace sespm
