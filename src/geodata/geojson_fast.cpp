// geojson_fast.cpp: the document walk of the GeoJSON fast path (see geojson_fast.h): which files
// it tries, the FeatureCollection and Feature members it accepts, and properties turned into
// the strings OGR's fields would give. Geometries are in geojson_fast_geometry.cpp.
#include "geodata/geojson_fast.h"

#include <cpl_error.h>
#include <ogr_core.h>

#include <atomic>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <unordered_map>

#include "core/bad_rows.h"
#include "geodata/geojson_fast_parts.h"

namespace sespm {

using namespace geojson_fast;

namespace {

std::atomic<long> g_files_read{0};

enum Kind : unsigned { kString = 1, kNumber = 2, kBool = 4 };

std::string fold(std::string_view s) {
    std::string f(s);
    for (char& c : f)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return f;
}

bool has_control(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) < 0x20) return true;
    return false;
}

// The field table as the features are read: OGR's field order (first appearance), the kinds of
// value each field has held, and every row.
struct TableBuilder {
    FeatureTable t;
    std::unordered_map<std::string, size_t> index;
    std::unordered_map<std::string, std::string> folded;  // lower case -> the name seen
    std::vector<unsigned> kinds;

    size_t field(std::string_view key);
    std::optional<std::string> value(dom::element v, size_t f);
    void properties(dom::object o, FeatureRow& row);
    void finish();
};

size_t TableBuilder::field(std::string_view key) {
    std::string k(key);
    if (auto it = index.find(k); it != index.end()) return it->second;
    // OGR matches field names without regard to (ASCII) case: keys that differ only in case, or
    // that are not plain ASCII, are left to GDAL.
    if (k.empty() || has_control(k)) hand_over();
    for (char c : k)
        if (static_cast<unsigned char>(c) >= 0x80) hand_over();
    if (!folded.emplace(fold(k), k).second) hand_over();
    index.emplace(k, t.fields.size());
    t.fields.push_back(k);
    kinds.push_back(0);
    return t.fields.size() - 1;
}

// A property value as OGRFeature::GetFieldAsString gives it; nullopt for null.
std::optional<std::string> TableBuilder::value(dom::element v, size_t f) {
    switch (v.type()) {
    case dom::element_type::NULL_VALUE:
        return std::nullopt;
    case dom::element_type::STRING: {
        std::string s(plain_string(v));
        OGRField date;
        if (OGRParseDate(s.c_str(), &date, 0)) hand_over();  // OGR makes it a Date/Time/DateTime field
        kinds[f] |= kString;
        return s;
    }
    case dom::element_type::BOOL:
        kinds[f] |= kBool;
        return bool(v.get_bool()) ? "1" : "0";  // an Integer(Boolean) field
    case dom::element_type::ARRAY:
    case dom::element_type::OBJECT:
        hand_over();  // OGR's JSON strings and list fields
    default: {
        kinds[f] |= kNumber;
        Number n = read_number(v);
        if (n.integer) return std::to_string(n.i);  // an Integer(64) field; a Real one prints it alike
        char buf[64];
        auto r = std::to_chars(buf, buf + sizeof buf, n.d, std::chars_format::general, 15);  // OGR's "%.15g"
        return std::string(buf, r.ptr);
    }
    }
}

void TableBuilder::properties(dom::object o, FeatureRow& row) {
    std::vector<size_t> seen;
    for (dom::key_value_pair member : o) {
        size_t f = field(member.key);
        for (size_t s : seen)
            if (s == f) hand_over();  // a duplicate key
        seen.push_back(f);
        std::optional<std::string> val = value(member.value, f);
        if (row.values.size() <= f) row.values.resize(f + 1);
        row.values[f] = std::move(val);
    }
}

void TableBuilder::finish() {
    // Fields holding strings and numbers, or booleans and anything else, are typed by OGR in
    // ways (JSON strings, promotions) this reader does not copy.
    for (unsigned k : kinds)
        if (((k & kString) && (k & kNumber)) || ((k & kBool) && k != kBool)) hand_over();
    for (FeatureRow& r : t.rows) r.values.resize(t.fields.size());
}

// One member of "features": {"type": "Feature", "properties": {...}|null, "geometry": {...}|null}
// and optionally "bbox"; nothing else ("id" makes OGR an FID or a field).
void read_feature(dom::object o, TableBuilder& b) {
    FeatureRow row;
    unsigned seen = 0;
    for (dom::key_value_pair member : o) {
        std::string_view key = member.key;
        unsigned bit = key == "type" ? 1u : key == "properties" ? 2u : key == "geometry" ? 4u : key == "bbox" ? 8u : 0u;
        if (bit == 0 || (seen & bit)) hand_over();
        seen |= bit;
        dom::element val = member.value;
        if (bit == 1) {
            if (plain_string(val) != "Feature") hand_over();
        } else if (bit == 2) {
            if (!val.is_null()) b.properties(val.get_object(), row);
        } else if (bit == 4) {
            row.geometry = read_geometry(val);
        } else {
            skip_numbers(val);
        }
    }
    if ((seen & 7) != 7) hand_over();
    b.t.rows.push_back(std::move(row));
}

// The raw text of an On Demand value (an object's or array's whole span, or a scalar's token).
std::string_view raw_text(ondemand::value v) {
    switch (v.type()) {
    case ondemand::json_type::object: return ondemand::object(v.get_object()).raw_json();
    case ondemand::json_type::array: return ondemand::array(v.get_array()).raw_json();
    default: return v.raw_json_token();
    }
}

// A value's text parsed, and so validated, whole by the DOM parser (which keeps every duplicate
// key for read_feature to see). `text` lies inside the padded file, so the bytes after it are
// readable as simdjson needs: nothing is copied.
dom::element parse_part(dom::parser& part, std::string_view text) { return part.parse(text.data(), text.size(), false); }

// The whole document: {"type": "FeatureCollection", "features": [...]}, optionally "name" and
// "bbox"; "type" first of the two (what GDAL looks for to know the file as GeoJSON). The
// collection is walked On Demand (no DOM of the whole file: England's wards would hold 59 MB of
// it at once) and each member's value, each feature in turn, is parsed by the DOM parser.
FeatureTable read_collection(ondemand::document& doc) {
    TableBuilder b;
    dom::parser part;
    unsigned seen = 0;
    for (auto member_result : ondemand::object(doc.get_object())) {
        ondemand::field member;
        if (auto error = std::move(member_result).get(member)) throw simdjson::simdjson_error(error);
        std::string_view key = member.unescaped_key();
        unsigned bit = key == "type" ? 1u : key == "features" ? 2u : key == "name" ? 4u : key == "bbox" ? 8u : 0u;
        if (bit == 0 || (seen & bit)) hand_over();  // "crs" and every other member: GDAL's
        seen |= bit;
        if (bit == 2) {
            if (!(seen & 1)) hand_over();
            for (auto feature : ondemand::array(member.value().get_array()))
                read_feature(parse_part(part, raw_text(feature.value())).get_object(), b);
            continue;
        }
        dom::element val = parse_part(part, raw_text(member.value()));
        if (bit == 1) {
            if (plain_string(val) != "FeatureCollection") hand_over();
        } else if (bit == 4) {
            plain_string(val);
        } else {
            skip_numbers(val);
        }
    }
    if ((seen & 3) != 3) hand_over();
    if (!doc.current_location().error()) hand_over();  // something after the collection
    b.finish();
    return std::move(b.t);
}

bool ends_with_ci(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && fold(s.substr(s.size() - tail.size())) == tail;
}

// Files the fast path tries: a plain .geojson or .json file on disk, not empty, no --source-layer.
bool eligible(const std::string& path) {
    if (!geojson_fast_enabled() || path.rfind("/vsi", 0) == 0 || !input_options().source_layer.empty()) return false;
    if (!ends_with_ci(path, ".geojson") && !ends_with_ci(path, ".json")) return false;
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) > 0 && !ec;
}

// Text that might make GDAL take the file for TopoJSON or Esri JSON, and a byte order mark.
bool looks_foreign(std::string_view text) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") return true;
    std::string_view head = text.substr(0, 1 << 20);
    for (const char* s : {"Topology", "esriGeometry", "esriFieldType", "fieldAliases", "spatialReference"})
        if (head.find(s) != std::string_view::npos) return true;
    return false;
}

// GDAL's messages from OGRParseDate are kept out of the caller's error capture.
struct QuietGdal {
    QuietGdal() { CPLPushErrorHandler(CPLQuietErrorHandler); }
    ~QuietGdal() { CPLPopErrorHandler(); CPLErrorReset(); }
};

} // namespace

bool geojson_fast_enabled() {
    const char* e = std::getenv("SESPM_GEOJSON_FAST");
    return !(e && std::strcmp(e, "0") == 0);
}

long geojson_fast_files_read() { return g_files_read.load(); }

int find_field(const FeatureTable& t, const std::string& name) {
    std::string want = fold(name);
    for (size_t i = 0; i < t.fields.size(); ++i)
        if (fold(t.fields[i]) == want) return static_cast<int>(i);
    return -1;
}

std::optional<FeatureTable> read_geojson_fast(const std::string& path, const std::string& code_field) {
    if (!eligible(path)) return std::nullopt;
    QuietGdal quiet;
    try {
        simdjson::padded_string text = simdjson::padded_string::load(path);
        if (looks_foreign(std::string_view(text))) return std::nullopt;
        ondemand::parser parser;
        ondemand::document doc = parser.iterate(text);  // throws on bad JSON, as every step below
        FeatureTable t = read_collection(doc);
        if (t.rows.empty() || find_field(t, code_field) < 0) return std::nullopt;
        ++g_files_read;
        return t;
    } catch (const HandOver&) {
        return std::nullopt;
    } catch (const simdjson::simdjson_error&) {
        return std::nullopt;
    }
}

} // namespace sespm
