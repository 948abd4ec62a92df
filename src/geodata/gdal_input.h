// gdal_input.h: what the readers of user vector files (points, polygons) share: choosing the
// layer of a file that holds several (a GeoPackage), and making GDAL's text valid UTF-8 (a
// shapefile's .dbf without a .cpg is often Latin-1 / Windows-1252).
#pragma once
#include <string>
#include <string_view>

class GDALDataset;
class OGRLayer;

namespace sespm {

enum class LayerWant { Points, Areas };

// The layer to read: the only one; else the one named by --source-layer (input_options());
// else the only layer whose geometry type fits `want`. Otherwise throws DataError naming the
// file and listing its layers with their geometry types.
OGRLayer* choose_layer(GDALDataset& ds, const std::string& path, LayerWant want);

bool is_valid_utf8(std::string_view s);
// Windows-1252 (a superset of Latin-1's printable range) to UTF-8.
std::string cp1252_to_utf8(std::string_view s);

// Text read by GDAL, as valid UTF-8: returned as is when valid; otherwise recoded from
// Windows-1252 with a note (core/bad_rows.h) naming the file, the feature and the field.
std::string gdal_text(const char* raw, const std::string& path, long feature, const std::string& field);

} // namespace sespm
