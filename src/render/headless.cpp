// headless.cpp: see headless.h.
#include "render/headless.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "render/gl.h"
#include "render/map_renderer.h"
#include "render/offscreen.h"
#include "render/map_furniture.h"
#include "render/overlay.h"

namespace sespm {

int legend_margin_px(const RenderOptions& opt) {
    return opt.legend ? static_cast<int>(370 * opt.scale) : 0;
}

Camera render_camera(const MapView& view, const RenderOptions& opt) {
    Camera cam;
    cam.width = opt.width - legend_margin_px(opt);
    cam.height = opt.height;
    cam.fit(opt.bbox ? *opt.bbox : view.selection_bbox, opt.bbox ? 0 : 12 * opt.scale);
    return cam;
}

std::vector<uint8_t> render_map_rgba(const MapView& view, const MapMesh& mesh, const RenderOptions& opt) {
    Framebuffer gl(opt.width, opt.height);
    Camera cam = render_camera(view, opt);
    int margin = legend_margin_px(opt);

    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    {
        MapRenderer r;
        r.init(find_shader_dir());
        r.upload(mesh);
        r.set_area_colours(view.colours);
        r.set_points(view.points.x, view.points.y);
        DrawStyle st;
        st.background = Rgba::from(sea_colour);
        st.outline_px = 0.8f * opt.scale;
        st.point_radius_px = 5 * opt.scale;
        st.viewport_x = margin;
        r.draw(cam, st);
    }

    IMGUI_CHECKVERSION();
    ImGuiContext* caller = ImGui::GetCurrentContext();
    ImGuiContext* ctx = ImGui::CreateContext();
    ImGui::SetCurrentContext(ctx);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(opt.width), static_cast<float>(opt.height));
    io.DeltaTime = 1.0f / 60.0f;
    Fonts fonts = load_fonts(opt.scale);
    ImGui_ImplOpenGL3_Init("#version 330");
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    OverlayOptions oo;
    oo.labels = opt.labels;
    oo.scale = opt.scale;
    oo.origin = ImVec2(static_cast<float>(margin), 0);
    GeosContext geos;
    std::vector<PlacedLabel> labels = layout_labels(geos, view, mesh, cam, fonts, oo);
    draw_labels(dl, labels, cam, fonts, oo);
    if (opt.labels_out) *opt.labels_out = labels;
    if (opt.legend && opt.furniture) {
        float s = opt.scale;
        draw_scale_bar(dl, cam, fonts, s, ImVec2(margin + 16 * s, opt.height - 16 * s));
        draw_north_arrow(dl, fonts, s, ImVec2(opt.width - 28 * s, 36 * s));
    }
    if (opt.legend) {
        oo.origin = ImVec2(0, 0);
        draw_legend_box(dl, view, fonts, oo);
        Camera panel = cam;
        panel.width = margin;
        draw_attribution(dl, view, panel, fonts, oo);
    } else {
        oo.legend = false;
        draw_attribution(dl, view, cam, fonts, oo);
    }
    ImGui::Render();
    gl.bind();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext(ctx);
    ImGui::SetCurrentContext(caller);
    std::vector<uint8_t> px = gl.read_rgba();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return px;
}

void render_map_png(const MapView& view, const MapMesh& mesh, const RenderOptions& opt, const std::string& path) {
    EglContext egl;
    std::vector<uint8_t> px = render_map_rgba(view, mesh, opt);
    write_png(path, opt.width, opt.height, px);
}

} // namespace sespm
