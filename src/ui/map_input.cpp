// map_input.cpp: mouse and keys over the map (drag to pan, wheel to zoom at the cursor, click
// and shift-click to select, double-click to zoom to an area, F / Home to fit, +/- to zoom, Esc)
// and the hover tooltip with the area's figures.
#include "render/gl.h"  // before GLFW, so GL prototypes are declared
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cmath>

#include "ui/map_app.h"

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
    hovered = -1;
    if (!io.WantCaptureKeyboard) {
        if (ImGui::IsKeyPressed(GLFW_KEY_F) || ImGui::IsKeyPressed(GLFW_KEY_HOME)) fit_to_selection();
        if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) selected.clear();
        if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) camera.zoom_at(camera.width / 2.0, camera.height / 2.0, 1.5);
        if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT)) camera.zoom_at(camera.width / 2.0, camera.height / 2.0, 1 / 1.5);
    }
    if (io.WantCaptureMouse && !dragging_) return;
    if (io.MouseWheel != 0) camera.zoom_at(px, py, std::pow(1.25, io.MouseWheel));
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        dragging_ = true;
        press_x_ = last_x_ = px;
        press_y_ = last_y_ = py;
    }
    if (dragging_ && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        camera.pan_pixels(px - last_x_, py - last_y_);
        last_x_ = px;
        last_y_ = py;
    }
    double wx, wy;
    camera.screen_to_world(px, py, wx, wy);
    // (no hover in --screenshot runs: the pointer of a virtual display is just parked mid-screen)
    if (map && map->picker && options.screenshot.empty()) hovered = map->picker->pick(wx, wy);
    if (dragging_ && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        dragging_ = false;
        bool click = std::hypot(px - press_x_, py - press_y_) < 4;
        if (click) {
            if (!io.KeyShift) selected.clear();
            if (hovered >= 0) {
                if (io.KeyShift && selected.count(hovered)) selected.erase(hovered);
                else selected.insert(hovered);
            }
        }
    }
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && hovered >= 0) zoom_to_area(hovered);
}

void MapApp::draw_tooltip() {
    if (!map || hovered < 0 || dragging_) return;
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AnyWindow)) return;  // a table row: highlighted, not covered
    const MapView& v = map->view;
    const Area& a = v.set->areas[hovered];
    ImGui::BeginTooltip();
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(a.name.c_str());
    ImGui::PopFont();
    ImGui::TextDisabled("%s", a.code.c_str());
    int r = v.row_of_area[hovered];
    if (r < 0) {
        ImGui::TextUnformatted("Outside the selected areas");
    } else {
        ImGui::Separator();
        const auto& row = v.result.rows[r];
        if (ImGui::BeginTable("tip", 2)) {
            for (size_t c = 2; c < row.size(); ++c) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", column_title(v.result.columns[c]).c_str());
                ImGui::TableNextColumn();
                std::string s = row[c].display();
                ImGui::TextUnformatted(s.empty() ? "no published figure" : s.c_str());
            }
            ImGui::EndTable();
        }
        if (!v.options.open_file.empty() && !a.props.empty()) {  // any file: its own attributes
            ImGui::Separator();
            int shown = 0;
            for (const auto& [k, val] : a.props) {
                if (++shown > 12) { ImGui::TextDisabled("..."); break; }
                ImGui::TextDisabled("%s", k.c_str());
                ImGui::SameLine(140 * ui_scale);
                ImGui::TextUnformatted(val.c_str());
            }
        }
        if (!v.subtitle.empty()) ImGui::TextDisabled("%s", v.subtitle.c_str());
    }
    ImGui::EndTooltip();
}

} // namespace sespm
