// geojson_fast.h: a fast reader for the one kind of file that dominates boundary reading: a
// GeoJSON FeatureCollection of Polygon/MultiPolygon features in lon/lat (RFC 7946, no "crs"),
// parsed with simdjson instead of GDAL's GeoJSON driver (~20x faster on England's 18 MB wards).
//
// It either yields exactly what OGR would have read (the same fields, the same strings
// OGRFeature::GetFieldAsString gives for them, the same coordinates bit for bit, the same
// geometry types and ring order) or hands over (nullopt) and GDAL reads the file as before. It
// hands over whenever it is not certain: another geometry type, a "crs" or other foreign member,
// a feature "id", Z values, empty or unclosed rings, nested objects or arrays in properties, a
// field whose values mix strings, numbers and booleans, strings OGR would take for dates or
// times, control characters, keys differing only in case, duplicate keys, a byte order mark,
// anything that is not valid JSON, a file without features or without the code field. So every
// error message stays the one the GDAL path gives; the rows go through the same checks
// (geodata/area_reader.cpp, AreaReader) either way. tests/test_geojson_fast.cpp holds the two
// readers to the same results on every GeoJSON in the data and the bad-input catalogue.
//
// SESPM_GEOJSON_FAST=0 turns it off (GDAL reads every file).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "geodata/areas.h"

namespace sespm {

// One feature as the area reader needs it: a value for each field of the table (nullopt when
// the feature leaves it unset or null), as OGRFeature::GetFieldAsString would give it, and the
// geometry (null when the feature has none).
struct FeatureRow {
    std::vector<std::optional<std::string>> values;
    OgrGeomPtr geometry;
};

// The features of a file and its fields, in the order OGR would list them (first appearance).
struct FeatureTable {
    std::vector<std::string> fields;
    std::vector<FeatureRow> rows;
};

// The features of `path` read without GDAL, or nullopt when GDAL must read it (see above).
// `code_field` must name a field of the file (matched without regard to case, as OGR does).
std::optional<FeatureTable> read_geojson_fast(const std::string& path, const std::string& code_field);

// The index of the field named `name` without regard to ASCII case (as OGR's GetFieldIndex
// finds it), or -1.
int find_field(const FeatureTable& t, const std::string& name);

// False when SESPM_GEOJSON_FAST=0.
bool geojson_fast_enabled();

// How many files read_geojson_fast has read itself in this process (for tests and benchmarks).
long geojson_fast_files_read();

} // namespace sespm
