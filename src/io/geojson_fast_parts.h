// geojson_fast_parts.h: what the two halves of the GeoJSON fast path share (geojson_fast.cpp
// walks the document and its properties, geojson_fast_geometry.cpp builds the OGR geometries):
// the hand-over signal and JSON numbers read the way GDAL's GeoJSON driver reads them. The DOM
// API is used (not On Demand): it validates the whole document, keeps every duplicate key for
// us to see, and picks the fastest kernel for the CPU at run time inside libsimdjson.
#pragma once
#include <simdjson.h>

#include <string_view>

#include "io/boundaries.h"

namespace sespm::geojson_fast {

namespace dom = simdjson::dom;

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
