// headless.h: the map rendered to a PNG with no window and no X server: the same renderer,
// colours and overlays as the window, on an EGL surfaceless context. With `legend`, the title,
// legend and attribution sit in a white margin on the left; without it the map fills the image
// edge to edge and only a small attribution line is drawn over its bottom-right corner.
#pragma once
#include <optional>
#include <cstdint>
#include <string>
#include <vector>

#include "render/area_labels.h"
#include "render/camera.h"
#include "map/map_view.h"
#include "render/mesh.h"

namespace sespm {

struct RenderOptions {
    int width = 1600, height = 1000;
    std::optional<Bbox> bbox;        // EPSG:27700; default: the selected areas' extent
    bool labels = true;
    bool legend = false;
    bool furniture = true;           // with `legend`: a scale bar and a north arrow on the map
    float scale = 1.0f;
    std::vector<PlacedLabel>* labels_out = nullptr;  // when set: the names drawn, where
};

// The camera the options give for the map viewport (exposed for the tests' pixel checks).
Camera render_camera(const MapView& view, const RenderOptions& opt);
int legend_margin_px(const RenderOptions& opt);

// Draws into an offscreen framebuffer of the *current* GL context (the window's, or an EGL
// one) and returns RGBA rows, top first. Uses its own ImGui context and restores the caller's.
std::vector<uint8_t> render_map_rgba(const MapView& view, const MapMesh& mesh, const RenderOptions& opt);

// Makes an EGL surfaceless context and writes the PNG. Throws DataError when no GL context can
// be made or the file cannot be written.
void render_map_png(const MapView& view, const MapMesh& mesh, const RenderOptions& opt, const std::string& path);

} // namespace sespm
