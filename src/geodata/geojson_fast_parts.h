// geojson_fast_parts.h: what the two halves of the GeoJSON fast path share (geojson_fast.cpp
// walks the document and its properties, geojson_fast_geometry.cpp builds the OGR geometries):
// the hand-over signal and JSON numbers read the way GDAL's GeoJSON driver reads them. The
// collection's own members are walked On Demand; each member's value and each feature is parsed
// whole by the DOM API, which validates it and keeps every duplicate key for us to see (so the
// file is validated piece by piece without a DOM of all of it). The DOM parses pick the fastest
// kernel for the CPU at run time inside libsimdjson; the On Demand walk, compiled here, uses the
// portable one (it only steps over the features, a small share of the time).
#pragma once
#include <simdjson.h>

#include <string_view>

#include "geodata/areas.h"

namespace sespm::geojson_fast {

namespace dom = simdjson::dom;
namespace ondemand = simdjson::ondemand;

// Thrown wherever the fast path is not certain to read what GDAL reads; caught at the top,
// where it becomes "let GDAL read the file".
struct HandOver {};
[[noreturn]] inline void hand_over() { throw HandOver{}; }

// A JSON number as GDAL holds it: an integer token (no '.', 'e', 'E'; "-0" too) as a 64-bit
// integer, any other as the nearest double (both correctly rounded, as GDAL's strtod). Integers
// of 16 digits or more hand over (GDAL's int64 and double views of them can part).
struct Number {
    bool integer = false;
    long long i = 0;
    double d = 0;
};
Number read_number(dom::element v);

// A member's value that must be an array of numbers (bbox): read in full, so that a bad token
// in it is found as GDAL would find it, then dropped.
void skip_numbers(dom::element v);

// A geometry member's value: null (no geometry) or a Polygon or MultiPolygon object; every
// position two numbers, every ring closed with 4 points or more.
OgrGeomPtr read_geometry(dom::element v);

// The string a string element holds, handing over for control characters.
std::string_view plain_string(dom::element v);

} // namespace sespm::geojson_fast
