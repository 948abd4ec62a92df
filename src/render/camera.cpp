// camera.cpp: see camera.h.
#include "render/camera.h"

#include <algorithm>

namespace sespm {

void Camera::fit(const Bbox& b, double margin_px) {
    double w = std::max(1.0, width - 2 * margin_px), h = std::max(1.0, height - 2 * margin_px);
    cx = (b.minx + b.maxx) / 2;
    cy = (b.miny + b.maxy) / 2;
    mpp = std::max(b.width() / w, b.height() / h);
    if (!(mpp > 0)) mpp = 1;
}

void Camera::screen_to_world(double sx, double sy, double& wx, double& wy) const {
    wx = cx + (sx - width / 2.0) * mpp;
    wy = cy - (sy - height / 2.0) * mpp;
}

void Camera::world_to_screen(double wx, double wy, double& sx, double& sy) const {
    sx = (wx - cx) / mpp + width / 2.0;
    sy = height / 2.0 - (wy - cy) / mpp;
}

void Camera::zoom_at(double sx, double sy, double factor) {
    double wx, wy;
    screen_to_world(sx, sy, wx, wy);
    mpp = std::clamp(mpp / factor, 0.05, 20000.0);
    // keep (wx, wy) under the cursor
    cx = wx - (sx - width / 2.0) * mpp;
    cy = wy + (sy - height / 2.0) * mpp;
}

void Camera::pan_pixels(double dx, double dy) {
    cx -= dx * mpp;
    cy += dy * mpp;
}

Bbox Camera::view() const {
    return {cx - width / 2.0 * mpp, cy - height / 2.0 * mpp, cx + width / 2.0 * mpp, cy + height / 2.0 * mpp};
}

} // namespace sespm
