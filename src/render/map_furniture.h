// map_furniture.h: a scale bar in km (British National Grid is metres, so it is exact at any
// zoom) and a north arrow, drawn with Dear ImGui over the map in the window and in `render`
// PNGs (the print maps draw their own with cairo, print/print_map.cpp).
#pragma once
#include <imgui.h>

#include "render/camera.h"
#include "render/overlay.h"

namespace sespm {

// A bar of a round length (1, 2, 5, 10, 20, 50, 100 or 200 km) no longer than a fifth of the
// map, with its left end at `at` (pixels, bottom-left of the bar).
void draw_scale_bar(ImDrawList* dl, const Camera& cam, const Fonts& fonts, float scale, ImVec2 at);
// An arrow pointing up (BNG north is up on these maps) with "N", centred on `at`.
void draw_north_arrow(ImDrawList* dl, const Fonts& fonts, float scale, ImVec2 at);

// The round bar length in km for a map `map_km` wide.
double scale_bar_km(double map_km);

} // namespace sespm
