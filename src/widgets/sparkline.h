// sparkline.h: a small line of an area's recent figures drawn in place with ImGui (the
// attribute table's cells, the tooltip): missing figures are gaps, the last figure a dot, the
// line scaled to its own minimum and maximum. The item it adds takes `size` in the layout.
#pragma once
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace sespm {

void sparkline(const std::vector<std::optional<double>>& values, ImVec2 size, ImU32 colour = IM_COL32(60, 60, 60, 255));

// "12 quarters" for a quarterly series, else "N periods" (annual, census): the last ones shown.
std::string sparkline_title(const std::vector<std::string>& periods);

} // namespace sespm
