// points.h: point layers (ESOL providers, a planner's own list) read into British National
// Grid metres. A CSV may give lat/lon (WGS84), easting/northing (EPSG:27700), or a postcode that
// is geocoded offline with the Code-Point Open extract in the data directory; any other file is
// read through GDAL/OGR and transformed with its declared CRS. Implausible coordinates (outside
// Great Britain, lat/lon swapped, eastings in a lat/lon column) are errors that name the line.
#pragma once
#include <string>
#include <vector>

namespace sespm {

struct PointSet {
    std::string source;
    std::vector<std::string> labels;
    std::vector<double> x, y;           // EPSG:27700 metres
    size_t size() const { return x.size(); }
};

// postcode_lookup: path of a CSV with postcode,easting,northing (used only for postcode input).
PointSet read_points(const std::string& path, const std::string& label_field = "name",
                     const std::string& postcode_lookup = "");

struct CsvTable;
// The points of an already parsed CSV (what read_points does for .csv files); throws DataError
// naming the file, line and field for implausible or missing coordinates.
PointSet points_from_csv(const CsvTable& t, const std::string& label_field, const std::string& postcode_lookup);

// Normalised postcode: upper case, single space before the inward code ("rg14 7td" -> "RG14 7TD").
std::string normalise_postcode(const std::string& s);

} // namespace sespm
