// print_map.cpp: see print_map.h.
#include "print/print_map.h"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "print/print_furniture.h"
#include "print/print_labels.h"
#include "print/print_text.h"

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

// Thin diagonal lines over the current path (which is kept), for "no published figure": in a
// greyscale print its light grey would otherwise read as a low class.
void hatch_path(cairo_t* cr) {
    double x0, y0, x1, y1;
    cairo_path_extents(cr, &x0, &y0, &x1, &y1);
    cairo_path_t* path = cairo_copy_path(cr);
    cairo_save(cr);
    cairo_clip(cr);
    set_rgb(cr, 0x7a7a7a);
    cairo_set_line_width(cr, 0.35);
    for (double d = x0 - (y1 - y0); d < x1; d += 2.6) {
        cairo_move_to(cr, d, y1);
        cairo_line_to(cr, d + (y1 - y0), y0);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
    cairo_append_path(cr, path);
    cairo_path_destroy(path);
}

// An area drawn in the "no published figure" grey because its row has no class (a locator map
// that recolours the areas is never hatched).
bool no_figure(const MapView& v, size_t area) {
    int row = area < v.row_of_area.size() ? v.row_of_area[area] : -1;
    if (row < 0 || v.kind != MapKind::Layer || static_cast<size_t>(row) >= v.styled.class_index.size() || v.styled.class_index[row] >= 0)
        return false;
    const Rgba& c = v.colours[area];
    auto byte = [](float f) { return static_cast<int>(std::lround(f * 255)); };
    return byte(c.r) == no_figure_colour.r && byte(c.g) == no_figure_colour.g && byte(c.b) == no_figure_colour.b;
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
            if (no_figure(v, i)) hatch_path(cr);
            set_rgb(cr, selected ? 0xffffff : 0xd4d1ca);
            cairo_set_line_width(cr, outline);
            cairo_stroke(cr);
        }
    }
}

} // namespace

void draw_print_map(cairo_t* cr, const GeosContext& geos, const MapView& v, const PrintBox& box, const PrintMapOptions& opt) {
    // the furniture first: a map made smaller to free a corner for it is drawn smaller
    PrintFurniture f = place_print_furniture(cr, geos, v, box, print_transform(print_extent(v, opt), box), opt.north_arrow,
                                             opt.scale_bar);
    const PrintTransform& t = f.t;
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
    draw_print_furniture(cr, f);
    if (opt.labels) {
        std::vector<PrintBox> clear = opt.keep_clear;
        for (const auto& b : {f.north_arrow, f.scale_bar}) if (b) clear.push_back(*b);
        double size = opt.label_pt > 0 ? opt.label_pt : print_label_points(box, v.result.selection.size());
        std::vector<PlacedLabel> labels = place_print_labels(cr, geos, v, box, t, size, clear, opt.label_cache);
        draw_print_labels(cr, labels, t, size);
        if (opt.labels_out) *opt.labels_out = std::move(labels);
    }
    if (opt.furniture_out) *opt.furniture_out = f;
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
        if (e.colour == no_figure_colour) hatch_path(cr);  // as the map draws it
        set_rgb(cr, 0x888888);
        cairo_set_line_width(cr, 0.3);
        cairo_stroke(cr);
        set_rgb(cr, 0x222222);
        y += std::max(9.5, print_text(cr, x + 16, y, width - 16, e.label, "DejaVu Sans 7")) + 1;
    }
    return y - y0;
}

} // namespace sespm
