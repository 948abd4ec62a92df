// overlay.cpp: see overlay.h.
#include "render/overlay.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>


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

float label_text_size(const Fonts& fonts) { return fonts.regular->FontSize * 0.9f; }

std::vector<PlacedLabel> layout_labels(const GeosContext& geos, const MapView& view, const MapMesh& mesh, const Camera& cam,
                                       const Fonts& fonts, const OverlayOptions& opt, LabelFitCache* cache) {
    if (!opt.labels) return {};
    ImFont* font = fonts.regular;
    float size = label_text_size(fonts);
    auto measure = [&](const std::string& t) {
        ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0, t.c_str());
        return std::pair<float, float>(ts.x, ts.y);
    };
    return place_area_labels(geos, view, mesh, cam, measure, size, opt.bottom_inset, cache, opt.keep_clear);
}

void draw_labels(ImDrawList* dl, const std::vector<PlacedLabel>& labels, const Camera& cam, const Fonts& fonts,
                 const OverlayOptions& opt) {
    if (!opt.labels) return;
    ImFont* font = fonts.regular;
    float s = opt.scale;
    for (const auto& l : labels) {
        float size = label_text_size(fonts) * l.scale;
        double sx, sy;
        cam.world_to_screen(l.x, l.y, sx, sy);
        ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0, l.text.c_str());
        ImVec2 p(opt.origin.x + static_cast<float>(sx) - ts.x / 2, opt.origin.y + static_cast<float>(sy) - ts.y / 2);
        if (l.leader) {  // from the name's nearest edge to a dot inside its area
            double ex, ey;
            cam.world_to_screen(l.leader_x, l.leader_y, ex, ey);
            ImVec2 end(opt.origin.x + static_cast<float>(ex), opt.origin.y + static_cast<float>(ey));
            ImVec2 from(std::clamp(end.x, p.x, p.x + ts.x), std::clamp(end.y, p.y, p.y + ts.y));
            dl->AddLine(from, end, IM_COL32(255, 255, 255, 200), 3.0f * s);
            dl->AddLine(from, end, IM_COL32(50, 50, 50, 255), 1.0f * s);
            dl->AddCircleFilled(end, 2.5f * s, IM_COL32(50, 50, 50, 255));
        }
        size_t nl = l.text.find('\n');  // a wrapped name: each line centred
        if (nl == std::string::npos) {
            halo_text(dl, font, size, p, IM_COL32(40, 40, 40, 255), l.text.c_str());
            continue;
        }
        for (const std::string& line : {l.text.substr(0, nl), l.text.substr(nl + 1)}) {
            float lw = font->CalcTextSizeA(size, 1e9f, 0, line.c_str()).x;
            halo_text(dl, font, size, ImVec2(p.x + (ts.x - lw) / 2, p.y), IM_COL32(40, 40, 40, 255), line.c_str());
            p.y += ts.y / 2;
        }
    }
}

// Under the legend: fewer classes than asked and why; and when some areas have no figure,
// what the publisher's silence means for this source (the layer file's "missing"), e.g. that
// Asy_D11 publishes no zero rows.
std::string missing_note(const MapView& view) {
    std::string note = view.class_note.empty() ? "" : "Classes: " + view.class_note + ".";
    if (!view.has_missing || view.result.spec.missing_means.empty()) return note;
    return note + (note.empty() ? "" : "\n") + "No published figure: " + view.result.spec.missing_means;
}

float note_wrap(float legend_w, float s) { return std::max(legend_w, 240 * s); }

// The widest the legend's text runs before it wraps: the box then fits the 370 px margin that
// `render --legend` and File > Export keep for it, and covers no district.
float legend_text_max(float s) { return 318 * s; }

ImVec2 legend_box_size(const MapView& view, const Fonts& fonts, const OverlayOptions& opt) {
    float s = opt.scale, pad = 12 * s, sw = 22 * s, sh = 15 * s, gap = 5 * s;
    float w = 0, h = pad;
    auto measure = [&](ImFont* f, const std::string& t, float extra = 0) {
        if (t.empty()) return;
        ImVec2 ts = f->CalcTextSizeA(f->FontSize, 1e9f, legend_text_max(s) - extra, t.c_str());
        w = std::max(w, ts.x + extra);
        h += ts.y + gap;
    };
    measure(fonts.title, view.title);
    measure(fonts.regular, view.subtitle);
    h += gap;
    measure(fonts.bold, view.legend_title);
    for (const auto& e : view.legend) measure(fonts.regular, e.label, sw + 8 * s), h += std::max(0.0f, sh - fonts.regular->FontSize);
    if (!view.points_title.empty()) measure(fonts.regular, view.points_title, sw + 8 * s);
    if (!missing_note(view).empty()) {
        w = note_wrap(w, s);
        ImVec2 ts = fonts.small->CalcTextSizeA(fonts.small->FontSize, 1e9f, w, missing_note(view).c_str());
        h += ts.y + gap;
    }
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
        dl->AddText(f, f->FontSize, ImVec2(x, y), c, t.c_str(), nullptr, legend_text_max(s));
        y += f->CalcTextSizeA(f->FontSize, 1e9f, legend_text_max(s), t.c_str()).y + gap;
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
    if (std::string note = missing_note(view); !note.empty()) {
        float wrap = w - 2 * pad;
        dl->AddText(fonts.small, fonts.small->FontSize, ImVec2(x, y), kMuted, note.c_str(), nullptr, wrap);
        y += fonts.small->CalcTextSizeA(fonts.small->FontSize, 1e9f, wrap, note.c_str()).y + gap;
    }
    if (!view.points_title.empty()) {
        float r = 5 * s;
        ImVec2 c(x + sw / 2, y + sh / 2);
        dl->AddCircleFilled(c, r + 1.5f * s, IM_COL32(255, 255, 255, 255));
        dl->AddCircleFilled(c, r, IM_COL32(33, 77, 158, 255));
        dl->AddText(fonts.regular, fonts.regular->FontSize, ImVec2(x + sw + 8 * s, y + (sh - fonts.regular->FontSize) / 2), kText, view.points_title.c_str());
    }
}

ImVec4 draw_attribution(ImDrawList* dl, const MapView& view, const Camera& cam, const Fonts& fonts, const OverlayOptions& opt) {
    if (!opt.attribution || view.attribution.empty()) return ImVec4(0, 0, 0, 0);
    ImFont* f = fonts.small;
    float wrap = static_cast<float>(cam.width) - 24 * opt.scale;
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, 1e9f, wrap, view.attribution.c_str());
    float pad = 4 * opt.scale;
    ImVec2 p(opt.origin.x + static_cast<float>(cam.width) - ts.x - 8 * opt.scale - pad,
             opt.origin.y + static_cast<float>(cam.height) - opt.bottom_inset - ts.y - 6 * opt.scale - pad);
    dl->AddRectFilled(ImVec2(p.x - pad, p.y - pad), ImVec2(p.x + ts.x + pad, p.y + ts.y + pad), IM_COL32(255, 255, 255, 200), 3 * opt.scale);
    dl->AddText(f, f->FontSize, p, kMuted, view.attribution.c_str(), nullptr, wrap);
    return ImVec4(p.x - pad, p.y - pad, p.x + ts.x + pad, p.y + ts.y + pad);
}

} // namespace sespm
