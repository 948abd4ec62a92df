// camera.h: the map camera in British National Grid metres: a centre and a scale (metres per
// pixel) over a viewport in pixels, with y up on the map and down on the screen. Pure
// arithmetic, shared by the window, the headless renderer and the tests.
#pragma once
#include "rules/types.h"

namespace sespm {

struct Camera {
    double cx = 450000, cy = 150000;   // centre, BNG metres
    double mpp = 200;                  // metres per pixel
    int width = 1600, height = 1000;   // viewport, pixels

    // Shows `b` whole, centred, widening the shorter side equally on both sides (never crops);
    // `margin_px` pixels are kept free on every side.
    void fit(const Bbox& b, double margin_px = 0);
    void screen_to_world(double sx, double sy, double& wx, double& wy) const;
    void world_to_screen(double wx, double wy, double& sx, double& sy) const;
    // Zooms by `factor` (> 1 zooms in) keeping the world point under (sx, sy) fixed.
    void zoom_at(double sx, double sy, double factor);
    void pan_pixels(double dx, double dy);
    Bbox view() const;
};

} // namespace sespm
