// map_fit.h: where the window fits a map: the largest scale at which the areas to show lie in
// the part of the window the map really has (below the menu bar, above the attribution strip and
// the table pane) and none of them lies under a docked panel (the legend box at the top left,
// the Layers panel at the right, the time slider, the scale bar). The areas are tested one by
// one (their boxes), so a region whose corner is sea can slide under the legend's corner rather
// than being shrunk to the strip right of the legend's full height. Pure arithmetic: no ImGui.
#pragma once
#include <vector>

#include "rules/types.h"

namespace sespm {

struct ScreenBox {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;    // pixels, y down
    double w() const { return x1 - x0; }
    double h() const { return y1 - y0; }
};

struct MapFit {
    double mpp = 1, cx = 0, cy = 0;            // the camera's scale and centre (BNG)
    ScreenBox shown;                           // where `whole` lands on screen
};

// `whole` is the extent to show, `parts` the boxes of its areas (empty: `whole` alone);
// `frame` the free window part, `obstacles` the panels over it; `width`/`height` the viewport.
// Falls back to the largest fit in `frame` that only `whole` keeps clear of the obstacles,
// then to `frame` alone when no scale keeps every part clear.
MapFit fit_clear_of(const Bbox& whole, const std::vector<Bbox>& parts, const ScreenBox& frame,
                    const std::vector<ScreenBox>& obstacles, int width, int height);

} // namespace sespm
