// export_view.h: a map as a file for web teams and analysts: the rows, classes and `fill`
// colours of a MapView written through outputs/export (GeoJSON, CSV, GeoPackage). The one place the
// data behind every export is assembled, so a file always carries the colours of the map.
#pragma once
#include <string>

#include "outputs/export.h"
#include "map/map_view.h"

namespace sespm {

// The export data of a view (rows, classes, fills, legend, title, period, attribution).
ExportData export_data(const MapView& v);

// Adds to each row its series over every period, as a JSON array of {period, <count column>,
// <rate column>} (export --all-periods). UsageError when the layer is not a time series.
void add_series(Atlas& atlas, const LayerSpec& spec, const MapView& v, ExportData& d);

// Writes the view to `path` (format by extension); returns the number of areas written.
size_t export_view(const MapView& v, const std::string& path);

} // namespace sespm
