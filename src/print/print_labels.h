// print_labels.h: district names on the print maps (PDF, SVG: the board report, `render -o
// FILE.pdf|.svg`, the small multiples), placed by the window's own placement
// (render/area_labels.h: at the pole when the name fits inside its area, else beside it with a
// leader ending inside it; unitaries first; no two names overlapping) and drawn with pango in
// dark type over a light halo, so a name reads on any fill. The placement works in "label
// units": the page's points scaled so that the type is the window's label size, which keeps
// the placement's distances (leader rings, gaps) in proportion to the type as in the window.
#pragma once
#include <cairo.h>

#include <vector>

#include "geodata/geos.h"
#include "map/map_view.h"
#include "render/area_labels.h"
#include "print/print_map.h"

namespace sespm {

// The type size (points) of district names on a map frame of this size naming `named` areas: a
// full page takes larger names than a report's half-page map or a small multiple, and a map of
// one sub-region's dozen districts larger names than the region's 64.
double print_label_points(const PrintBox& box, size_t named);

// The names of the selected areas of `v` drawn in `box` at transform `t`, clear of the
// `keep_clear` page boxes (the north arrow, the scale bar); positions in BNG metres. `cache`
// (PrintMapOptions::label_cache), when given, keeps what was worked out for the next maps.
std::vector<PlacedLabel> place_print_labels(cairo_t* cr, const GeosContext& geos, const MapView& v, const PrintBox& box,
                                            const PrintTransform& t, double text_pt,
                                            const std::vector<PrintBox>& keep_clear, PrintLabelCache* cache = nullptr);

// Leaders, then each name over its halo.
void draw_print_labels(cairo_t* cr, const std::vector<PlacedLabel>& labels, const PrintTransform& t, double text_pt);

} // namespace sespm
