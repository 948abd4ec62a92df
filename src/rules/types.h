// types.h: plain value types shared by the model, the renderer and the window: an extent in
// British National Grid metres and a colour with alpha for drawing. No behaviour beyond arithmetic.
#pragma once
#include "rules/classify.h"

namespace sespm {

struct Bbox {
    double minx = 0, miny = 0, maxx = 0, maxy = 0;
    double width() const { return maxx - minx; }
    double height() const { return maxy - miny; }
    bool empty() const { return !(maxx > minx && maxy > miny); }
};

struct Rgba {
    float r = 0, g = 0, b = 0, a = 1;
    static Rgba from(const Rgb& c, float alpha = 1) { return {c.r / 255.f, c.g / 255.f, c.b / 255.f, alpha}; }
};

} // namespace sespm
