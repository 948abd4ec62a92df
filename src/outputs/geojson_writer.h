// geojson_writer.h: the fast path for writing an export as RFC 7946 GeoJSON: the same document
// GDAL's GeoJSON driver writes for export.cpp (RFC7946=YES, COORDINATE_PRECISION=6, the
// FeatureCollection's foreign members from NATIVE_DATA, the same properties with the same JSON
// types, MultiPolygon geometries with counter-clockwise outer rings and clockwise holes), streamed
// with std::to_chars instead of GDAL's per-number formatting. tests/test_geojson_writer.cpp
// reads both writers' output back with GDAL and requires the same features and values.
// SESPM_GDAL_GEOJSON_WRITER=1 makes exports use GDAL's writer instead.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "outputs/export.h"

namespace sespm {

// `members`: the top-level members besides type and features; `integer`: per column of
// d.columns, whether its numbers are written as integers (else reals).
std::string write_geojson_fast(const ExportData& d, const nlohmann::json& members, const std::vector<bool>& integer);

// True unless SESPM_GDAL_GEOJSON_WRITER asks for GDAL's writer.
bool fast_geojson_writer_enabled();

} // namespace sespm
