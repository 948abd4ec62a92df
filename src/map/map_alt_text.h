// map_alt_text.h: the alternative text of a map (a tagged PDF's Figure /Alt): what the map shows
// and its largest values, in words, from the MapView itself (title, period, what colours the
// areas, the highest areas with their figures, how many have none). The board report's pages and
// `render -o FILE.pdf` both write it, so a screen reader hears what a sighted reader sees.
#pragma once
#include <optional>
#include <string>

#include "map/map_view.h"

namespace sespm {

// "Map: Asylum dispersal (As at 30 June 2026; ...). 64 districts coloured by Share of the cluster
// limit (%). Highest: Hastings 57.6%, Thanet 45.2% and Southampton 40.1%. 3 have no published figure."
// `points_in_area`: how many of its points lie in the areas mapped (the frame may show others).
std::string map_alt_text(const MapView& v, size_t highest = 3, std::optional<size_t> points_in_area = std::nullopt);

// "Hastings 57.6, Thanet 45.2 and Southampton 40.1": the `highest` rows by the classified value.
std::string highest_areas(const MapView& v, size_t highest = 3);

} // namespace sespm
