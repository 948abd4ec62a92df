// map_framing.cpp: how the window frames its map: the part of the window the map has (below the
// menu bar, above the attribution strip and the table pane), the docked panels over it (the
// legend box, the Layers panel, the time slider, the scenario panel when open, the scale bar
// and north arrow) as obstacles
// for map_fit, fitting the region, an area or a found place, and what File > Export frames.
#include "ui/map_app.h"

#include <imgui.h>

#include <algorithm>

namespace sespm {

namespace {

// The window part left for the map, before any panel: under the menu bar, above the footer.
ScreenBox map_frame(const Camera& cam, float s, float bottom_pane) {
    float menu = ImGui::GetCurrentContext() ? ImGui::GetFrameHeight() : 20 * s;
    ScreenBox f{8.0 * s, menu + 8.0 * s, cam.width - 8.0 * s, cam.height - bottom_pane - 50.0 * s};
    if (f.h() < 150 * s) f.y1 = cam.height;  // a very low window: use it all
    return f;
}

} // namespace

// The docked panels over the map, with a few pixels' margin, in window pixels.
std::vector<ScreenBox> MapApp::docked_panels() const {
    float s = screen.ui_scale, m = 6 * s;
    std::vector<ScreenBox> out = panels.over_map(m);  // the panels that lie over the map (ui/panels/panels.cpp)
    if (screen.map) {
        OverlayOptions oo;
        oo.scale = s;
        ImVec2 lg = legend_box_size(screen.map->view, screen.fonts, oo);
        float top = (ImGui::GetCurrentContext() ? ImGui::GetFrameHeight() : 0) + 14 * s;  // as draw_legend_box puts it
        out.push_back({14.0 * s - m, top - m, 14.0 * s + lg.x + 3 * s + m, top + lg.y + 3 * s + m});
    }
    if (screen.furniture) {  // the north arrow over the scale bar, bottom left (draw_map)
        float base = static_cast<float>(screen.camera.height) - bottom_pane_px() - 62 * s;
        out.push_back({10.0 * s, base - 60.0 * s, 300.0 * s, base + 14.0 * s});
    }
    return out;
}

void MapApp::frame_world(const Bbox& whole, const std::vector<Bbox>& parts) {
    fit_whole_ = whole;
    fit_parts_ = parts;
    MapFit f = fit_clear_of(whole, parts, map_frame(screen.camera, screen.ui_scale, bottom_pane_px()), docked_panels(), screen.camera.width, screen.camera.height);
    screen.camera.mpp = f.mpp;
    screen.camera.cx = f.cx;
    screen.camera.cy = f.cy;
    fitted_camera_ = {f.mpp, f.cx, f.cy};
    fitted_bottom_px_ = bottom_pane_px();
    fit_shown_ = f.shown;
    refit_frames_ = 2;  // the panels' sizes are known once they have been drawn (the time slider's first frame)
}

// Called each frame after the panels are drawn: a fit asked for before they settled is redone.
// With SESPM_UI_LAYOUT it also says where the fitted extent is now and what it was kept clear of.
void MapApp::refit_after_panels() {
    if (screen.map) {
        double x0, y0, x1, y1;
        screen.camera.world_to_screen(fit_whole_.minx, fit_whole_.maxy, x0, y0);
        screen.camera.world_to_screen(fit_whole_.maxx, fit_whole_.miny, x1, y1);
        hooks.note_rect("map-source " + (screen.map->view.options.open_file.empty() ? screen.map->view.options.layer_id : screen.map->view.options.open_file), 0, 0, 0, 0);
        hooks.note_rect("map-fit", static_cast<float>(x0), static_cast<float>(y0), static_cast<float>(x1), static_cast<float>(y1));
        docked_now_ = docked_panels();  // once a frame: draw_map keeps the names clear of them too
        for (size_t i = 0; i < docked_now_.size(); ++i)
            hooks.note_rect("docked " + std::to_string(i), static_cast<float>(docked_now_[i].x0), static_cast<float>(docked_now_[i].y0),
                      static_cast<float>(docked_now_[i].x1), static_cast<float>(docked_now_[i].y1));
    }
    // the table opened, closed or resized under a map still as fitted (not panned or zoomed
    // since): fit it again above the table, so the table never hides the south of the region
    bool as_fitted = fitted_camera_ == std::array<double, 3>{screen.camera.mpp, screen.camera.cx, screen.camera.cy};
    if (screen.map && refit_frames_ <= 0 && as_fitted && bottom_pane_px() != fitted_bottom_px_) frame_world(fit_whole_, fit_parts_);
    if (refit_frames_ <= 0) return;
    int left = refit_frames_ - 1;
    frame_world(fit_whole_, fit_parts_);
    refit_frames_ = left;
}

void MapApp::fit_to_selection() {
    if (!screen.map) return;
    std::vector<Bbox> parts;
    for (size_t i = 0; i < screen.map->mesh.areas.size() && i < screen.map->view.row_of_area.size(); ++i)
        if (screen.map->view.row_of_area[i] >= 0) parts.push_back(screen.map->mesh.areas[i].bbox);
    frame_world(screen.map->view.selection_bbox, parts);
}

void MapApp::zoom_to_area(int i) {
    if (!screen.map || i < 0) return;
    Bbox b = screen.map->mesh.areas[i].bbox;
    double pad = std::max(b.width(), b.height()) * 0.3;
    frame_world({b.minx - pad, b.miny - pad, b.maxx + pad, b.maxy + pad}, {});
}

// The selected areas' extent (BNG) with a margin of 6% on every side.
Bbox MapApp::selected_bbox() const {
    Bbox b{1e300, 1e300, -1e300, -1e300};
    for (int i : screen.selected) {
        if (i < 0 || static_cast<size_t>(i) >= screen.map->mesh.areas.size()) continue;
        const Bbox& a = screen.map->mesh.areas[i].bbox;
        b = {std::min(b.minx, a.minx), std::min(b.miny, a.miny), std::max(b.maxx, a.maxx), std::max(b.maxy, a.maxy)};
    }
    if (b.minx > b.maxx) return visible_map_bbox();
    double pad = std::max(b.width(), b.height()) * 0.06;
    return {b.minx - pad, b.miny - pad, b.maxx + pad, b.maxy + pad};
}

// The map File > Export draws: the window part where the last fit put the map (seen through
// the camera as it is now, after any pan or zoom), kept inside the map's frame.
Bbox MapApp::visible_map_bbox() const {
    ScreenBox f = map_frame(screen.camera, screen.ui_scale, bottom_pane_px());
    ScreenBox b = fit_shown_.w() > 0 ? fit_shown_ : f;
    b = {std::max(b.x0, f.x0), std::max(b.y0, f.y0), std::min(b.x1, f.x1), std::min(b.y1, f.y1)};
    if (b.w() < 50 || b.h() < 50) b = f;
    double x0, y0, x1, y1;
    screen.camera.screen_to_world(b.x0, b.y1, x0, y0);
    screen.camera.screen_to_world(b.x1, b.y0, x1, y1);
    return {std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)};
}

} // namespace sespm
