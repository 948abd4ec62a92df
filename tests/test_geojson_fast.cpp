// test_geojson_fast.cpp: the GeoJSON fast path (geodata/geojson_fast) against GDAL, differentially:
// every .geojson/.json under the data directory and the bad-input catalogue, and a table of
// made-up files (each a case GDAL reads in its own way), is read by read_area_file with the fast
// path on and off (SESPM_GEOJSON_FAST), and both must give the same areas (codes, names, every
// property, members, geometry WKB byte for byte) or the same error (type and message). Each
// made-up file also states whether the fast path must read it or hand it over, and the big real
// files must be read by the fast path, so that "everything handed over" cannot pass. Last, 4,200
// single-byte mutants of the made-up files are read both ways and must agree too.
#include <doctest.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <typeinfo>

#include "helpers.h"
#include "map/atlas.h"
#include "geodata/geojson_fast.h"

using namespace sespm;
namespace fs = std::filesystem;

namespace {

struct Outcome {
    bool ok = false;
    std::string error;  // "type: message"
    AreaSet set;
};

Outcome read_with(const std::string& path, bool fast, const std::string& code = "code", const std::string& name = "name") {
    setenv("SESPM_GEOJSON_FAST", fast ? "1" : "0", 1);
    Outcome o;
    try {
        o.set = read_area_file(path, code, name);
        o.ok = true;
    } catch (const std::exception& e) {
        o.error = std::string(typeid(e).name()) + ": " + e.what();
    }
    unsetenv("SESPM_GEOJSON_FAST");
    return o;
}

std::string wkb(const OGRGeometry& g) {
    std::string b(static_cast<size_t>(g.WkbSize()), '\0');
    g.exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(b.data()), wkbVariantIso);
    return b;
}

void require_same(const std::string& what, const Outcome& fast, const Outcome& gdal) {
    CAPTURE(what);
    REQUIRE(fast.ok == gdal.ok);
    CHECK(fast.error == gdal.error);
    if (!fast.ok) return;
    const AreaSet &a = fast.set, &b = gdal.set;
    CHECK(a.source == b.source);
    CHECK(a.projected == b.projected);
    CHECK(a.index == b.index);
    REQUIRE(a.areas.size() == b.areas.size());
    for (size_t i = 0; i < a.areas.size(); ++i) {
        const Area &x = a.areas[i], &y = b.areas[i];
        CAPTURE(y.code);
        CHECK(x.code == y.code);
        CHECK(x.name == y.name);
        CHECK(x.members == y.members);
        CHECK(x.props == y.props);
        REQUIRE(x.lonlat);
        REQUIRE(y.lonlat);
        CHECK(std::string(x.lonlat->getGeometryName()) == y.lonlat->getGeometryName());
        CHECK(x.lonlat->getCoordinateDimension() == y.lonlat->getCoordinateDimension());
        CHECK(wkb(*x.lonlat) == wkb(*y.lonlat));
    }
}

// Both readers on one file; true when the fast path read it itself.
bool compare_file(const std::string& path, const std::string& code = "code", const std::string& name = "name") {
    long before = geojson_fast_files_read();
    Outcome fast = read_with(path, true, code, name);
    bool took = geojson_fast_files_read() > before;
    Outcome gdal = read_with(path, false, code, name);
    CHECK(geojson_fast_files_read() == before + (took ? 1 : 0));  // off means off
    require_same(path + " [" + code + "/" + name + "]", fast, gdal);
    return took;
}

std::vector<std::string> json_files_under(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        std::string ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".geojson" || ext == ".json")) out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST_CASE("the GeoJSON fast path reads every real and catalogued GeoJSON exactly as GDAL does") {
    setenv("SESPM_NO_CACHE", "1", 1);  // the first read, every time
    std::set<std::string> taken;
    auto files = json_files_under(test::data_dir());
    auto bad = json_files_under(std::string(SESPM_TEST_DIR) + "/bad_inputs");
    files.insert(files.end(), bad.begin(), bad.end());
    REQUIRE(files.size() >= 30);
    for (const auto& f : files)
        if (compare_file(f)) taken.insert(fs::path(f).filename().string());
    for (const char* big : {"lad.geojson", "counties.geojson", "wards_england.geojson", "lep_from_lad.geojson",
                            "region_south_east.geojson"})
        CHECK_MESSAGE(taken.count(big), big);
    // Other code and name fields: OGR's case-blind match, a code that repeats.
    std::string lad = test::data_dir() + "/boundaries/lad.geojson";
    CHECK(compare_file(lad, "CODE", "Name"));
    CHECK(compare_file(lad, "utla_code", "utla_name"));  // duplicate codes: the same message
    CHECK(!compare_file(lad, "no_such_field", "name"));  // handed over: GDAL's message
}

namespace {

struct Made {
    const char* name;
    bool fast;  // the fast path must read it (else it must hand over)
    std::string props, geometry = "";  // empty: a square near London
    std::string second = "";  // a second feature, whole
    std::string around = "";  // replaces {"type":"FeatureCollection","features":[%]} when set
};

std::string feature(const std::string& props, const std::string& geom) {
    return R"({"type":"Feature","properties":)" + props + R"(,"geometry":)" + geom + "}";
}

std::string text_of(const Made& m) {
    std::string geom = m.geometry.empty() ? R"({"type":"Polygon","coordinates":[[[0,51],[1,51],[1,52],[0,52],[0,51]]]})" : m.geometry;
    std::string fs = feature(m.props, geom) + (m.second.empty() ? "" : "," + m.second);
    if (m.around.empty()) return R"({"type":"FeatureCollection","features":[)" + fs + "]}";
    std::string t = m.around;
    if (auto at = t.find('%'); at != std::string::npos) t.replace(at, 1, fs);
    return t;
}

const std::string kSquare2 = R"({"type":"Polygon","coordinates":[[[0,50.5],[0.5,50.5],[0.5,51],[0,51],[0,50.5]]]})";

std::vector<Made> made_files() {
    std::string e2 = R"({"code":"E2"})";
    return {
        {"plain", true, R"({"code":"E1","name":"One"})"},
        {"numbers", true, R"({"code":"E1","i":7,"neg":-12,"z":-0,"r":1.0,"r2":0.1234567890123456789,"nz":-0.0,)"
                          R"("e":2.5e-7,"big":123456789012345,"huge":1e300,"tiny":1e-320,"mix":3})",
         "", feature(R"({"code":"E2","mix":2.5,"r":7})", kSquare2)},
        {"booleans_nulls", true, R"({"code":"E1","b":true,"n":null,"only_null":null,"name":null})", "",
         feature(R"({"code":"E2","b":false,"n":4})", kSquare2)},
        {"strings", true, R"({"code":" E1 ","name":"Br\u00e8de \"Q\" \\ / \ud83d\ude00","s":"","old":"00EBNM",)"
                          R"j("year":"2022","words":"Wards 2013 (WD13CD; x/y-z)","amp":"a & b"})j"},
        {"odd_keys", true, R"({"code":"E1","fid":3,"FID2":4,"OGC_FID":5,"geometry":"g","properties":"p","type":"t","bbox":"b","id2":"i"})"},
        {"unicode_escaped_keys", true, R"({"co\u0064e":"E1","na\u006De":"One"})"},
        {"code_number", true, R"({"code":12,"name":3.5})"},
        {"code_case", true, R"({"CODE":"E1","Name":"One"})"},
        {"missing_props", true, R"({"code":"E1","only_first":"x"})", "", feature(e2, kSquare2)},
        {"props_null", true, "null", "", feature(e2, kSquare2)},  // the code is missing: the same message
        {"code_null", true, R"({"code":null})"},
        {"code_empty", true, R"({"code":"  "})"},
        {"geometry_null", true, R"({"code":"E1"})", "null"},
        {"duplicate_codes", true, R"({"code":"E1"})", kSquare2, feature(R"({"code":"E1"})", kSquare2)},
        {"outside_gb", true, R"({"code":"E1"})", R"({"type":"Polygon","coordinates":[[[151,-34],[152,-34],[152,-33],[151,-34]]]})"},
        {"holes_and_parts", true, R"({"code":"E1"})",
         R"({"type":"MultiPolygon","coordinates":[[[[0,51],[1,51],[1,52],[0,52],[0,51]],)"
         R"([[0.2,51.2],[0.2,51.4],[0.4,51.4],[0.2,51.2]]],[[[1.5,51],[1.6,51],[1.6,51.1],[1.5,51]]]]})"},
        {"polygon_hole", true, R"({"code":"E1"})",
         R"({"coordinates":[[[0,51],[1,51],[1,52],[0,52],[0,51]],[[0.2,51.2],[0.4,51.2],[0.4,51.4],[0.2,51.2]]],"type":"Polygon"})"},
        {"coordinate_forms", true, R"({"code":"E1"})",
         R"({"type":"Polygon","coordinates":[[[-0,51],[1e0,5.1e1],[1.000000000000000000001,52],[-0.0,52.00000000000001],[-0,51]]]})"},
        {"self_intersecting", true, R"({"code":"E1"})",
         R"({"type":"Polygon","coordinates":[[[0,51],[1,52],[1,51],[0,52],[0,51]]]})"},
        {"bbox_name_order", true, R"({"code":"E1"})", "", "",
         R"({"bbox":[0,51,1,52],"type":"FeatureCollection","name":"x","features":[%]})"},
        {"feature_order", true, "", "", "",
         R"({"type":"FeatureCollection","features":[{"geometry":{"bbox":[0,51,1,52],"type":"Polygon","coordinates":)"
         R"([[[0,51],[1,51],[1,52],[0,52],[0,51]]]},"bbox":[0,51,1,52],"properties":{"code":"E1"},"type":"Feature"}]})"},
        // Handed over: GDAL reads these in ways of its own (or fails in its own words).
        {"crs", false, R"({"code":"E1"})", "", "",
         R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[%]})"},
        {"feature_id", false, "", "", "",
         R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"a","properties":{"code":"E1"},"geometry":)"
         R"({"type":"Polygon","coordinates":[[[0,51],[1,51],[1,52],[0,52],[0,51]]]}}]})"},
        {"z", false, R"({"code":"E1"})", R"({"type":"Polygon","coordinates":[[[0,51,5],[1,51,5],[1,52,5],[0,52,5],[0,51,5]]]})"},
        {"nested_object", false, R"({"code":"E1","o":{"a":1}})"},
        {"array", false, R"({"code":"E1","a":[1,2]})"},
        {"string_and_number", false, R"({"code":"E1","m":"x"})", "", feature(R"({"code":"E2","m":1})", kSquare2)},
        {"bool_and_number", false, R"({"code":"E1","m":true})", "", feature(R"({"code":"E2","m":1})", kSquare2)},
        {"date", false, R"({"code":"E1","d":"2011-03-27"})"},
        {"time", false, R"({"code":"E1","t":"10:00"})"},
        {"date_time", false, R"({"code":"E1","t":"2011-03-27T10:00:00Z"})"},
        {"case_twins", false, R"({"code":"E1","Name":"x"})", "", feature(R"({"code":"E2","name":"y"})", kSquare2)},
        {"duplicate_key", false, R"({"code":"E1","name":"a","name":"b"})"},
        {"non_ascii_key", false, R"({"code":"E1","n\u00e4me":"x"})"},
        {"control_char", false, R"({"code":"E1","s":"a\tb"})"},
        {"sixteen_digits", false, R"({"code":"E1","n":1234567890123456})"},
        {"uint64", false, R"({"code":"E1","n":18446744073709551615})"},
        {"unclosed_ring", false, R"({"code":"E1"})", R"({"type":"Polygon","coordinates":[[[0,51],[1,51],[1,52],[0,52]]]})"},
        {"short_ring", false, R"({"code":"E1"})", R"({"type":"Polygon","coordinates":[[[0,51],[1,51],[0,51]]]})"},
        {"empty_polygon", false, R"({"code":"E1"})", R"({"type":"Polygon","coordinates":[]})"},
        {"point", false, R"({"code":"E1"})", R"({"type":"Point","coordinates":[0,51]})"},
        {"collection", false, R"({"code":"E1"})", R"({"type":"GeometryCollection","geometries":[]})"},
        {"lower_case_type", false, R"({"code":"E1"})", R"({"type":"polygon","coordinates":[[[0,51],[1,51],[1,52],[0,52],[0,51]]]})"},
        {"capital_key", false, "", "", "",
         R"({"type":"FeatureCollection","features":[{"type":"Feature","Properties":{"code":"E1"},"geometry":)"
         R"({"type":"Polygon","coordinates":[[[0,51],[1,51],[1,52],[0,52],[0,51]]]}}]})"},
        {"features_first", false, R"({"code":"E1"})", "", "", R"({"features":[%],"type":"FeatureCollection"})"},
        {"foreign_member", false, R"({"code":"E1"})", "", "", R"({"type":"FeatureCollection","metadata":{},"features":[%]})"},
        {"trailing_text", false, R"({"code":"E1"})", "", "", R"({"type":"FeatureCollection","features":[%]} x)"},
        {"bom", false, R"({"code":"E1"})", "", "", "\xEF\xBB\xBF{\"type\":\"FeatureCollection\",\"features\":[%]}"},
        {"topology_word", false, R"({"code":"E1","kind":"Topology"})"},
        {"no_features", false, "", "", "", R"({"type":"FeatureCollection","features":[]})"},
        {"no_code_field", false, R"({"id":"E1"})"},
        {"not_collection", false, "", "", "", R"({"type":"Feature","properties":{"code":"E1"},"geometry":null})"},
        // The collection walked On Demand, its parts parsed whole: broken structure anywhere hands over.
        {"escaped_root_key", true, R"({"code":"E1"})", "", "", R"({"typ\u0065":"FeatureCollection","features":[%]})"},
        {"two_roots", false, R"({"code":"E1"})", "", "", R"({"type":"FeatureCollection","features":[%]}{"type":"FeatureCollection","features":[]})"},
        {"duplicate_features", false, R"({"code":"E1"})", "", "",
         R"({"type":"FeatureCollection","features":[%],"features":[)" + feature(R"({"code":"E2"})", kSquare2) + "]}"},
        {"feature_not_object", false, R"({"code":"E1"})", "", "", R"({"type":"FeatureCollection","features":[[1,2],%]})"},
        {"features_not_array", false, "", "", "", R"({"type":"FeatureCollection","features":{"a":1}})"},
        {"missing_comma", false, R"({"code":"E1"})", "", "",
         R"({"type":"FeatureCollection","features":[% )" + feature(R"({"code":"E2"})", kSquare2) + "]}"},
        {"trailing_comma", false, R"({"code":"E1"})", "", "", R"({"type":"FeatureCollection","features":[%,]})"},
        {"unclosed_collection", false, R"({"code":"E1"})", "", "", R"({"type":"FeatureCollection","features":[%])"},
        {"feature_missing_colon", false, R"({"code":"E1"})", "", "",
         R"({"type":"FeatureCollection","features":[{"type" "Feature","properties":{"code":"E9"},"geometry":null},%]})"},
        {"bad_bbox", false, R"({"code":"E1"})", "", "", R"({"type":"FeatureCollection","bbox":[1,"x"],"features":[%]})"},
        {"name_control_char", false, R"({"code":"E1"})", "", "", R"({"type":"FeatureCollection","name":"a\tb","features":[%]})"},
    };
}

} // namespace

TEST_CASE("made-up GeoJSON: the fast path reads what it is sure of, exactly as GDAL, and hands over the rest") {
    setenv("SESPM_NO_CACHE", "1", 1);
    test::ScratchDir d;
    int fast = 0, over = 0;
    for (const Made& m : made_files()) {
        std::string name = m.name;
        CAPTURE(name);
        std::string path = d.file(std::string(m.name) + ".geojson");
        d.write(std::string(m.name) + ".geojson", text_of(m));
        CHECK_MESSAGE(read_geojson_fast(path, "code").has_value() == m.fast, name);
        compare_file(path);
        (m.fast ? fast : over)++;
    }
    CHECK(fast >= 15);
    CHECK(over >= 30);
    // The same text under other names: .json is tried, anything else is GDAL's; off means off.
    d.write("plain.json", text_of(made_files()[0]));
    d.write("plain.txt", text_of(made_files()[0]));
    CHECK(compare_file(d.file("plain.json")));
    CHECK(!compare_file(d.file("plain.txt")));
    setenv("SESPM_GEOJSON_FAST", "0", 1);
    CHECK(!read_geojson_fast(d.file("plain.json"), "code"));
    unsetenv("SESPM_GEOJSON_FAST");
}

TEST_CASE("mutated GeoJSON: whatever the fast path accepts, GDAL reads alike") {
    // Deterministic single-byte mutations (deleted, or replaced by a character that changes the
    // JSON's structure, a number or a string) of files the fast path reads: each mutant must give
    // both readers the same outcome, whichever of them reads it.
    setenv("SESPM_NO_CACHE", "1", 1);
    test::ScratchDir d;
    const std::string swaps = "0\",}] -e.\\9{[:tE";
    unsigned long long seed = 20261201;
    auto next = [&] { return (seed = seed * 6364136223846793005ull + 1442695040888963407ull) >> 33; };
    int accepted = 0, mutants = 0;
    for (const Made& m : made_files()) {
        if (!m.fast) continue;
        std::string base = text_of(m);
        for (int k = 0; k < 200; ++k, ++mutants) {
            std::string t = base;
            size_t at = next() % t.size();
            size_t how = next() % (swaps.size() + 1);
            if (how == swaps.size()) t.erase(at, 1);
            else t[at] = swaps[how];
            d.write("m.geojson", t);
            CAPTURE(t);
            if (compare_file(d.file("m.geojson"))) ++accepted;
        }
    }
    MESSAGE(accepted << " of " << mutants << " mutants read by the fast path");
    CHECK(accepted > 300);
}
