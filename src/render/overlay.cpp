// overlay.cpp: see overlay.h.
#include "render/overlay.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "render/labels.h"

namespace sespm {

namespace {

ImU32 col(const Rgb& c, int a = 255) { return IM_COL32(c.r, c.g, c.b, a); }
const ImU32 kText = IM_COL32(34, 34, 34, 255);
const ImU32 kMuted = IM_COL32(90, 90, 90, 255);

void halo_text(ImDrawList* dl, ImFont* f, float size, ImVec2 p, ImU32 colour, const char* text) {
    const ImU32 halo = IM_COL32(255, 255, 255, 210);
    const float d = 1.0f;
    for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy)
            if (dx || dy) dl->AddText(f, size, ImVec2(p.x + dx * d, p.y + dy * d), halo, text);
    dl->AddText(f, size, p, colour, text);
}

} // namespace

Fonts load_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    const char* dir = "/usr/share/fonts/truetype/dejavu/";
    std::string reg = std::string(dir) + "DejaVuSans.ttf", bold = std::string(dir) + "DejaVuSans-Bold.ttf";
    Fonts f;
    if (std::filesystem::exists(reg) && std::filesystem::exists(bold)) {
        ImFontConfig cfg;
        cfg.OversampleH = 2;
        static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2022, 0x2022, 0x2264, 0x2265, 0};
        f.regular = io.Fonts->AddFontFromFileTTF(reg.c_str(), 15.0f * scale, &cfg, ranges);
        f.bold = io.Fonts->AddFontFromFileTTF(bold.c_str(), 15.0f * scale, &cfg, ranges);
        f.small = io.Fonts->AddFontFromFileTTF(reg.c_str(), 12.0f * scale, &cfg, ranges);
        f.title = io.Fonts->AddFontFromFileTTF(bold.c_str(), 21.0f * scale, &cfg, ranges);
    } else {
        std::cerr << "sespm-map: warning: DejaVu fonts not found in " << dir
                  << " (install fonts-dejavu-core); using the built-in font\n";
        f.regular = f.bold = f.small = f.title = io.Fonts->AddFontDefault();
    }
    io.FontDefault = f.regular;
    return f;
}

void draw_labels(ImDrawList* dl, const MapView& view, const MapMesh& mesh, const Camera& cam, const Fonts& fonts,
                 const OverlayOptions& opt) {
    if (!opt.labels) return;
    ImFont* font = fonts.regular;
    float size = font->FontSize * 0.9f;
    std::vector<LabelBox> boxes;
    for (size_t i = 0; i < mesh.areas.size(); ++i) {
        if (view.row_of_area[i] < 0) continue;
        const AreaMesh& a = mesh.areas[i];
        double px_area = a.area_m2 / (cam.mpp * cam.mpp);
        if (px_area < 30 * size) continue;          // too small on screen for any name (cheap test first)
        double sx, sy;
        cam.world_to_screen(a.label_x, a.label_y, sx, sy);
        if (sx < 0 || sy < 0 || sx > cam.width || sy > cam.height) continue;
        ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0, view.set->areas[i].name.c_str());
        if (px_area < ts.x * ts.y * 1.2) continue;  // the area is too small on screen for its name
        boxes.push_back({static_cast<float>(sx), static_cast<float>(sy), ts.x, ts.y, a.area_m2, static_cast<int>(i)});
    }
    for (int id : place_labels(boxes, static_cast<float>(cam.width), static_cast<float>(cam.height))) {
        const AreaMesh& a = mesh.areas[id];
        double sx, sy;
        cam.world_to_screen(a.label_x, a.label_y, sx, sy);
        const std::string& name = view.set->areas[id].name;
        ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0, name.c_str());
        halo_text(dl, font, size, ImVec2(opt.origin.x + static_cast<float>(sx) - ts.x / 2, opt.origin.y + static_cast<float>(sy) - ts.y / 2),
                  IM_COL32(40, 40, 40, 255), name.c_str());
    }
}

ImVec2 legend_box_size(const MapView& view, const Fonts& fonts, const OverlayOptions& opt) {
    float s = opt.scale, pad = 12 * s, sw = 22 * s, sh = 15 * s, gap = 5 * s;
    float w = 0, h = pad;
    auto measure = [&](ImFont* f, const std::string& t, float extra = 0) {
        if (t.empty()) return;
        ImVec2 ts = f->CalcTextSizeA(f->FontSize, 1e9f, 0, t.c_str());
        w = std::max(w, ts.x + extra);
        h += ts.y + gap;
    };
    measure(fonts.title, view.title);
    measure(fonts.regular, view.subtitle);
    h += gap;
    measure(fonts.bold, view.legend_title);
    for (const auto& e : view.legend) measure(fonts.regular, e.label, sw + 8 * s), h += std::max(0.0f, sh - fonts.regular->FontSize);
    if (!view.points_title.empty()) measure(fonts.regular, view.points_title, sw + 8 * s);
    return ImVec2(w + 2 * pad, h + pad - gap);
}

void draw_legend_box(ImDrawList* dl, const MapView& view, const Fonts& fonts, const OverlayOptions& opt) {
    if (!opt.legend) return;
    float s = opt.scale, pad = 12 * s, sw = 22 * s, sh = 15 * s, gap = 5 * s;
    ImVec2 o(opt.origin.x + 14 * s, opt.origin.y + 14 * s);
    ImVec2 size = legend_box_size(view, fonts, opt);
    float w = size.x, h = size.y;
    dl->AddRectFilled(ImVec2(o.x + 2 * s, o.y + 3 * s), ImVec2(o.x + w + 2 * s, o.y + h + 3 * s), IM_COL32(0, 0, 0, 40), 6 * s);
    dl->AddRectFilled(o, ImVec2(o.x + w, o.y + h), IM_COL32(255, 255, 255, 240), 6 * s);
    float y = o.y + pad, x = o.x + pad;
    auto line = [&](ImFont* f, ImU32 c, const std::string& t) {
        if (t.empty()) return;
        dl->AddText(f, f->FontSize, ImVec2(x, y), c, t.c_str());
        y += f->CalcTextSizeA(f->FontSize, 1e9f, 0, t.c_str()).y + gap;
    };
    line(fonts.title, kText, view.title);
    line(fonts.regular, kMuted, view.subtitle);
    y += gap;
    line(fonts.bold, kText, view.legend_title);
    for (const auto& e : view.legend) {
        float row = std::max(sh, fonts.regular->FontSize);
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + sw, y + sh), col(e.colour));
        dl->AddRect(ImVec2(x, y), ImVec2(x + sw, y + sh), IM_COL32(120, 120, 120, 255));
        dl->AddText(fonts.regular, fonts.regular->FontSize, ImVec2(x + sw + 8 * s, y + (sh - fonts.regular->FontSize) / 2), kText, e.label.c_str());
        y += row + gap;
    }
    if (!view.points_title.empty()) {
        float r = 5 * s;
        ImVec2 c(x + sw / 2, y + sh / 2);
        dl->AddCircleFilled(c, r + 1.5f * s, IM_COL32(255, 255, 255, 255));
        dl->AddCircleFilled(c, r, IM_COL32(33, 77, 158, 255));
        dl->AddText(fonts.regular, fonts.regular->FontSize, ImVec2(x + sw + 8 * s, y + (sh - fonts.regular->FontSize) / 2), kText, view.points_title.c_str());
    }
}

void draw_attribution(ImDrawList* dl, const MapView& view, const Camera& cam, const Fonts& fonts, const OverlayOptions& opt) {
    if (!opt.attribution || view.attribution.empty()) return;
    ImFont* f = fonts.small;
    float wrap = static_cast<float>(cam.width) - 24 * opt.scale;
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, 1e9f, wrap, view.attribution.c_str());
    float pad = 4 * opt.scale;
    ImVec2 p(opt.origin.x + static_cast<float>(cam.width) - ts.x - 8 * opt.scale - pad,
             opt.origin.y + static_cast<float>(cam.height) - opt.bottom_inset - ts.y - 6 * opt.scale - pad);
    dl->AddRectFilled(ImVec2(p.x - pad, p.y - pad), ImVec2(p.x + ts.x + pad, p.y + ts.y + pad), IM_COL32(255, 255, 255, 200), 3 * opt.scale);
    dl->AddText(f, f->FontSize, p, kMuted, view.attribution.c_str(), nullptr, wrap);
}

} // namespace sespm
