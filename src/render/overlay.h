// overlay.h: what is drawn over the map with Dear ImGui, identically in the window and in the
// headless PNG: district labels (inside their areas, or beside them with a leader line;
// see area_labels.h), the title, the legend
// with class ranges, and the attribution line. Fonts are DejaVu from Debian's fonts-dejavu-core.
#pragma once
#include <imgui.h>

#include "render/area_labels.h"
#include "render/camera.h"
#include "map/map_view.h"
#include "render/mesh.h"

namespace sespm {

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* small = nullptr;
    ImFont* title = nullptr;
};

// Adds DejaVu Sans at sizes for `scale` (the monitor's content scale) to the current ImGui
// context's atlas. Falls back to ImGui's built-in font, with a warning on stderr, if missing.
Fonts load_fonts(float scale);

struct OverlayOptions {
    bool labels = true;
    bool legend = true;          // title, legend box and attribution inside the map
    bool attribution = true;     // the attribution line (always, even without --legend)
    float scale = 1.0f;
    ImVec2 origin{0, 0};         // top-left of the map viewport in the draw list
    float bottom_inset = 0;      // pixels at the bottom covered by a pane (the window's table)
    std::vector<std::array<float, 4>> keep_clear;  // screen boxes no name may go under (docked panels)
};

// Where the names go (area_labels.h) at the label font's size; none when labels are off.
std::vector<PlacedLabel> layout_labels(const GeosContext& geos, const MapView& view, const MapMesh& mesh, const Camera& cam,
                                       const Fonts& fonts, const OverlayOptions& opt, LabelFitCache* cache = nullptr);
// The names with a white halo, and the leader lines of those placed outside their areas.
void draw_labels(ImDrawList* dl, const std::vector<PlacedLabel>& labels, const Camera& cam, const Fonts& fonts,
                 const OverlayOptions& opt);
// The size of the legend box draw_legend_box would draw (to keep the map clear of it).
ImVec2 legend_box_size(const MapView& view, const Fonts& fonts, const OverlayOptions& opt);
// Title, subtitle and legend in a framed box at the top-left corner of the map.
void draw_legend_box(ImDrawList* dl, const MapView& view, const Fonts& fonts, const OverlayOptions& opt);
// The attribution line at the bottom right (above opt.bottom_inset); returns its box (x0, y0,
// x1, y1), all zero when none is drawn.
ImVec4 draw_attribution(ImDrawList* dl, const MapView& view, const Camera& cam, const Fonts& fonts,
                        const OverlayOptions& opt);

} // namespace sespm
