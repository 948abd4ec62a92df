// print_map.h: a MapView drawn as vector paths on a cairo context (PDF, SVG: the board report,
// `render -o FILE.pdf|.svg`): the same projected geometry (EPSG:27700) and the same colours as
// the window and `export`, fitted into a box in points, with district names placed as the
// window places them (print/print_labels.h), a legend, and a scale bar in km (BNG is metres,
// so it is exact) and a north arrow in corners clear of the selected areas
// (print/print_furniture.h).
#pragma once
#include <cairo.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rules/types.h"
#include "geodata/geos.h"
#include "map/map_view.h"
#include "render/area_labels.h"

namespace sespm {

struct PrintFurniture;

struct PrintBox {
    double x = 0, y = 0, w = 0, h = 0;   // points, y down
};

// What one document's print maps have worked out (the areas' poles, the last few maps' names),
// owned by the caller that draws several maps of the same areas (the board report), so the
// later maps reuse it: it only saves time, never changes a result. Lives no longer than the
// MapViews' area sets it was used with.
struct PrintLabelCache {
    PrintLabelCache();
    ~PrintLabelCache();
    PrintLabelCache(const PrintLabelCache&) = delete;
    PrintLabelCache& operator=(const PrintLabelCache&) = delete;
    struct Parts;
    std::unique_ptr<Parts> parts;
};

struct PrintMapOptions {
    std::optional<Bbox> extent;          // EPSG:27700; default: the selected areas, with a margin
    bool labels = true;
    bool scale_bar = true, north_arrow = true;
    double outline_pt = 0.35;
    double label_pt = 0;                 // type size of the names; 0: sized for the frame
    std::vector<PrintBox> keep_clear;    // page boxes no name may cover (text drawn over the map)
    std::vector<PlacedLabel>* labels_out = nullptr;  // when set: the names drawn, where
    PrintFurniture* furniture_out = nullptr;         // when set: where the arrow and the bar went
    PrintLabelCache* label_cache = nullptr;          // when set: kept between maps (see above)
};

// The metres-per-point scale and origin used for `box`, exposed for tests that find a district
// on the page. Returns false when the extent is empty.
struct PrintTransform {
    double scale = 1;                    // points per metre
    double ox = 0, oy = 0;               // page position of BNG (0, 0)
    void to_page(double x, double y, double& px, double& py) const { px = ox + x * scale; py = oy - y * scale; }
};
PrintTransform print_transform(const Bbox& extent, const PrintBox& box);
Bbox print_extent(const MapView& v, const PrintMapOptions& opt);

// Draws the areas (context first, then the selected ones), scale bar, north arrow and names.
void draw_print_map(cairo_t* cr, const GeosContext& geos, const MapView& v, const PrintBox& box, const PrintMapOptions& opt);
// A point of a points layer (an ESOL provider): a dark blue dot with a white ring, legible on
// every fill; the legend draws the same marker.
void draw_point_marker(cairo_t* cr, double x, double y);
// The legend (title, one swatch a class, "No published figure"); returns the height used.
double draw_print_legend(cairo_t* cr, const MapView& v, double x, double y, double width);

} // namespace sespm
