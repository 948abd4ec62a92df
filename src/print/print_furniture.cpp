// print_furniture.cpp: see print_furniture.h. The arrow prefers the top right and the bar the
// bottom left (where readers look for them); any other clear corner is taken before the map is
// made smaller, and the map is made smaller (by 8% a step, a few steps) before anything is drawn
// over a selected area.
#include "print/print_furniture.h"

#include <geos_c.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "print/print_text.h"

namespace sespm {

namespace {

const double kInset = 6;         // points from the frame's edge
const double kClearance = 3;     // points kept between the furniture and a selected area
const double kArrowW = 16, kArrowH = 29;
const char* kBarFont = "DejaVu Sans 6";

double nice_km(double max_km) {
    for (double s : {500.0, 200.0, 100.0, 50.0, 20.0, 10.0, 5.0, 2.0, 1.0})
        if (s <= max_km) return s;
    return 1;
}

std::string km_text(double km) {
    char t[32];
    std::snprintf(t, sizeof t, "%g km", km);
    return t;
}

// The box of corner `c` (0 top left, 1 top right, 2 bottom left, 3 bottom right) for an item w x h.
PrintBox corner_box(const PrintBox& frame, int c, double w, double h) {
    double x = c % 2 == 0 ? frame.x + kInset : frame.x + frame.w - kInset - w;
    double y = c < 2 ? frame.y + kInset : frame.y + frame.h - kInset - h;
    return {x, y, w, h};
}

// Whether a page box, with kClearance around it, is clear of every selected area.
bool clear_of_selection(const GeosContext& geos, const MapView& v, const PrintTransform& t, const PrintBox& b) {
    Bbox g = page_to_ground(t, {b.x - kClearance, b.y - kClearance, b.w + 2 * kClearance, b.h + 2 * kClearance});
    GeomPtr rect = own(geos, GEOSGeom_createRectangle_r(geos, g.minx, g.miny, g.maxx, g.maxy));
    if (!rect) return false;
    for (size_t i = 0; i < v.set->areas.size() && i < v.row_of_area.size(); ++i) {
        if (v.row_of_area[i] < 0 || !v.set->areas[i].bng) continue;
        const GEOSGeometry* a = v.set->areas[i].bng.get();
        double x0, y0, x1, y1;
        GEOSGeom_getXMin_r(geos, a, &x0);
        GEOSGeom_getYMin_r(geos, a, &y0);
        GEOSGeom_getXMax_r(geos, a, &x1);
        GEOSGeom_getYMax_r(geos, a, &y1);
        if (x1 < g.minx || x0 > g.maxx || y1 < g.miny || y0 > g.maxy) continue;
        if (GEOSIntersects_r(geos, a, rect.get()) == 1) return false;
    }
    return true;
}

// The transform zoomed out by `f` about the frame's centre.
PrintTransform zoomed(const PrintTransform& t, const PrintBox& box, double f) {
    double pcx = box.x + box.w / 2, pcy = box.y + box.h / 2;
    double wx = (pcx - t.ox) / t.scale, wy = (t.oy - pcy) / t.scale;
    PrintTransform z;
    z.scale = t.scale * f;
    z.ox = pcx - wx * z.scale;
    z.oy = pcy + wy * z.scale;
    return z;
}

// The corners for the arrow and the bar at transform `t`, the preferred clear ones; false when
// no clear corners can be had for both.
bool choose_corners(const GeosContext& geos, const MapView& v, const PrintBox& frame, PrintFurniture& f, bool arrow, bool bar,
                    double bar_w, double bar_h) {
    const std::array<int, 4> arrow_pref{1, 0, 3, 2}, bar_pref{2, 3, 0, 1};
    std::array<bool, 4> arrow_ok{}, bar_ok{};
    for (int c = 0; c < 4; ++c) {
        arrow_ok[c] = !arrow || clear_of_selection(geos, v, f.t, corner_box(frame, c, kArrowW, kArrowH));
        bar_ok[c] = !bar || clear_of_selection(geos, v, f.t, corner_box(frame, c, bar_w, bar_h));
    }
    for (int rank = 0; rank < 7; ++rank)  // the pair whose preference ranks add up least
        for (int ra = 0; ra < 4; ++ra) {
            int rb = rank - ra, ca = arrow_pref[ra];
            if (rb < 0 || rb > 3) continue;
            int cb = bar_pref[rb];
            if ((arrow && bar && ca == cb) || !arrow_ok[ca] || !bar_ok[cb]) continue;
            if (arrow) f.north_arrow = corner_box(frame, ca, kArrowW, kArrowH);
            if (bar) f.scale_bar = corner_box(frame, cb, bar_w, bar_h);
            return true;
        }
    return false;
}

} // namespace

Bbox page_to_ground(const PrintTransform& t, const PrintBox& b) {
    return {(b.x - t.ox) / t.scale, (t.oy - (b.y + b.h)) / t.scale, (b.x + b.w - t.ox) / t.scale, (t.oy - b.y) / t.scale};
}

PrintFurniture place_print_furniture(cairo_t* cr, const GeosContext& geos, const MapView& v, const PrintBox& box,
                                     PrintTransform t, bool arrow, bool bar) {
    PrintFurniture f;
    f.t = t;
    if (!arrow && !bar) return f;
    for (int step = 0; step < 6; ++step, f.t = zoomed(f.t, box, 0.92)) {
        f.bar_km = nice_km(box.w * 0.25 / f.t.scale / 1000.0);
        double len = f.bar_km * 1000.0 * f.t.scale;
        double bar_w = std::max(len, len - 6 + text_width(cr, km_text(f.bar_km), kBarFont)) + 2, bar_h = 14;
        if (choose_corners(geos, v, box, f, arrow, bar, bar_w, bar_h)) return f;
    }
    // nowhere clear even smaller: the fitted map, the usual corners
    f = PrintFurniture{};
    f.t = t;
    f.bar_km = nice_km(box.w * 0.25 / t.scale / 1000.0);
    double len = f.bar_km * 1000.0 * t.scale;
    if (arrow) f.north_arrow = corner_box(box, 1, kArrowW, kArrowH);
    if (bar) f.scale_bar = corner_box(box, 2, std::max(len, len - 6 + text_width(cr, km_text(f.bar_km), kBarFont)) + 2, 14);
    return f;
}

void draw_print_furniture(cairo_t* cr, const PrintFurniture& f) {
    set_rgb(cr, 0x333333);
    if (f.scale_bar) {
        const PrintBox& b = *f.scale_bar;
        double len = f.bar_km * 1000.0 * f.t.scale, x = b.x + 1, y = b.y + 10;
        cairo_set_line_width(cr, 0.8);
        cairo_rectangle(cr, x, y, len / 2, 3);
        cairo_fill(cr);
        cairo_rectangle(cr, x, y, len, 3);
        cairo_stroke(cr);
        print_text(cr, x, y - 9, 0, "0", kBarFont);
        print_text(cr, x + len - 6, y - 9, 0, km_text(f.bar_km), kBarFont);
    }
    if (f.north_arrow) {
        const PrintBox& b = *f.north_arrow;
        double cx = b.x + b.w / 2, top = b.y + 1;
        cairo_move_to(cr, cx, top);
        cairo_line_to(cr, cx + 5, top + 16);
        cairo_line_to(cr, cx, top + 12);
        cairo_line_to(cr, cx - 5, top + 16);
        cairo_close_path(cr);
        cairo_fill(cr);
        print_text(cr, cx - 10, top + 16, 20, "N", "DejaVu Sans Bold 7", Align::Centre);
    }
}

std::string furniture_json(const PrintFurniture& f) {
    auto box = [&](const std::optional<PrintBox>& b) {
        if (!b) return nlohmann::ordered_json(nullptr);
        Bbox g = page_to_ground(f.t, *b);
        return nlohmann::ordered_json{std::round(g.minx), std::round(g.miny), std::round(g.maxx), std::round(g.maxy)};
    };
    nlohmann::ordered_json o;
    o["north_arrow"] = box(f.north_arrow);
    o["scale_bar"] = box(f.scale_bar);
    o["scale_bar_km"] = f.bar_km;
    o["page_transform"] = {f.t.scale, f.t.ox, f.t.oy};  // page point = (ox + x * scale, oy - y * scale)
    return o.dump(1) + "\n";
}

} // namespace sespm
