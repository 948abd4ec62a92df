// layer_stack.cpp: see layer_stack.h.
#include "ui/layer_stack.h"

#include <algorithm>

#include "render/gl.h"
#include "ui/map_app.h"

namespace sespm {

ExtraLayer::ExtraLayer() = default;
ExtraLayer::ExtraLayer(ExtraLayer&&) noexcept = default;
ExtraLayer& ExtraLayer::operator=(ExtraLayer&&) noexcept = default;
ExtraLayer::~ExtraLayer() = default;

void LayerStack::add_on_top(ExtraLayer layer) {
    extras.push_back(std::move(layer));
    order.insert(order.begin(), static_cast<int>(extras.size()) - 1);
}

void LayerStack::remove(int extra) {
    if (extra < 0 || extra >= static_cast<int>(extras.size())) return;
    extras.erase(extras.begin() + extra);
    order.erase(std::remove(order.begin(), order.end(), extra), order.end());
    for (int& id : order)
        if (id > extra) --id;
}

void LayerStack::move(int from, int to) {
    int n = static_cast<int>(order.size());
    if (from < 0 || from >= n || to < 0 || to >= n || from == to) return;
    int id = order[from];
    order.erase(order.begin() + from);
    order.insert(order.begin() + to, id);
}

void LayerStack::draw(MapRenderer& main, const DrawStyle& map_style, const Camera& cam) {
    bool cleared = false;
    for (auto it = order.rbegin(); it != order.rend(); ++it) {  // bottom first
        if (*it == kMapLayer) {
            if (!map_visible) continue;
            DrawStyle st = map_style;
            st.clear = !cleared;
            main.draw(cam, st);
            cleared = true;
            continue;
        }
        ExtraLayer& l = extras[*it];
        if (!l.visible || !l.renderer || !l.bundle) continue;
        if (l.uploaded != l.opacity) {  // the wash is uploaded only when it changes
            l.renderer->set_area_colours(std::vector<Rgba>(l.bundle->mesh.areas.size(), Rgba{0.2f, 0.25f, 0.4f, l.opacity}));
            l.uploaded = l.opacity;
        }
        DrawStyle st;
        st.background = map_style.background;
        st.outline = Rgba{0.15f, 0.15f, 0.2f, 0.55f};
        st.outline_px = 1.0f;
        st.clear = !cleared;
        l.renderer->draw(cam, st);
        cleared = true;
    }
    if (cleared) return;  // nothing visible: the sea
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, cam.width, cam.height);
    glClearColor(map_style.background.r, map_style.background.g, map_style.background.b, 1);
    glClear(GL_COLOR_BUFFER_BIT);
}

} // namespace sespm
