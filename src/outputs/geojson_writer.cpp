// geojson_writer.cpp: see geojson_writer.h.
#include "outputs/geojson_writer.h"

#include <ogr_geometry.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <memory>

#include "core/error.h"
#include "rules/cell.h"

namespace sespm {

namespace {

// A coordinate as GDAL writes it with COORDINATE_PRECISION=6: fixed, 6 decimals, trailing zeros
// dropped but one kept ("-1.0").
void coordinate(std::string& out, double v) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 6);
    char* end = r.ptr;
    while (end > buf + 1 && end[-1] == '0' && end[-2] != '.') --end;
    if (std::string_view(buf, end - buf) == "-0.0") { out += "0.0"; return; }
    out.append(buf, end);
}

// A real property: the shortest text that reads back as the same double, always with a decimal
// point (or exponent) so readers type the field as real, as GDAL's "92.0" does.
void real(std::string& out, double v) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    std::string_view s(buf, r.ptr - buf);
    out += s;
    if (s.find_first_of(".eEn") == std::string_view::npos) out += ".0";
}

void json_string(std::string& out, const std::string& s) { out += nlohmann::json(s).dump(); }

void ring(std::string& out, const OGRLinearRing& r, bool clockwise_wanted) {
    int n = r.getNumPoints();
    bool reverse = r.isClockwise() != clockwise_wanted;  // RFC 7946: outer rings counter-clockwise
    out += "[ ";
    for (int k = 0; k < n; ++k) {
        int i = reverse ? n - 1 - k : k;
        out += k ? ", [ " : "[ ";
        coordinate(out, r.getX(i));
        out += ", ";
        coordinate(out, r.getY(i));
        out += " ]";
    }
    out += " ]";
}

void polygon(std::string& out, const OGRPolygon& poly) {
    out += "[ ";
    for (int k = 0; k <= poly.getNumInteriorRings(); ++k) {
        if (k) out += ", ";
        ring(out, k == 0 ? *poly.getExteriorRing() : *poly.getInteriorRing(k - 1), k != 0);
    }
    out += " ]";
}

// As GDAL's RFC 7946 writer does: a MultiPolygon of one part is written as a Polygon.
void geometry(std::string& out, const OGRGeometry& g, const std::string& code) {
    std::unique_ptr<OGRGeometry> mp(OGRGeometryFactory::forceToMultiPolygon(g.clone()));
    if (!mp || wkbFlatten(mp->getGeometryType()) != wkbMultiPolygon)
        throw DataError("area " + code + ": field 'geometry': not a polygon, cannot be written as GeoJSON");
    const auto* m = mp->toMultiPolygon();
    if (m->getNumGeometries() == 1) {
        out += "{ \"type\": \"Polygon\", \"coordinates\": ";
        polygon(out, *m->getGeometryRef(0));
        out += " }";
        return;
    }
    out += "{ \"type\": \"MultiPolygon\", \"coordinates\": [ ";
    for (int p = 0; p < m->getNumGeometries(); ++p) {
        if (p) out += ", ";
        polygon(out, *m->getGeometryRef(p));
    }
    out += " ] }";
}

void properties(std::string& out, const ExportData& d, size_t r, const std::vector<bool>& integer) {
    out += "{ ";
    for (size_t c = 0; c < d.columns.size(); ++c) {
        const Cell& cell = d.rows[r][c];
        json_string(out, d.columns[c]);
        out += ": ";
        if (cell.is_text) json_string(out, cell.text);
        else if (!cell.num) out += "null";
        else if (integer[c]) out += std::to_string(std::llround(*cell.num));
        else real(out, round_to(*cell.num, cell.decimals));
        out += ", ";
    }
    out += "\"class\": ";
    out += d.class_index[r] >= 0 ? std::to_string(d.class_index[r]) : "null";
    out += ", \"fill\": ";
    json_string(out, d.fill[r]);
    out += ", \"fill-opacity\": 0.85, \"stroke\": \"#ffffff\", \"stroke-width\": 0.5";
    if (!d.series.empty()) {  // our own JSON text, kept as written (its key order too), as GDAL's JSON field keeps it
        if (!nlohmann::json::accept(d.series[r])) throw DataError("area " + d.rows[r][0].text + ": field 'series': not JSON");
        out += ", \"series\": " + d.series[r];
    }
    out += " }";
}

} // namespace

bool fast_geojson_writer_enabled() {
    const char* v = std::getenv("SESPM_GDAL_GEOJSON_WRITER");
    return !(v && *v && std::string(v) != "0");
}

std::string write_geojson_fast(const ExportData& d, const nlohmann::json& members, const std::vector<bool>& integer) {
    std::string out = "{\n\"type\": \"FeatureCollection\",\n";
    for (const auto& [k, v] : members.items()) out += nlohmann::json(k).dump() + ": " + v.dump() + ",\n";
    out += "\"features\": [\n";
    for (size_t r = 0; r < d.rows.size(); ++r) {
        const Area& a = d.set->areas[d.selection[r]];
        out += r ? ",\n{ \"type\": \"Feature\", \"properties\": " : "{ \"type\": \"Feature\", \"properties\": ";
        properties(out, d, r, integer);
        out += ", \"geometry\": ";
        if (a.lonlat) geometry(out, *a.lonlat, a.code);
        else out += "null";
        out += " }";
    }
    out += "\n]\n}\n";
    return out;
}

} // namespace sespm
