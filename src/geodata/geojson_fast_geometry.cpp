// geojson_fast_geometry.cpp: numbers and Polygon/MultiPolygon geometries for the GeoJSON fast
// path (see geojson_fast.h): the same OGR classes, rings and coordinates GDAL's GeoJSON driver
// builds, or a hand-over.
#include <ogr_geometry.h>

#include <memory>
#include <vector>

#include "geodata/geojson_fast_parts.h"

namespace sespm::geojson_fast {

namespace {

// Each ring as OGR keeps it; `pts` is scratch space reused across rings.
OGRLinearRing* read_ring(dom::array positions, std::vector<OGRRawPoint>& pts) {
    pts.clear();
    for (dom::element pos : positions) {
        dom::array xy = pos.get_array();
        if (xy.size() != 2) hand_over();  // Z (or M) makes GDAL build a 3D geometry
        Number x = read_number(xy.at(0)), y = read_number(xy.at(1));
        pts.push_back(OGRRawPoint(x.integer ? static_cast<double>(x.i) : x.d, y.integer ? static_cast<double>(y.i) : y.d));
    }
    // Short or open rings: GDAL warns and may repair; the GDAL path gives its own message.
    if (pts.size() < 4 || pts.front().x != pts.back().x || pts.front().y != pts.back().y) hand_over();
    auto ring = std::make_unique<OGRLinearRing>();
    ring->setPoints(static_cast<int>(pts.size()), pts.data());
    return ring.release();
}

OGRPolygon* read_polygon(dom::array rings, std::vector<OGRRawPoint>& pts) {
    auto poly = std::make_unique<OGRPolygon>();
    for (dom::element r : rings) poly->addRingDirectly(read_ring(r.get_array(), pts));
    if (poly->IsEmpty()) hand_over();
    return poly.release();
}

OGRMultiPolygon* read_multipolygon(dom::array polys, std::vector<OGRRawPoint>& pts) {
    auto mp = std::make_unique<OGRMultiPolygon>();
    for (dom::element p : polys) mp->addGeometryDirectly(read_polygon(p.get_array(), pts));
    if (mp->IsEmpty()) hand_over();
    return mp.release();
}

} // namespace

Number read_number(dom::element v) {
    Number n;
    switch (v.type()) {
    case dom::element_type::INT64:
        n.integer = true;
        n.i = v.get_int64();
        if (n.i <= -1000000000000000LL || n.i >= 1000000000000000LL) hand_over();
        return n;
    case dom::element_type::DOUBLE:
        n.d = v.get_double();
        return n;
    default:
        hand_over();  // integers beyond int64 (UINT64), and anything not a number
    }
}

void skip_numbers(dom::element v) {
    for (dom::element x : v.get_array()) read_number(x);
}

std::string_view plain_string(dom::element v) {
    std::string_view s = v.get_string();
    for (char c : s)
        if (static_cast<unsigned char>(c) < 0x20) hand_over();
    return s;
}

OgrGeomPtr read_geometry(dom::element v) {
    if (v.is_null()) return nullptr;
    int kind = 0;  // 1 Polygon, 2 MultiPolygon
    unsigned seen = 0;
    dom::element coords;
    for (dom::key_value_pair member : dom::object(v.get_object())) {
        unsigned bit = member.key == "type" ? 1u : member.key == "coordinates" ? 2u : member.key == "bbox" ? 4u : 0u;
        if (bit == 0 || (seen & bit)) hand_over();  // foreign members, duplicate keys
        seen |= bit;
        if (bit == 1) {
            std::string_view type = plain_string(member.value);
            kind = type == "Polygon" ? 1 : type == "MultiPolygon" ? 2 : 0;
            if (kind == 0) hand_over();
        } else if (bit == 2) {
            coords = member.value;
        } else {
            skip_numbers(member.value);
        }
    }
    if ((seen & 3) != 3) hand_over();
    std::vector<OGRRawPoint> pts;
    if (kind == 1) return OgrGeomPtr(read_polygon(coords.get_array(), pts));
    return OgrGeomPtr(read_multipolygon(coords.get_array(), pts));
}

} // namespace sespm::geojson_fast
