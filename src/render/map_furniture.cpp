// map_furniture.cpp: see map_furniture.h.
#include "render/map_furniture.h"

#include <cstdio>

namespace sespm {

double scale_bar_km(double map_km) {
    for (double km : {200.0, 100.0, 50.0, 20.0, 10.0, 5.0, 2.0, 1.0})
        if (km <= map_km / 5) return km;
    return 1;
}

void draw_scale_bar(ImDrawList* dl, const Camera& cam, const Fonts& fonts, float scale, ImVec2 at) {
    double km = scale_bar_km(cam.width * cam.mpp / 1000.0);
    float len = static_cast<float>(km * 1000.0 / cam.mpp), h = 5 * scale;
    ImU32 ink = IM_COL32(50, 50, 50, 255), paper = IM_COL32(255, 255, 255, 220);
    char label[32];
    std::snprintf(label, sizeof label, "%g km", km);
    ImFont* f = fonts.small ? fonts.small : ImGui::GetFont();
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, 1e9f, 0, label);
    dl->AddRectFilled(ImVec2(at.x - 4 * scale, at.y - h - ts.y - 6 * scale), ImVec2(at.x + len + ts.x / 2 + 4 * scale, at.y + 3 * scale), paper, 3 * scale);
    dl->AddRectFilled(ImVec2(at.x, at.y - h), ImVec2(at.x + len / 2, at.y), ink);
    dl->AddRect(ImVec2(at.x, at.y - h), ImVec2(at.x + len, at.y), ink, 0, 0, 1.0f * scale);
    dl->AddText(f, f->FontSize, ImVec2(at.x - 2 * scale, at.y - h - ts.y - 2 * scale), ink, "0");
    dl->AddText(f, f->FontSize, ImVec2(at.x + len - ts.x / 2, at.y - h - ts.y - 2 * scale), ink, label);
}

void draw_north_arrow(ImDrawList* dl, const Fonts& fonts, float scale, ImVec2 at) {
    ImU32 ink = IM_COL32(50, 50, 50, 255);
    float w = 7 * scale, h = 20 * scale;
    dl->AddCircleFilled(ImVec2(at.x, at.y + 2 * scale), 15 * scale, IM_COL32(255, 255, 255, 200));
    dl->AddTriangleFilled(ImVec2(at.x, at.y - h / 2), ImVec2(at.x + w, at.y + h / 2), ImVec2(at.x, at.y + h / 4), ink);
    dl->AddTriangle(ImVec2(at.x, at.y - h / 2), ImVec2(at.x - w, at.y + h / 2), ImVec2(at.x, at.y + h / 4), ink, 1.0f * scale);
    ImFont* f = fonts.bold ? fonts.bold : ImGui::GetFont();
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, 1e9f, 0, "N");
    dl->AddText(f, f->FontSize, ImVec2(at.x - ts.x / 2, at.y - h / 2 - ts.y - 1 * scale), ink, "N");
}

} // namespace sespm
