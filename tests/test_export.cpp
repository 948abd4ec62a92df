// test_export.cpp: exports read back through GDAL, checked for RFC 7946 (lon/lat, 6 decimals,
// right-hand winding), simplestyle fill, attribution and the temporary-file rule; the GeoJSON is
// also checked by an independent validator (@placemarkio/check-geojson) when .ci/run installed it.
#include <doctest.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdlib>
#include <set>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "rules/classify.h"
#include "rules/layer_spec.h"
#include "helpers.h"
#include "geodata/gdal_util.h"

using test::run_sespm;

namespace {

// Signed area of a ring (shoelace); > 0 means counter-clockwise.
double signed_area(const nlohmann::json& ring) {
    double a = 0;
    for (size_t i = 0; i + 1 < ring.size(); ++i)
        a += ring[i][0].get<double>() * ring[i + 1][1].get<double>() - ring[i + 1][0].get<double>() * ring[i][1].get<double>();
    return a / 2;
}

int decimals(const std::string& number) {
    auto dot = number.find('.');
    return dot == std::string::npos ? 0 : static_cast<int>(number.size() - dot - 1);
}

} // namespace

TEST_CASE("GeoJSON export: RFC 7946, measures, class colours, attribution; GDAL reads it back") {
    test::ScratchDir d;
    std::string out = d.file("dispersal.geojson");
    auto r = run_sespm({"export", "--layer", "dispersal", "--within", "E12000008", "--classify", "jenks",
                        "--classes", "5", "-o", out, "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::string text = test::read_file(out);
    auto j = nlohmann::json::parse(text);
    CHECK(j["type"] == "FeatureCollection");
    CHECK(!j.contains("crs"));
    CHECK(j["attribution"].get<std::string>().find("Office for National Statistics") != std::string::npos);
    CHECK(j["attribution"].get<std::string>().find("Home Office") != std::string::npos);
    REQUIRE(j["features"].size() == 64);
    std::set<std::string> fills;
    for (const auto& f : j["features"]) {
        const auto& p = f["properties"];
        CAPTURE(p["code"].get<std::string>());
        for (auto key : {"code", "name", "population", "dispersed", "per_10k", "cluster_limit", "headroom",
                         "share_of_limit_pct", "status", "class", "fill"})
            CHECK(p.contains(key));
        std::string fill = p["fill"];
        CHECK(fill.size() == 7);
        CHECK(fill[0] == '#');
        fills.insert(fill);
        if (p["dispersed"].is_null()) {
            CHECK(p["class"].is_null());
            CHECK(p["status"] == "no figure");
        }
        const auto& g = f["geometry"];
        CHECK((g["type"] == "MultiPolygon" || g["type"] == "Polygon"));
        nlohmann::json polys = g["type"] == "Polygon" ? nlohmann::json::array({g["coordinates"]}) : g["coordinates"];
        for (const auto& poly : polys) {
            CHECK(signed_area(poly[0]) > 0);                        // exterior counter-clockwise
            for (size_t h = 1; h < poly.size(); ++h) CHECK(signed_area(poly[h]) < 0);
            for (const auto& pt : poly[0]) {
                double lon = pt[0], lat = pt[1];
                CHECK((lon > -2.1 && lon < 1.5 && lat > 50.5 && lat < 52.3));  // the South East, lon first
            }
        }
    }
    CHECK(fills.size() == 6);  // 5 classes + the no-figure grey
    // at most 6 decimals in coordinates
    auto pos = text.find("\"coordinates\"");
    REQUIRE(pos != std::string::npos);
    std::string sample = text.substr(pos + 17, 200);
    size_t start = sample.find_first_of("-0123456789");
    size_t end = sample.find_first_of(",]", start);
    CHECK(decimals(sample.substr(start, end - start)) <= 6);

    // GDAL reads it back with the same features and fields
    sespm::gdal_init();
    GDALDatasetUniquePtr ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* l = ds->GetLayer(0);
    CHECK(l->GetFeatureCount() == 64);
    CHECK(l->GetLayerDefn()->GetFieldIndex("share_of_limit_pct") >= 0);
    // No temporary file is left beside it
    int n = 0;
    for (auto& e : std::filesystem::directory_iterator(d.path)) { (void)e; ++n; }
    CHECK(n == 1);
}

TEST_CASE("export classes are computed over the --within selection, matching the library's breaks") {
    test::ScratchDir d;
    // --classes-over period: this period's values only (the default pools every period: its own test)
    auto r = run_sespm({"export", "--layer", "dispersal", "--within", "E12000008", "--classify", "quantile",
                        "--classes", "4", "--classes-over", "period", "-o", d.file("q.geojson"), "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto j = nlohmann::json::parse(test::read_file(d.file("q.geojson")));
    std::vector<double> values;
    for (const auto& f : j["features"])
        if (!f["properties"]["share_of_limit_pct"].is_null()) values.push_back(f["properties"]["share_of_limit_pct"]);
    auto cls = sespm::classify(values, sespm::ClassMethod::Quantile, 4);
    auto colours = sespm::palette_colors("orange-red", cls.class_count());
    for (const auto& f : j["features"]) {
        const auto& p = f["properties"];
        if (p["share_of_limit_pct"].is_null()) continue;
        int k = cls.class_of(p["share_of_limit_pct"].get<double>());
        CHECK(p["class"].get<int>() == k);
        CHECK(p["fill"].get<std::string>() == colours[k].hex());
    }
}

TEST_CASE("CSV and GeoPackage exports carry the same rows") {
    test::ScratchDir d;
    for (auto ext : {".csv", ".gpkg"}) {
        std::string out = d.file(std::string("x") + ext);
        auto r = run_sespm({"export", "--layer", "eu_born", "--geography", "county", "--within", "E12000008",
                            "-o", out, "--data", test::data_dir()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        sespm::gdal_init();
        GDALDatasetUniquePtr ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
        REQUIRE(ds);
        CHECK(ds->GetLayer(0)->GetFeatureCount() == 19);
        CHECK(ds->GetLayer(0)->GetLayerDefn()->GetFieldIndex("eu_born_pct") >= 0);
        CHECK(ds->GetLayer(0)->GetLayerDefn()->GetFieldIndex("fill") >= 0);
    }
    CHECK(test::read_file(d.file("x.csv")).find("Office for National Statistics") != std::string::npos);
}

TEST_CASE("a failed export leaves no file and keeps an existing one intact") {
    test::ScratchDir d;
    auto r = run_sespm({"export", "--layer", "dispersal", "-o", d.file("nofolder/x.geojson"), "--data", test::data_dir()});
    CHECK(r.exit_code == 1);
    CHECK(!test::file_exists(d.file("nofolder")));
    r = run_sespm({"export", "--layer", "dispersal", "-o", d.path, "--data", test::data_dir()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("is a directory") != std::string::npos);
    // a data error half-way keeps the earlier export untouched
    d.write("keep.geojson", "earlier export");
    test::FakeDataDir bad;
    bad.override_stats("population_mid2024.csv", "code,value\nE06000044,many\n");
    r = run_sespm({"export", "--layer", "dispersal", "-o", d.file("keep.geojson"), "--data", bad.path});
    CHECK(r.exit_code == 1);
    CHECK(test::read_file(d.file("keep.geojson")) == "earlier export");
    int n = 0;
    for (auto& e : std::filesystem::directory_iterator(d.path)) { (void)e; ++n; }
    CHECK(n == 1);
}

TEST_CASE("independent GeoJSON validator accepts the export") {
    std::string checker = test::geojson_checker();
    test::ScratchDir d;
    for (auto geo : {"district", "county", "lep", "subregion", "region"}) {
        std::string out = d.file(std::string(geo) + ".geojson");
        auto r = run_sespm({"export", "--layer", "dispersal", "--geography", geo, "-o", out, "--data", test::data_dir()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        auto v = test::run_shell(std::string("node ") + checker + " " + out);
        CAPTURE(geo);
        std::string why = v.out + v.err;
        CHECK_MESSAGE(v.exit_code == 0, why);
    }
}

TEST_CASE("export --classify manual --breaks: the classes are the given bounds; bad breaks are usage errors") {
    test::ScratchDir d;
    auto r = run_sespm({"export", "--layer", "dispersal", "--within", "E12000008", "--classify", "manual", "--breaks", "1,2,5,10",
                        "-o", d.file("m.geojson"), "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto j = nlohmann::json::parse(test::read_file(d.file("m.geojson")));
    const double bounds[] = {1, 2, 5, 10};
    std::set<int> seen;
    for (const auto& f : j["features"]) {
        const auto& p = f["properties"];
        if (p["share_of_limit_pct"].is_null()) continue;
        double v = p["share_of_limit_pct"].get<double>();
        int want = 4;  // above the last break: the last class, up to the highest figure
        for (int k = 3; k >= 0; --k) if (v <= bounds[k]) want = k;
        CAPTURE(v);
        CHECK(p["class"].get<int>() == want);
        seen.insert(want);
    }
    CHECK(seen.size() >= 4);
    // --breaks alone means manual; out of order, not numbers, or with another method: usage errors
    r = run_sespm({"export", "--layer", "dispersal", "--breaks", "1,2,5,10", "-o", d.file("b.geojson"), "--data", test::data_dir()});
    CHECK(r.exit_code == 0);
    for (auto bad : std::vector<std::vector<std::string>>{{"--breaks", "5,2"}, {"--breaks", "1,two"}, {"--classify", "manual"},
                                                          {"--classify", "jenks", "--breaks", "1,2"}}) {
        std::vector<std::string> args{"export", "--layer", "dispersal", "-o", d.file("x.geojson"), "--data", test::data_dir()};
        args.insert(args.end(), bad.begin(), bad.end());
        r = run_sespm(args);
        CAPTURE(bad[1]);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--breaks") != std::string::npos);
    }
}

TEST_CASE("four sub-regions get two classes, said in the classification, and no class of one repeated value") {
    test::ScratchDir d;
    // one period's classes (pooled over every quarter, the four current figures may share one class)
    auto r = run_sespm({"export", "--layer", "dispersal", "--geography", "subregion", "--classes-over", "period", "-o",
                        d.file("s.geojson"), "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto j = nlohmann::json::parse(test::read_file(d.file("s.geojson")));
    CHECK(j["features"].size() == 4);  // England's districts are context on the map, never exported
    std::set<int> classes;
    for (const auto& f : j["features"]) classes.insert(f["properties"]["class"].get<int>());
    CHECK(classes.size() == 2);
    std::string how = j["classification"].get<std::string>();
    CHECK(how.find("2 classes, not 5: only 4 areas") != std::string::npos);
    r = run_sespm({"table", "--layer", "dispersal", "--geography", "subregion", "--data", test::data_dir()});
    CHECK(test::lines(r.out).size() == 5);
}

TEST_CASE("CSV export writes integers and decimals alike, quoting only what CSV needs") {
    test::ScratchDir d;
    auto r = run_sespm({"export", "--layer", "dispersal", "--within", "E12000008", "-o", d.file("x.csv"), "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto ls = test::lines(test::read_file(d.file("x.csv")));
    REQUIRE(ls.size() > 10);
    CHECK(ls[0].rfind("code,name,population,dispersed,per_10k", 0) == 0);
    for (size_t i = 1; i < ls.size(); ++i) {
        std::string before_attribution = ls[i].substr(0, ls[i].find(",\"Boundaries"));
        CAPTURE(before_attribution);
        // the numbers (population, dispersed, limit, headroom, class) are never quoted
        CHECK(before_attribution.find('"') == std::string::npos);
    }
}

TEST_CASE("the GeoJSON says what a missing figure means for its source") {
    test::ScratchDir d;
    auto r = run_sespm({"export", "--layer", "dispersal", "-o", d.file("d.geojson"), "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto j = nlohmann::json::parse(test::read_file(d.file("d.geojson")));
    REQUIRE(j.contains("no_figure"));
    CHECK(j["no_figure"].get<std::string>().find("Asy_D11 publishes no zero rows") != std::string::npos);
    // every rate layer explains its absent figures (legend, tooltip and exports use it)
    for (const auto& l : sespm::read_layer_dir(test::layers_dir()))
        if (l.kind == sespm::LayerKind::Rate) CHECK_MESSAGE(!l.missing_means.empty(), l.id);
}
