// print_map.cpp: see print_map.h.
#include "render/print_map.h"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "render/print_text.h"

namespace sespm {

Bbox print_extent(const MapView& v, const PrintMapOptions& opt) {
    if (opt.extent) return *opt.extent;
    Bbox b = v.selection_bbox;
    double pad = std::max(b.width(), b.height()) * 0.04;
    return {b.minx - pad, b.miny - pad, b.maxx + pad, b.maxy + pad};
}

PrintTransform print_transform(const Bbox& e, const PrintBox& box) {
    PrintTransform t;
    if (e.empty()) return t;
    t.scale = std::min(box.w / e.width(), box.h / e.height());
    double cx = (e.minx + e.maxx) / 2, cy = (e.miny + e.maxy) / 2;
    t.ox = box.x + box.w / 2 - cx * t.scale;
    t.oy = box.y + box.h / 2 + cy * t.scale;
    return t;
}

namespace {

// What of the map a page can show: the frame's ground rectangle, 3 pt wider on each side so that
// the cut edges of clipped areas stay outside the frame's clip.
struct PageWindow {
    Bbox ground;
    double tolerance_m = 0;   // 0.25 pt on the page, in metres: finer than print shows
};

PageWindow page_window(const PrintTransform& t, const PrintBox& box) {
    double pad = 3 / t.scale;
    PageWindow w;
    w.ground = {(box.x - t.ox) / t.scale - pad, (t.oy - (box.y + box.h)) / t.scale - pad,
                (box.x + box.w - t.ox) / t.scale + pad, (t.oy - box.y) / t.scale + pad};
    w.tolerance_m = 0.25 / t.scale;
    return w;
}

void ring_path(cairo_t* cr, const GeosContext& geos, const GEOSGeometry* ring, const PrintTransform& t, double tolerance_m) {
    // GEOS's Douglas-Peucker on the ring alone (a ring, not a polygon: no repair pass), at a
    // quarter of a point; a ring that collapses is drawn as it was.
    GeomPtr simple = own(geos, GEOSSimplify_r(geos, ring, tolerance_m));
    const GEOSGeometry* g = simple && GEOSGetNumCoordinates_r(geos, simple.get()) >= 4 ? simple.get() : ring;
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(geos, g);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(geos, seq, &n);
    double lastx = 1e300, lasty = 1e300;
    for (unsigned i = 0; i < n; ++i) {
        double x, y, px, py;
        GEOSCoordSeq_getXY_r(geos, seq, i, &x, &y);
        t.to_page(x, y, px, py);
        px = std::round(px * 10) / 10;  // 0.1 pt (0.035 mm) is finer than print shows; shorter numbers in the PDF
        py = std::round(py * 10) / 10;
        if (i > 0 && std::abs(px - lastx) < 0.35 && std::abs(py - lasty) < 0.35 && i + 1 < n) continue;  // under 0.12 mm: below what print shows
        if (i == 0) cairo_move_to(cr, px, py);
        else cairo_line_to(cr, px, py);
        lastx = px;
        lasty = py;
    }
    cairo_close_path(cr);
}

// Every polygon of a (multi)polygon as one path with holes (even-odd fill), cut to what the page
// shows (GEOS ClipByRect) when the area reaches beyond it.
void area_path(cairo_t* cr, const GeosContext& geos, const GEOSGeometry* area, const PrintTransform& t, const PageWindow& w) {
    double x0, y0, x1, y1;
    GEOSGeom_getXMin_r(geos, area, &x0);
    GEOSGeom_getYMin_r(geos, area, &y0);
    GEOSGeom_getXMax_r(geos, area, &x1);
    GEOSGeom_getYMax_r(geos, area, &y1);
    GeomPtr clipped;
    const GEOSGeometry* g = area;
    if (x0 < w.ground.minx || y0 < w.ground.miny || x1 > w.ground.maxx || y1 > w.ground.maxy) {
        clipped = own(geos, GEOSClipByRect_r(geos, area, w.ground.minx, w.ground.miny, w.ground.maxx, w.ground.maxy));
        if (clipped) g = clipped.get();
    }
    int parts = GEOSGetNumGeometries_r(geos, g);
    for (int p = 0; p < parts; ++p) {
        const GEOSGeometry* poly = GEOSGetGeometryN_r(geos, g, p);
        if (GEOSGeomTypeId_r(geos, poly) != GEOS_POLYGON || GEOSisEmpty_r(geos, poly)) continue;
        ring_path(cr, geos, GEOSGetExteriorRing_r(geos, poly), t, w.tolerance_m);
        int holes = GEOSGetNumInteriorRings_r(geos, poly);
        for (int h = 0; h < holes; ++h) ring_path(cr, geos, GEOSGetInteriorRingN_r(geos, poly, h), t, w.tolerance_m);
    }
}

bool overlaps_extent(const GeosContext& geos, const GEOSGeometry* g, const Bbox& e) {
    double x0, y0, x1, y1;
    GEOSGeom_getXMin_r(geos, g, &x0);
    GEOSGeom_getYMin_r(geos, g, &y0);
    GEOSGeom_getXMax_r(geos, g, &x1);
    GEOSGeom_getYMax_r(geos, g, &y1);
    return x1 >= e.minx && x0 <= e.maxx && y1 >= e.miny && y0 <= e.maxy;
}

void draw_areas(cairo_t* cr, const GeosContext& geos, const MapView& v, const PrintTransform& t, double outline,
                const PageWindow& w) {
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (int pass = 0; pass < 2; ++pass) {  // context areas first, so selected outlines sit on top
        for (size_t i = 0; i < v.set->areas.size(); ++i) {
            bool selected = v.row_of_area[i] >= 0;
            if (selected != (pass == 1)) continue;
            const GEOSGeometry* g = v.set->areas[i].bng.get();
            if (!g || !overlaps_extent(geos, g, w.ground)) continue;  // all the frame shows, not only the extent asked for
            area_path(cr, geos, g, t, w);
            const Rgba& c = v.colours[i];
            cairo_set_source_rgb(cr, c.r, c.g, c.b);
            cairo_fill_preserve(cr);
            set_rgb(cr, selected ? 0xffffff : 0xd4d1ca);
            cairo_set_line_width(cr, outline);
            cairo_stroke(cr);
        }
    }
}

void draw_labels(cairo_t* cr, const GeosContext& geos, const MapView& v, const PrintTransform& t, const PrintBox& box) {
    std::vector<std::pair<double, size_t>> order;  // biggest first: they are placed before small ones
    for (size_t r = 0; r < v.result.selection.size(); ++r) {
        double a = 0;
        GEOSArea_r(geos, v.set->areas[v.result.selection[r]].bng.get(), &a);
        order.push_back({-a, v.result.selection[r]});
    }
    std::sort(order.begin(), order.end());
    std::vector<PrintBox> placed;
    const std::string font = "DejaVu Sans 5.5";
    for (const auto& [neg_area, i] : order) {
        const Area& a = v.set->areas[i];
        if (-neg_area * t.scale * t.scale < 60) continue;  // too small on the page to hold its name
        GeomPtr p = own(geos, GEOSPointOnSurface_r(geos, a.bng.get()));
        double x, y, px, py;
        GEOSGeomGetX_r(geos, p.get(), &x);
        GEOSGeomGetY_r(geos, p.get(), &y);
        t.to_page(x, y, px, py);
        double w = text_width(cr, a.name, font), h = 7;
        PrintBox lb{px - w / 2, py - h / 2, w, h};
        if (lb.x < box.x || lb.x + w > box.x + box.w || lb.y < box.y || lb.y + h > box.y + box.h) continue;
        bool clash = false;
        for (const auto& o : placed) clash |= lb.x < o.x + o.w && o.x < lb.x + lb.w && lb.y < o.y + o.h && o.y < lb.y + lb.h;
        if (clash) continue;
        placed.push_back(lb);
        set_rgb(cr, 0x333333);
        print_text(cr, lb.x, lb.y - 0.5, 0, a.name, font);
    }
}

double nice_km(double max_km) {
    for (double s : {500.0, 200.0, 100.0, 50.0, 20.0, 10.0, 5.0, 2.0, 1.0})
        if (s <= max_km) return s;
    return 1;
}

void draw_scale_bar(cairo_t* cr, const PrintTransform& t, const PrintBox& box) {
    double km = nice_km(box.w * 0.25 / t.scale / 1000.0);
    double len = km * 1000.0 * t.scale, x = box.x + 8, y = box.y + box.h - 12;
    set_rgb(cr, 0x333333);
    cairo_set_line_width(cr, 0.8);
    cairo_rectangle(cr, x, y, len / 2, 3);
    cairo_fill(cr);
    cairo_rectangle(cr, x, y, len, 3);
    cairo_stroke(cr);
    print_text(cr, x, y - 9, 0, "0", "DejaVu Sans 6");
    char t1[32];
    std::snprintf(t1, sizeof t1, "%g km", km);
    print_text(cr, x + len - 6, y - 9, 0, t1, "DejaVu Sans 6");
}

void draw_north_arrow(cairo_t* cr, const PrintBox& box) {
    double cx = box.x + box.w - 16, top = box.y + 8;
    set_rgb(cr, 0x333333);
    cairo_move_to(cr, cx, top);
    cairo_line_to(cr, cx + 5, top + 16);
    cairo_line_to(cr, cx, top + 12);
    cairo_line_to(cr, cx - 5, top + 16);
    cairo_close_path(cr);
    cairo_fill(cr);
    print_text(cr, cx - 10, top + 17, 20, "N", "DejaVu Sans Bold 7", Align::Centre);
}

} // namespace

void draw_print_map(cairo_t* cr, const GeosContext& geos, const MapView& v, const PrintBox& box, const PrintMapOptions& opt) {
    Bbox e = print_extent(v, opt);
    PrintTransform t = print_transform(e, box);
    cairo_save(cr);
    cairo_rectangle(cr, box.x, box.y, box.w, box.h);
    cairo_clip(cr);
    set_rgb(cr, (sea_colour.r << 16) | (sea_colour.g << 8) | sea_colour.b);
    cairo_paint(cr);
    draw_areas(cr, geos, v, t, opt.outline_pt, page_window(t, box));
    for (size_t k = 0; k < v.points.size(); ++k) {
        double px, py;
        t.to_page(v.points.x[k], v.points.y[k], px, py);
        draw_point_marker(cr, px, py);
    }
    if (opt.labels) draw_labels(cr, geos, v, t, box);
    if (opt.scale_bar) draw_scale_bar(cr, t, box);
    if (opt.north_arrow) draw_north_arrow(cr, box);
    cairo_restore(cr);
    set_rgb(cr, 0x999999);
    cairo_set_line_width(cr, 0.5);
    cairo_rectangle(cr, box.x, box.y, box.w, box.h);
    cairo_stroke(cr);
}

void draw_point_marker(cairo_t* cr, double x, double y) {
    cairo_arc(cr, x, y, 2.6, 0, 2 * M_PI);
    set_rgb(cr, 0x1d3f8a);
    cairo_fill_preserve(cr);
    set_rgb(cr, 0xffffff);
    cairo_set_line_width(cr, 0.9);
    cairo_stroke(cr);
}

double draw_print_legend(cairo_t* cr, const MapView& v, double x, double y, double width) {
    double y0 = y;
    set_rgb(cr, 0x222222);
    y += print_text(cr, x, y, width, v.legend_title, "DejaVu Sans Bold 7.5") + 3;
    for (const auto& e : v.legend) {
        set_rgb(cr, (e.colour.r << 16) | (e.colour.g << 8) | e.colour.b);
        cairo_rectangle(cr, x, y + 1, 12, 7);
        cairo_fill_preserve(cr);
        set_rgb(cr, 0x888888);
        cairo_set_line_width(cr, 0.3);
        cairo_stroke(cr);
        set_rgb(cr, 0x222222);
        y += std::max(9.5, print_text(cr, x + 16, y, width - 16, e.label, "DejaVu Sans 7")) + 1;
    }
    return y - y0;
}

} // namespace sespm
