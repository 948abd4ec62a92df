// print_page.h: `render -o FILE.pdf|.svg`: the map as one vector page through the same cairo
// drawing as the board report (print_map.h): the map, and with `legend` a margin on the left
// with the title, period, legend and attribution. Written whole or not at all.
#pragma once
#include <string>
#include <vector>

#include "geodata/geos.h"
#include "map/map_view.h"
#include "print/print_furniture.h"

namespace sespm {

struct VectorPageOptions {
    double width = 842, height = 595;   // points (A4 landscape by default)
    bool legend = false, labels = true;
    std::vector<PlacedLabel>* labels_out = nullptr;  // when set: the names drawn (write_vector_map)
    PrintFurniture* furniture_out = nullptr;         // when set: where the arrow and the bar went
};

// Format by extension (.pdf, .svg). Throws DataError when drawing or writing fails.
void write_vector_map(const GeosContext& geos, const MapView& v, const std::string& path, const VectorPageOptions& opt);

// `render --small-multiples`: one map per view (period) in a grid, each titled by its period,
// with one shared legend (the views' classes are pooled over every period, so they are the
// same); .png (cairo's image surface), .pdf or .svg by extension. Sizes are pixels or points.
void write_small_multiples(const GeosContext& geos, const std::vector<MapView>& views, const std::string& path,
                           const VectorPageOptions& opt);

} // namespace sespm
