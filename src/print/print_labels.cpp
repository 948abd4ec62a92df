// print_labels.cpp: see print_labels.h. The halo is each glyph's outline stroked wide in white,
// drawn once per glyph of a map as a cairo recording surface and stamped at every use of that
// glyph: a PDF then holds one small form per glyph instead of an outline per letter of every
// name (stroking each name's own outline doubled the board report's size and added 0.3 s).
// The names themselves stay text (searchable, selectable, read out).
#include "print/print_labels.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <utility>

#include "render/mesh.h"
#include "print/print_text.h"

namespace sespm {

namespace {

// The window's label type is about 13.5 px (overlay.cpp: 0.9 of its 15 px font); the placement's
// distances were tuned against it.
const double kUnitsPerLabel = 13.5;
const unsigned kInk = 0x1e1e1e;

PangoLayout* name_layout(cairo_t* cr, const std::string& text, double size_pt) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    // small type on a vector page: glyphs at their true advances, not rounded to whole points
    // (rounded, "Hastings" printed as "Hastin gs")
    pango_context_set_round_glyph_positions(pango_layout_get_context(layout), FALSE);
    pango_layout_context_changed(layout);
    PangoFontDescription* desc = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_absolute_size(desc, size_pt * PANGO_SCALE);
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
    pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
    pango_layout_set_spacing(layout, static_cast<int>(-0.15 * size_pt * PANGO_SCALE));  // two-line names sit close
    pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
    return layout;
}

std::pair<double, double> layout_size(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return {static_cast<double>(logical.width) / PANGO_SCALE, static_cast<double>(logical.height) / PANGO_SCALE};
}

// The camera over the frame in label units (k to a point), with its origin at the frame's top
// left, agreeing with transform `t` on every point.
Camera label_camera(const PrintBox& box, const PrintTransform& t, double k) {
    Camera cam;
    cam.width = std::max(1, static_cast<int>(std::floor(box.w * k)));
    cam.height = std::max(1, static_cast<int>(std::floor(box.h * k)));
    cam.mpp = 1 / (t.scale * k);
    cam.cx = (box.x + cam.width / (2 * k) - t.ox) / t.scale;
    cam.cy = (t.oy - box.y - cam.height / (2 * k)) / t.scale;
    return cam;
}

// What a map's placement depends on, so that a map drawn again with the same districts in the
// same frame (the board report's layer pages) reuses its names: the areas (each geometry and its
// extent, so a set freed and another made at the same address never matches), which are named,
// the camera, the type and what is kept clear.
struct PlacementKey {
    const AreaSet* set = nullptr;
    std::vector<const GEOSGeometry*> geoms;
    std::vector<double> extents;
    std::vector<int> rows;
    std::array<double, 6> camera{};
    std::vector<std::array<float, 4>> clear;
    bool operator==(const PlacementKey& o) const {
        return set == o.set && geoms == o.geoms && extents == o.extents && rows == o.rows && camera == o.camera && clear == o.clear;
    }
};

PlacementKey placement_key(const GeosContext& geos, const MapView& v, const Camera& cam, double text_pt,
                           const std::vector<std::array<float, 4>>& clear) {
    PlacementKey k;
    k.set = v.set;
    for (const auto& a : v.set->areas) {
        k.geoms.push_back(a.bng.get());
        double e[4] = {0, 0, 0, 0};
        if (a.bng) {
            GEOSGeom_getXMin_r(geos, a.bng.get(), &e[0]);
            GEOSGeom_getYMin_r(geos, a.bng.get(), &e[1]);
            GEOSGeom_getXMax_r(geos, a.bng.get(), &e[2]);
            GEOSGeom_getYMax_r(geos, a.bng.get(), &e[3]);
        }
        k.extents.insert(k.extents.end(), e, e + 4);
    }
    k.rows = v.row_of_area;
    for (int& r : k.rows) r = r >= 0;  // named or not: the figures do not move names
    k.camera = {cam.cx, cam.cy, cam.mpp, static_cast<double>(cam.width), static_cast<double>(cam.height), text_pt};
    k.clear = clear;
    return k;
}

// The last few maps' names: a memo of a pure function of its key, so it can only save time (the
// report's dozen maps are half repeats), never change a result.
struct PlacementMemo {
    static constexpr size_t kKept = 4;
    std::vector<std::pair<PlacementKey, std::vector<PlacedLabel>>> entries;
    const std::vector<PlacedLabel>* find(const PlacementKey& k) const {
        for (const auto& e : entries)
            if (e.first == k) return &e.second;
        return nullptr;
    }
    void keep(PlacementKey k, const std::vector<PlacedLabel>& labels) {
        if (entries.size() == kKept) entries.erase(entries.begin());
        entries.emplace_back(std::move(k), labels);
    }
};

} // namespace

// What one document's print maps have worked out, kept by its caller (see print_labels.h).
struct PrintLabelCache::Parts {
    std::map<const GEOSGeometry*, AreaMesh> poles;
    PlacementMemo memo;
};
PrintLabelCache::PrintLabelCache() : parts(std::make_unique<Parts>()) {}
PrintLabelCache::~PrintLabelCache() = default;

namespace {

// Extents, sizes and, for the selected areas (the only ones named), poles: no tessellation. A
// pole depends on its area alone, so with a cache each is found once per document (the
// report's sub-region maps name districts its regional maps already named), kept with the
// area's extent so that another geometry made later at the same address is never taken for it.
MapMesh label_mesh(const GeosContext& geos, const MapView& v, PrintLabelCache* cache) {
    std::map<const GEOSGeometry*, AreaMesh> none;
    std::map<const GEOSGeometry*, AreaMesh>& poles = cache ? cache->parts->poles : none;
    MapMesh m;
    m.areas.reserve(v.set->areas.size());
    for (size_t i = 0; i < v.set->areas.size(); ++i) {
        const GEOSGeometry* g = v.set->areas[i].bng.get();
        m.areas.push_back(g ? measure_area(geos, g, false) : AreaMesh{});
        if (!g || i >= v.row_of_area.size() || v.row_of_area[i] < 0) continue;
        AreaMesh& am = m.areas.back();
        auto it = poles.find(g);
        bool same = it != poles.end() && it->second.bbox.minx == am.bbox.minx && it->second.bbox.miny == am.bbox.miny &&
                    it->second.bbox.maxx == am.bbox.maxx && it->second.bbox.maxy == am.bbox.maxy && it->second.area_m2 == am.area_m2;
        if (!same) it = poles.insert_or_assign(g, measure_area(geos, g, true)).first;
        am = it->second;
    }
    return m;
}

void draw_leader(cairo_t* cr, const PlacedLabel& l, const PrintTransform& t, double w, double h) {
    double cx, cy, ex, ey;
    t.to_page(l.x, l.y, cx, cy);
    t.to_page(l.leader_x, l.leader_y, ex, ey);
    double fx = std::clamp(ex, cx - w / 2, cx + w / 2), fy = std::clamp(ey, cy - h / 2, cy + h / 2);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_move_to(cr, fx, fy);
    cairo_line_to(cr, ex, ey);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
    cairo_set_line_width(cr, 1.4);
    cairo_stroke(cr);
    cairo_move_to(cr, fx, fy);
    cairo_line_to(cr, ex, ey);
    set_rgb(cr, kInk);
    cairo_set_line_width(cr, 0.45);
    cairo_stroke(cr);
    cairo_arc(cr, ex, ey, 1.0, 0, 2 * M_PI);
    cairo_fill(cr);
}

// The ink box of every glyph of a layout drawn with its top left at (x, y), as rectangles on the
// current path (spaces have none).
void append_glyph_boxes(cairo_t* cr, PangoLayout* layout, double x, double y) {
    PangoLayoutIter* it = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun* run = pango_layout_iter_get_run_readonly(it);
        if (!run) continue;
        PangoRectangle logical;
        pango_layout_iter_get_run_extents(it, nullptr, &logical);
        double baseline = y + static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
        cairo_scaled_font_t* font = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run->item->analysis.font));
        double gx = x + static_cast<double>(logical.x) / PANGO_SCALE;
        for (int i = 0; font && i < run->glyphs->num_glyphs; ++i) {
            const PangoGlyphInfo& gi = run->glyphs->glyphs[i];
            cairo_glyph_t g{gi.glyph, gx + static_cast<double>(gi.geometry.x_offset) / PANGO_SCALE,
                            baseline + static_cast<double>(gi.geometry.y_offset) / PANGO_SCALE};
            gx += static_cast<double>(gi.geometry.width) / PANGO_SCALE;
            if (gi.glyph & PANGO_GLYPH_UNKNOWN_FLAG) continue;
            cairo_text_extents_t e;
            cairo_scaled_font_glyph_extents(font, &g, 1, &e);
            if (e.width > 0 && e.height > 0) cairo_rectangle(cr, g.x + e.x_bearing, g.y + e.y_bearing, e.width, e.height);
        }
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
}

// Every name's halo, one path stroked once in white: each glyph's ink box, filled and stroked
// wide with round joins, so the halo follows the letters (an x-height band, raised over
// capitals and ascenders) about a sixth of the type size beyond them. Stroking the glyphs' own
// outlines (pango_cairo_layout_path) read the same at print size but made the board report's
// PDF 60% larger and a quarter slower to write.
void draw_halos(cairo_t* cr, const std::vector<PangoLayout*>& layouts, const std::vector<std::pair<double, double>>& at,
                double width) {
    cairo_new_path(cr);
    for (size_t i = 0; i < layouts.size(); ++i) append_glyph_boxes(cr, layouts[i], at[i].first, at[i].second);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_width(cr, width);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.88);
    cairo_push_group(cr);  // one even white: the boxes overlap, and overlapping translucent strokes would show seams
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    cairo_stroke_preserve(cr);
    cairo_fill(cr);
    cairo_pop_group_to_source(cr);
    cairo_paint_with_alpha(cr, 0.88);
}

} // namespace

double print_label_points(const PrintBox& box, size_t named) {
    // a map of a few areas (one sub-region's dozen) has room for larger names than the region's 64
    double few = std::clamp(std::pow(64.0 / static_cast<double>(std::max<size_t>(named, 1)), 0.25), 1.0, 1.4);
    return std::clamp(std::sqrt(box.w * box.h) / 65.0 * few, 4.5, 8.5);
}

std::vector<PlacedLabel> place_print_labels(cairo_t* cr, const GeosContext& geos, const MapView& v, const PrintBox& box,
                                            const PrintTransform& t, double text_pt,
                                            const std::vector<PrintBox>& keep_clear, PrintLabelCache* cache) {
    if (!v.set || text_pt <= 0 || t.scale <= 0) return {};
    double k = kUnitsPerLabel / text_pt;
    Camera cam = label_camera(box, t, k);
    std::vector<std::array<float, 4>> clear;
    for (const auto& b : keep_clear)
        clear.push_back({static_cast<float>((b.x - box.x) * k), static_cast<float>((b.y - box.y) * k),
                         static_cast<float>((b.x + b.w - box.x) * k), static_cast<float>((b.y + b.h - box.y) * k)});
    PlacementKey key = placement_key(geos, v, cam, text_pt, clear);
    if (cache)
        if (const auto* done = cache->parts->memo.find(key)) return *done;
    MapMesh mesh = label_mesh(geos, v, cache);
    PangoLayout* layout = name_layout(cr, "", text_pt);  // one layout, its text changed for each measure
    auto measure = [&](const std::string& text) {
        pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
        auto [w, h] = layout_size(layout);
        return std::pair<float, float>(static_cast<float>(w * k), static_cast<float>(h * k));
    };
    std::vector<PlacedLabel> out = place_area_labels(geos, v, mesh, cam, measure, static_cast<float>(kUnitsPerLabel), 0, nullptr, clear);
    g_object_unref(layout);
    if (cache) cache->parts->memo.keep(std::move(key), out);
    return out;
}

void draw_print_labels(cairo_t* cr, const std::vector<PlacedLabel>& labels, const PrintTransform& t, double text_pt) {
    std::vector<PangoLayout*> layouts;
    std::vector<std::pair<double, double>> at;  // each name's top left on the page
    for (const auto& l : labels) {
        PangoLayout* layout = name_layout(cr, l.text, text_pt * l.scale);
        auto [w, h] = layout_size(layout);
        double cx, cy;
        t.to_page(l.x, l.y, cx, cy);
        if (l.leader) draw_leader(cr, l, t, w, h);  // leaders first, so no line runs over a name
        layouts.push_back(layout);
        at.push_back({cx - w / 2, cy - h / 2});
    }
    draw_halos(cr, layouts, at, std::max(1.0, 0.26 * text_pt));  // every halo under every name: none covers a neighbour's letters
    set_rgb(cr, kInk);
    for (size_t i = 0; i < layouts.size(); ++i) {
        cairo_move_to(cr, at[i].first, at[i].second);
        pango_cairo_show_layout(cr, layouts[i]);
        g_object_unref(layouts[i]);
    }
}

} // namespace sespm
