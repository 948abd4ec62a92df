// labels.h: label placement without collisions: candidates are taken in priority order (larger
// areas first) and a label is kept only if its box (plus padding) overlaps no kept label and
// lies inside the view. Pure geometry in screen pixels, so it is testable without GL.
#pragma once
#include <vector>

namespace sespm {

struct LabelBox {
    float cx = 0, cy = 0, w = 0, h = 0;  // centre and size, pixels
    double priority = 0;                 // larger first
    int id = -1;
};

// Returns the ids of the labels kept, in priority order.
std::vector<int> place_labels(std::vector<LabelBox> boxes, float view_w, float view_h, float padding = 3);

} // namespace sespm
