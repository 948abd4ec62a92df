// print_furniture.h: the print map's north arrow and scale bar (PDF, SVG: the board report and
// `render -o FILE.pdf|.svg`): where they go and drawing them. They go in corners of the map's
// frame that are clear of every selected area, so neither ever covers a district of the region
// mapped (the Kent pack's arrow sat over Thanet); when no two corners are clear at the fitted
// scale the map is drawn a little smaller, which frees its corners.
#pragma once
#include <cairo.h>

#include <optional>
#include <string>

#include "geodata/geos.h"
#include "map/map_view.h"
#include "print/print_map.h"

namespace sespm {

struct PrintFurniture {
    PrintTransform t;                    // the map's transform, zoomed out when that made room
    std::optional<PrintBox> north_arrow; // page points, where each is drawn (none when left out)
    std::optional<PrintBox> scale_bar;
    double bar_km = 0;                   // the scale bar's length
};

// Where the arrow and the bar go for the map of `v` in `box` at transform `t` (`cr` measures the
// bar's text).
PrintFurniture place_print_furniture(cairo_t* cr, const GeosContext& geos, const MapView& v, const PrintBox& box,
                                     PrintTransform t, bool north_arrow, bool scale_bar);
void draw_print_furniture(cairo_t* cr, const PrintFurniture& f);

// A page box as a BNG rectangle under transform `t`.
Bbox page_to_ground(const PrintTransform& t, const PrintBox& b);
// The furniture's boxes in EPSG:27700 metres as JSON ({"north_arrow": [minx, miny, maxx, maxy] or
// null, "scale_bar": ..., "scale_bar_km", "page_transform": [points a metre, ox, oy] placing BNG
// (x, y) at page point (ox + x * scale, oy - y * scale)), for `render --furniture-json` and tests.
std::string furniture_json(const PrintFurniture& f);

} // namespace sespm
