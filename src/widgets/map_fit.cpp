// map_fit.cpp: see map_fit.h. A search over scales (from the largest that fits the frame, 2%
// smaller at each step) and, at each, over a grid of positions in the frame: the first scale
// with a position where no part lies under an obstacle wins, at its position nearest the
// frame's centre.
#include "widgets/map_fit.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace sespm {

namespace {

const int kScaleSteps = 120;     // down to 1.01^-120 (about 30%) of the largest scale
const int kGrid = 32;            // positions tried along each axis at one scale
const size_t kMaxParts = 400;    // more areas (a wards file): test the whole extent only

bool overlaps(const ScreenBox& a, const ScreenBox& b) { return a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0; }

// Whether, with `whole`'s top-left corner at (x, y) on screen, every part is clear.
bool clear_at(const Bbox& whole, const std::vector<Bbox>& parts, double mpp, double x, double y,
              const std::vector<ScreenBox>& obstacles) {
    for (const Bbox& p : parts) {
        ScreenBox s{x + (p.minx - whole.minx) / mpp, y + (whole.maxy - p.maxy) / mpp, x + (p.maxx - whole.minx) / mpp,
                    y + (whole.maxy - p.miny) / mpp};
        for (const ScreenBox& o : obstacles)
            if (overlaps(s, o)) return false;
    }
    return true;
}

// The clear top-left corner nearest the frame's centre at one scale, if any.
std::optional<std::pair<double, double>> clear_position(const Bbox& whole, const std::vector<Bbox>& parts, double mpp,
                                                        const ScreenBox& frame, const std::vector<ScreenBox>& obstacles) {
    double w = whole.width() / mpp, h = whole.height() / mpp;
    double room_x = frame.w() - w, room_y = frame.h() - h;
    if (room_x < 0 || room_y < 0) return std::nullopt;
    std::optional<std::pair<double, double>> best;
    double best_d = 0;
    for (int i = 0; i <= kGrid; ++i)
        for (int j = 0; j <= kGrid; ++j) {
            double x = frame.x0 + room_x * i / kGrid, y = frame.y0 + room_y * j / kGrid;
            double d = std::hypot(x + w / 2 - (frame.x0 + frame.x1) / 2, y + h / 2 - (frame.y0 + frame.y1) / 2);
            if (best && d >= best_d) continue;
            if (!clear_at(whole, parts, mpp, x, y, obstacles)) continue;
            best = std::make_pair(x, y);
            best_d = d;
        }
    return best;
}

MapFit fit_at(const Bbox& whole, double mpp, double x, double y, int width, int height) {
    MapFit f;
    f.mpp = mpp;
    f.shown = {x, y, x + whole.width() / mpp, y + whole.height() / mpp};
    double sx = (f.shown.x0 + f.shown.x1) / 2, sy = (f.shown.y0 + f.shown.y1) / 2;
    f.cx = (whole.minx + whole.maxx) / 2 - (sx - width / 2.0) * mpp;
    f.cy = (whole.miny + whole.maxy) / 2 + (sy - height / 2.0) * mpp;
    return f;
}

} // namespace

MapFit fit_clear_of(const Bbox& whole, const std::vector<Bbox>& parts, const ScreenBox& frame,
                    const std::vector<ScreenBox>& obstacles, int width, int height) {
    double fw = std::max(1.0, frame.w()), fh = std::max(1.0, frame.h());
    double largest = std::max(whole.width() / fw, whole.height() / fh);
    if (!(largest > 0)) largest = 1;
    std::vector<Bbox> one{whole};
    const std::vector<Bbox>& tested = parts.empty() || parts.size() > kMaxParts ? one : parts;
    for (const std::vector<Bbox>* p : std::array<const std::vector<Bbox>*, 2>{&tested, &one})
        for (int k = 0; k <= kScaleSteps; ++k) {
            double mpp = largest * std::pow(1.01, k) * (1 + 1e-9);
            if (auto at = clear_position(whole, *p, mpp, frame, obstacles)) return fit_at(whole, mpp, at->first, at->second, width, height);
        }
    // no scale keeps it clear: centred in the frame, panels or not
    return fit_at(whole, largest, frame.x0 + (fw - whole.width() / largest) / 2, frame.y0 + (fh - whole.height() / largest) / 2,
                  width, height);
}

} // namespace sespm
