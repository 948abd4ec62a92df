// sparkline.cpp: draws a sparkline into the current window's draw list.
#include "widgets/sparkline.h"

#include <algorithm>

#include "rules/periods.h"

namespace sespm {

void sparkline(const std::vector<std::optional<double>>& values, ImVec2 size, ImU32 colour) {
    ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    double lo = 0, hi = 0;
    bool any = false;
    for (const auto& v : values)
        if (v) {
            lo = any ? std::min(lo, *v) : *v;
            hi = any ? std::max(hi, *v) : *v;
            any = true;
        }
    if (!any || values.size() < 2) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float pad = 2;
    auto px = [&](size_t i) { return o.x + pad + (size.x - 2 * pad) * static_cast<float>(i) / static_cast<float>(values.size() - 1); };
    auto py = [&](double v) {
        double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        return o.y + size.y - pad - static_cast<float>(t) * (size.y - 2 * pad);
    };
    for (size_t i = 1; i < values.size(); ++i)
        if (values[i - 1] && values[i]) dl->AddLine(ImVec2(px(i - 1), py(*values[i - 1])), ImVec2(px(i), py(*values[i])), colour, 1.5f);
    if (values.back()) dl->AddCircleFilled(ImVec2(px(values.size() - 1), py(*values.back())), 2.5f, colour);
}

std::string sparkline_title(const std::vector<std::string>& periods) {
    bool quarterly = periods.size() > 1;
    for (size_t i = 1; i < periods.size(); ++i) quarterly &= months_between(periods[i - 1], periods[i]) == 3;
    if (quarterly) return std::to_string(periods.size()) + " quarters";
    return std::to_string(periods.size()) + " periods";
}

} // namespace sespm
