// test_print_labels.cpp: the print maps' names and furniture (PDF: the board report and `render
// -o FILE.pdf`), checked with tools other than our own code: GDAL's ogr2ogr/ogrinfo (SQLite
// dialect, SpatiaLite's ST_Contains/ST_Intersects on lad.geojson) for where names and furniture
// sit, poppler's pdftotext for which names the page prints and pdftoppm for what it looks like
// (a light halo around every name). Each tool is required: a missing one fails the test.
#include <doctest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "helpers.h"

namespace {

void require_tools() {
    for (const char* tool : {"ogr2ogr", "ogrinfo", "pdftotext", "pdftoppm"})
        REQUIRE_MESSAGE(test::run_shell(std::string("command -v ") + tool).exit_code == 0,
                        (std::string(tool) + " is needed (Debian gdal-bin, poppler-utils)"));
}

std::string lad_file() { return test::data_dir() + "/boundaries/lad.geojson"; }

// The value of `field` in ogrinfo's answer to a one-row query ("  field (Integer) = 12").
std::string ogr_field(const std::string& out, const std::string& field) {
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) {
        size_t at = line.find(field + " (");
        if (at == std::string::npos || line.find_first_not_of(' ') != at) continue;
        size_t eq = line.find(" = ");
        return eq == std::string::npos ? "" : line.substr(eq + 3);
    }
    return "";
}

// A GeoPackage in EPSG:27700 with the districts (layer lad) and the CSV of WKT shapes `csv`
// (layer marks: code, kind, WKT), for ogrinfo's SQLite dialect to compare.
std::string make_gpkg(const test::ScratchDir& d, const std::string& csv) {
    d.write("marks.csv", csv);
    std::string gpkg = d.file("check.gpkg");
    auto r = test::run_shell("ogr2ogr -f GPKG " + gpkg + " " + lad_file() + " -t_srs EPSG:27700 -nln lad && ogr2ogr -update " +
                             gpkg + " " + d.file("marks.csv") + " -nln marks -a_srs EPSG:27700 -oo GEOM_POSSIBLE_NAMES=wkt" +
                             " -oo KEEP_GEOM_COLUMNS=NO");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return gpkg;
}

test::RunResult ogr_sql(const std::string& gpkg, const std::string& sql) {
    auto r = test::run_shell("ogrinfo -q -ro " + gpkg + " -dialect sqlite -sql \"" + sql + "\"");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return r;
}

std::string box_wkt(const nlohmann::json& b, double shrink) {
    double x0 = b[0].get<double>() + shrink, y0 = b[1].get<double>() + shrink, x1 = b[2].get<double>() - shrink,
           y1 = b[3].get<double>() - shrink;
    char s[256];
    std::snprintf(s, sizeof s, "\"POLYGON((%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f))\"", x0, y0, x1, y0, x1, y1, x0, y1,
                  x0, y0);
    return s;
}

// Each label as rows of marks: its anchor (the leader's end, or the name's centre), its box
// shrunk by a metre of rounding ('inside' when it has no leader: all of it must lie in its
// district; 'beside' when it has).
std::string label_marks(const nlohmann::json& labels) {
    std::string csv = "code,kind,wkt\n";
    for (const auto& l : labels) {
        std::string code = l["code"].get<std::string>();
        bool leader = l["leader"].get<bool>();
        double x = leader ? l["leader_end"][0].get<double>() : l["x"].get<double>();
        double y = leader ? l["leader_end"][1].get<double>() : l["y"].get<double>();
        char pt[96];
        std::snprintf(pt, sizeof pt, "\"POINT(%.1f %.1f)\"", x, y);
        csv += code + ",anchor," + pt + "\n";
        csv += code + (leader ? ",beside," : ",inside,") + box_wkt(l["box"], 1.0) + "\n";
    }
    return csv;
}

void check_labels_on_own_districts(const test::ScratchDir& d, const nlohmann::json& labels) {
    std::string gpkg = make_gpkg(d, label_marks(labels));
    // every anchor and every box without a leader lies in its own district
    auto r = ogr_sql(gpkg, "SELECT COUNT(*) AS n, SUM(ST_Contains(l.geom, m.geom)) AS inside, "
                           "group_concat(CASE WHEN ST_Contains(l.geom, m.geom) = 1 THEN NULL ELSE m.code || ':' || m.kind END) AS bad "
                           "FROM marks m JOIN lad l ON l.code = m.code WHERE m.kind IN ('anchor', 'inside')");
    int n = std::atoi(ogr_field(r.out, "n").c_str());
    int leaders = 0;
    for (const auto& l : labels) leaders += l["leader"].get<bool>() ? 1 : 0;
    CHECK(n == static_cast<int>(labels.size()) * 2 - leaders);
    CHECK_MESSAGE(ogr_field(r.out, "inside") == std::to_string(n), ("off their district: " + ogr_field(r.out, "bad")));
    // no two names' boxes overlap (by more than a square metre)
    r = ogr_sql(gpkg, "SELECT COUNT(*) AS pairs, group_concat(a.code || '/' || b.code) AS which FROM marks a JOIN marks b "
                      "ON a.code < b.code AND a.kind IN ('inside', 'beside') AND b.kind IN ('inside', 'beside') "
                      "WHERE ST_Intersects(a.geom, b.geom) AND ST_Area(ST_Intersection(a.geom, b.geom)) > 1");
    CHECK_MESSAGE(ogr_field(r.out, "pairs") == "0", ("overlapping names: " + ogr_field(r.out, "which")));
}

nlohmann::json read_json(const std::string& path) { return nlohmann::json::parse(test::read_file(path)); }

} // namespace

TEST_CASE("render -o FILE.pdf: the South East's names sit on their own districts, never overlap, and name the cities") {
    require_tools();
    // the full page, and the report's framing (a map 360 points high beside its legend)
    for (const auto& size : std::vector<std::vector<std::string>>{{}, {"--legend", "--width", "520", "--height", "360"}}) {
        std::string framing = size.empty() ? "A4 landscape" : "520x360 with legend";
        CAPTURE(framing);
        test::ScratchDir d;
        std::vector<std::string> args{"render", "--layer", "dispersal", "--within", "E12000008", "-o", d.file("se.pdf"),
                                      "--labels-json", d.file("labels.json"), "--data", test::data_dir()};
        args.insert(args.end(), size.begin(), size.end());
        auto r = test::run_sespm(args);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        nlohmann::json labels = read_json(d.file("labels.json"));
        REQUIRE(labels.is_array());
        CHECK(labels.size() >= (size.empty() ? 55u : 45u));  // of the 64 districts
        check_labels_on_own_districts(d, labels);
        std::set<std::string> named;
        for (const auto& l : labels) named.insert(l["code"].get<std::string>());
        // Portsmouth, Southampton, Reading, Oxford, Brighton and Hove, Slough, Milton Keynes, Medway
        for (const char* code : {"E06000044", "E06000045", "E06000038", "E07000178", "E06000043", "E06000039", "E06000042", "E06000035"})
            CHECK_MESSAGE(named.count(code) == 1, code);
        auto text = test::run_shell("pdftotext " + d.file("se.pdf") + " -");  // the page prints them, as text
        for (const char* name : {"Portsmouth", "Southampton", "Reading", "Oxford"})
            CHECK_MESSAGE(text.out.find(name) != std::string::npos, name);
    }
}

TEST_CASE("report: the South East dispersal map (page 2) names Portsmouth, Southampton, Reading and Oxford") {
    require_tools();
    test::ScratchDir d;
    auto r = test::run_sespm({"report", "-o", d.file("se.pdf"), "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    // the page that holds the dispersal map: its heading, then the map's names
    int page = 0;
    for (int p = 1; p <= 6 && page == 0; ++p) {
        auto t = test::run_shell("pdftotext -f " + std::to_string(p) + " -l " + std::to_string(p) + " " + d.file("se.pdf") + " -");
        if (t.out.find("Asylum dispersal against the cluster limit") != std::string::npos) page = p;
    }
    REQUIRE(page > 0);
    auto t = test::run_shell("pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + d.file("se.pdf") + " -");
    for (const char* name : {"Portsmouth", "Southampton", "Reading", "Oxford", "Medway", "Thanet", "Canterbury", "Dover"})
        CHECK_MESSAGE(t.out.find(name) != std::string::npos, name);
}

TEST_CASE("render -o FILE.pdf: on the Kent map the north arrow and the scale bar cover no Kent district") {
    require_tools();
    for (const auto& size : std::vector<std::vector<std::string>>{{}, {"--legend", "--width", "520", "--height", "300"}}) {
        std::string framing = size.empty() ? "A4 landscape" : "520x300 with legend (the Kent pack's map)";
        CAPTURE(framing);
        test::ScratchDir d;
        std::vector<std::string> args{"render", "--layer", "dispersal", "--within", "SESPM-KENT", "-o", d.file("kent.pdf"),
                                      "--furniture-json", d.file("furniture.json"), "--labels-json", d.file("labels.json"),
                                      "--data", test::data_dir()};
        args.insert(args.end(), size.begin(), size.end());
        auto r = test::run_sespm(args);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        nlohmann::json f = read_json(d.file("furniture.json"));
        REQUIRE(f["north_arrow"].is_array());
        REQUIRE(f["scale_bar"].is_array());
        std::string csv = "code,kind,wkt\narrow,arrow," + box_wkt(f["north_arrow"], 0) + "\nbar,bar," + box_wkt(f["scale_bar"], 0) + "\n";
        std::string gpkg = make_gpkg(d, csv);
        auto q = ogr_sql(gpkg, "SELECT COUNT(*) AS kent, "
                               "SUM(ST_Intersects(l.geom, (SELECT geom FROM marks WHERE kind = 'arrow'))) AS under_arrow, "
                               "SUM(ST_Intersects(l.geom, (SELECT geom FROM marks WHERE kind = 'bar'))) AS under_bar "
                               "FROM lad l WHERE l.sespm_subregion = 'Kent'");
        CHECK(ogr_field(q.out, "kent") == "13");  // Kent's 12 districts and Medway
        CHECK(ogr_field(q.out, "under_arrow") == "0");
        CHECK(ogr_field(q.out, "under_bar") == "0");
        check_labels_on_own_districts(d, read_json(d.file("labels.json")));
    }
}

namespace {

struct Ppm {
    int w = 0, h = 0;
    std::string px;
    const unsigned char* at(int x, int y) const { return reinterpret_cast<const unsigned char*>(px.data()) + (static_cast<size_t>(y) * w + x) * 3; }
};

Ppm read_ppm(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string magic;
    int maxval = 0;
    Ppm p;
    in >> magic >> p.w >> p.h >> maxval;
    in.get();
    REQUIRE(magic == "P6");
    REQUIRE(maxval == 255);
    p.px.resize(static_cast<size_t>(p.w) * p.h * 3);
    in.read(p.px.data(), static_cast<std::streamsize>(p.px.size()));
    REQUIRE(in.gcount() == static_cast<std::streamsize>(p.px.size()));
    return p;
}

} // namespace

TEST_CASE("render -o FILE.pdf: every name inside its district has a light halo around its letters") {
    require_tools();
    test::ScratchDir d;
    auto r = test::run_sespm({"render", "--layer", "dispersal", "--within", "SESPM-KENT", "-o", d.file("kent.pdf"), "--labels-json",
                              d.file("labels.json"), "--furniture-json", d.file("furniture.json"), "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const double dpi = 200;
    auto ras = test::run_shell("pdftoppm -r 200 -singlefile " + d.file("kent.pdf") + " " + d.file("page"));
    REQUIRE_MESSAGE(ras.exit_code == 0, ras.err);
    Ppm img = read_ppm(d.file("page.ppm"));
    nlohmann::json labels = read_json(d.file("labels.json")), t = read_json(d.file("furniture.json"))["page_transform"];
    double s = t[0].get<double>(), ox = t[1].get<double>(), oy = t[2].get<double>(), k = dpi / 72;
    int checked = 0;
    for (const auto& l : labels) {
        if (l["leader"].get<bool>()) continue;
        const auto& b = l["box"];  // the name's box, all of it inside its district (no outline crosses it)
        int x0 = static_cast<int>((ox + b[0].get<double>() * s) * k) + 2, x1 = static_cast<int>((ox + b[2].get<double>() * s) * k) - 2;
        int y0 = static_cast<int>((oy - b[3].get<double>() * s) * k) + 2, y1 = static_cast<int>((oy - b[1].get<double>() * s) * k) - 2;
        REQUIRE(x0 >= 0);
        REQUIRE(y1 < img.h);
        std::map<int, int> colours;  // the box's commonest colour, not the type's nor the halo's: its district's fill
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) {
                const unsigned char* p = img.at(x, y);
                bool light = p[0] > 215 && p[1] > 215 && p[2] > 215, ink = p[0] < 70 && p[1] < 70 && p[2] < 70;
                if (!light && !ink) ++colours[(p[0] << 16) | (p[1] << 8) | p[2]];
            }
        if (colours.empty()) continue;
        int fill = std::max_element(colours.begin(), colours.end(), [](const auto& a, const auto& b) { return a.second < b.second; })->first;
        double fill_luma = 0.3 * (fill >> 16) + 0.59 * ((fill >> 8) & 255) + 0.11 * (fill & 255);
        if (fill_luma > 150) continue;  // a light fill: dark type reads on it anyway
        int light = 0, dark = 0, all = 0;
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x, ++all) {
                const unsigned char* p = img.at(x, y);
                light += p[0] > 215 && p[1] > 215 && p[2] > 215;
                dark += p[0] < 70 && p[1] < 70 && p[2] < 70;
            }
        std::string name = l["text"].get<std::string>();
        CAPTURE(name);
        CHECK(dark > all / 40);    // the letters
        CHECK(light > all / 12);   // the halo round them, on a dark fill
        ++checked;
    }
    CHECK(checked >= 5);  // Kent's dark red districts: Medway, Gravesham, Canterbury, Thanet, Dover, Ashford
}
