// labels.cpp: see labels.h. Greedy placement with a uniform grid of kept boxes for speed.
#include "render/labels.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace sespm {

std::vector<int> place_labels(std::vector<LabelBox> boxes, float view_w, float view_h, float pad) {
    std::stable_sort(boxes.begin(), boxes.end(), [](const LabelBox& a, const LabelBox& b) { return a.priority > b.priority; });
    const float cell = 64;
    std::unordered_map<long long, std::vector<int>> grid;  // cell -> indices into kept
    std::vector<LabelBox> kept;
    std::vector<int> ids;
    auto key = [](int x, int y) { return (static_cast<long long>(x) << 32) ^ static_cast<unsigned>(y); };
    for (const auto& b : boxes) {
        float x0 = b.cx - b.w / 2 - pad, x1 = b.cx + b.w / 2 + pad;
        float y0 = b.cy - b.h / 2 - pad, y1 = b.cy + b.h / 2 + pad;
        if (x0 < 0 || y0 < 0 || x1 > view_w || y1 > view_h) continue;
        int gx0 = static_cast<int>(std::floor(x0 / cell)), gx1 = static_cast<int>(std::floor(x1 / cell));
        int gy0 = static_cast<int>(std::floor(y0 / cell)), gy1 = static_cast<int>(std::floor(y1 / cell));
        bool clash = false;
        for (int gx = gx0; gx <= gx1 && !clash; ++gx)
            for (int gy = gy0; gy <= gy1 && !clash; ++gy) {
                auto it = grid.find(key(gx, gy));
                if (it == grid.end()) continue;
                for (int k : it->second) {
                    const LabelBox& o = kept[k];
                    if (x0 < o.cx + o.w / 2 && x1 > o.cx - o.w / 2 && y0 < o.cy + o.h / 2 && y1 > o.cy - o.h / 2) {
                        clash = true;
                        break;
                    }
                }
            }
        if (clash) continue;
        int idx = static_cast<int>(kept.size());
        kept.push_back(b);
        ids.push_back(b.id);
        for (int gx = gx0; gx <= gx1; ++gx)
            for (int gy = gy0; gy <= gy1; ++gy) grid[key(gx, gy)].push_back(idx);
    }
    return ids;
}

} // namespace sespm
