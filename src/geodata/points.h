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
    std::vector<long> lines;            // CSV line or GDAL feature number of each point
    std::vector<std::string> details;   // address and postcode where the file gives them, else ""; empty when it has neither column
    size_t size() const { return x.size(); }
};

// postcode_lookup: path of a CSV with postcode,easting,northing (used only for postcode input).
// Rows that cannot be placed (a bad or missing coordinate, outside Great Britain, an unknown or
// empty postcode) are rejected and reported (core/bad_rows.h); a file with no rows, or none
// usable, is a DataError. A GeoPackage with several layers needs --source-layer (gdal_input.h).
PointSet read_points(const std::string& path, const std::string& label_field = "name",
                     const std::string& postcode_lookup = "");

struct CsvTable;
// The points of an already parsed CSV (what read_points does for .csv files); throws DataError
// naming the file, line and field for implausible or missing coordinates.
PointSet points_from_csv(const CsvTable& t, const std::string& label_field, const std::string& postcode_lookup);
// Whether a row's cells are a points header: lat and lon, easting and northing, or a postcode
// (the names points_from_csv takes, any case); how a workbook's header row is found.
bool is_points_header(const std::vector<std::string>& cells);

// Great Britain's grid: easting 0..700000, northing 0..1300000 metres, and not (0, 0).
bool in_gb_bng(double easting, double northing);
bool in_gb_lonlat(double lon, double lat);
// Why an easting/northing is not in Great Britain, with a hint (kilometres? swapped? lon/lat?),
// or "" when it is.
std::string bng_problem(double easting, double northing);
// A coordinate for messages: at most 10 significant digits (1e300 stays short).
std::string format_coordinate(double v);

// Normalised postcode: upper case, single space before the inward code ("rg14 7td" -> "RG14 7TD").
std::string normalise_postcode(const std::string& s);

} // namespace sespm
