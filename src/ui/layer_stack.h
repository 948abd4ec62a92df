// layer_stack.h: the window's layers as the Layers panel lists them, QGIS-style, top first: the
// map itself (the choropleth of the chosen overlay, or the file opened as the map) and the files
// added over it (outlines and a wash), each with its visibility and opacity, in an order the user
// changes by dragging. The order is the draw order: the list is drawn from the bottom up, each
// layer over the ones below it.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "render/camera.h"
#include "render/map_renderer.h"

namespace sespm {

struct MapBundle;

inline constexpr int kMapLayer = -1;   // the map itself in LayerStack::order

// A vector file drawn over (or under) the map: dark outlines and a wash of `opacity`.
struct ExtraLayer {
    ExtraLayer();
    ExtraLayer(ExtraLayer&&) noexcept;
    ExtraLayer& operator=(ExtraLayer&&) noexcept;
    ~ExtraLayer();
    std::unique_ptr<MapBundle> bundle;
    std::unique_ptr<MapRenderer> renderer;   // its own GPU buffers
    std::string name, path;
    bool visible = true;
    float opacity = 0;                       // of the wash; 0: outlines only, the map stays readable
    float uploaded = -1;                     // the wash opacity the renderer has
};

struct LayerStack {
    std::vector<ExtraLayer> extras;
    std::vector<int> order{kMapLayer};       // top first: kMapLayer or an index into extras
    bool map_visible = true;

    void add_on_top(ExtraLayer layer);
    void remove(int extra);                  // an index into extras
    // Moves the layer at list position `from` to position `to` (both top-first positions).
    void move(int from, int to);
    // Draws every visible layer from the bottom of the list up; `main` is the map's renderer.
    void draw(MapRenderer& main, const DrawStyle& map_style, const Camera& cam);
};

} // namespace sespm
