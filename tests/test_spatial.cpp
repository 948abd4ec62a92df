// test_spatial.cpp: areas, adjacency, distances and point counts from GEOS in EPSG:27700,
// checked against SpatiaLite SQL over the same files (imported with ogr2ogr, transformed by
// SpatiaLite's own ST_Transform), as tables of cases with tolerances.
#include <doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "helpers.h"
#include "map/atlas.h"
#include "geodata/points.h"
#include "geodata/spatial.h"

using namespace sespm;

namespace {

struct SpatiaLite {
    test::ScratchDir dir;
    sqlite3* db = nullptr;
    SpatiaLite() {
        std::string d = test::data_dir();
        auto r = test::run_shell("ogr2ogr -f SQLite -dsco SPATIALITE=YES " + dir.file("t.sqlite") + " " + d +
                                 "/boundaries/lad.geojson -nln lad -lco GEOMETRY_NAME=geom");
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        r = test::run_shell("ogr2ogr -update -f SQLite " + dir.file("t.sqlite") + " " + d +
                            "/stats/fe_colleges_south_east.csv -nln colleges");
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        REQUIRE(sqlite3_open(dir.file("t.sqlite").c_str(), &db) == SQLITE_OK);
        sqlite3_enable_load_extension(db, 1);
        char* err = nullptr;
        REQUIRE_MESSAGE(sqlite3_load_extension(db, "mod_spatialite", nullptr, &err) == SQLITE_OK, (err ? err : ""));
    }
    ~SpatiaLite() { sqlite3_close(db); }
    std::vector<std::vector<std::string>> query(const std::string& sql, const std::string& param = "") {
        sqlite3_stmt* st = nullptr;
        REQUIRE_MESSAGE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK, sqlite3_errmsg(db));
        if (!param.empty()) sqlite3_bind_text(st, 1, param.c_str(), -1, SQLITE_TRANSIENT);
        std::vector<std::vector<std::string>> rows;
        while (sqlite3_step(st) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int i = 0; i < sqlite3_column_count(st); ++i) {
                const unsigned char* t = sqlite3_column_text(st, i);
                row.push_back(t ? reinterpret_cast<const char*>(t) : "");
            }
            rows.push_back(row);
        }
        sqlite3_finalize(st);
        return rows;
    }
};

SpatiaLite& spatialite() {
    static SpatiaLite s;
    return s;
}

struct Env {
    GeosContext geos;
    Atlas atlas{test::data_dir(), geos};
    const AreaSet& lad() { return atlas.areas(Geography::District); }
    size_t idx(const std::string& code) { return lad().index.at(code); }
};

} // namespace

TEST_CASE("district areas in EPSG:27700 agree with SpatiaLite") {
    Env env;
    const char* codes[] = {"E07000112", "E06000044", "E06000060", "E06000046", "E07000092", "E09000001"};
    for (const char* c : codes) {
        CAPTURE(c);
        auto rows = spatialite().query("SELECT ST_Area(ST_Transform(geom, 27700)) FROM lad WHERE code = ?", c);
        REQUIRE(rows.size() == 1);
        double expect = std::stod(rows[0][0]);
        double got = 0;
        GEOSArea_r(env.geos, env.lad().areas[env.idx(c)].bng.get(), &got);
        CHECK(got == doctest::Approx(expect).epsilon(1e-6));
    }
}

TEST_CASE("neighbours agree with SpatiaLite's DE-9IM adjacency") {
    Env env;
    const char* codes[] = {"E07000112", "E06000044", "E06000038", "E07000092", "E06000046", "E07000028"};
    for (const char* c : codes) {
        CAPTURE(c);
        auto rows = spatialite().query(
            "SELECT b.code FROM lad a, lad b WHERE a.code = ? AND b.code <> a.code AND "
            "ST_Intersects(a.geom, b.geom) AND (ST_Relate(a.geom, b.geom, '****1****') OR "
            "ST_Relate(a.geom, b.geom, '2********')) ORDER BY b.code", c);
        std::vector<std::string> expect;
        for (auto& r : rows) expect.push_back(r[0]);
        std::vector<std::string> got;
        for (size_t i : neighbours(env.geos, env.lad(), env.idx(c))) got.push_back(env.lad().areas[i].code);
        std::sort(got.begin(), got.end());
        CHECK(got == expect);
    }
    // Isle of Wight touches nobody; Shepway (Folkestone and Hythe) has Ashford, Dover, Canterbury, Rother.
    CHECK(neighbours(env.geos, env.lad(), env.idx("E06000046")).empty());
    CHECK(neighbours(env.geos, env.lad(), env.idx("E07000112")).size() == 4);
}

TEST_CASE("areas within N km agree with SpatiaLite distances") {
    Env env;
    struct Case { const char* code; double km; };
    const Case cases[] = {{"E07000112", 10}, {"E06000044", 5}, {"E06000046", 8}, {"E06000038", 0}};
    for (const auto& c : cases) {
        CAPTURE(c.code);
        auto rows = spatialite().query(
            "SELECT b.code, ST_Distance(ST_Transform(a.geom, 27700), ST_Transform(b.geom, 27700)) FROM lad a, lad b "
            "WHERE a.code = ? AND b.code <> a.code AND "
            "ST_Distance(ST_Transform(a.geom, 27700), ST_Transform(b.geom, 27700)) <= " + std::to_string(c.km * 1000) +
            " ORDER BY b.code", c.code);
        auto hits = areas_within(env.geos, env.lad(), env.idx(c.code), c.km * 1000);
        REQUIRE(hits.size() == rows.size());
        std::sort(hits.begin(), hits.end(), [&](auto& a, auto& b) {
            return env.lad().areas[a.area].code < env.lad().areas[b.area].code; });
        for (size_t i = 0; i < hits.size(); ++i) {
            CHECK(env.lad().areas[hits[i].area].code == rows[i][0]);
            CHECK(hits[i].distance_m == doctest::Approx(std::stod(rows[i][1])).epsilon(1e-6));
        }
    }
}

TEST_CASE("points per district agree with SpatiaLite point-in-polygon") {
    Env env;
    PointSet pts = read_points(test::data_dir() + "/stats/fe_colleges_south_east.csv");
    CHECK(pts.size() == 39);
    std::vector<size_t> sel = env.atlas.select(Geography::District, std::string("E12000008"));
    std::vector<int> got = count_points(env.geos, env.lad(), sel, pts);
    auto rows = spatialite().query(
        "SELECT l.code, (SELECT count(*) FROM colleges c WHERE ST_Intersects(ST_Transform(l.geom, 27700), "
        "MakePoint(CAST(c.easting AS DOUBLE), CAST(c.northing AS DOUBLE), 27700))) FROM lad l WHERE l.rgn_code = 'E12000008'");
    std::map<std::string, int> expect;
    for (auto& r : rows) expect[r[0]] = std::stoi(r[1]);
    int total = 0;
    for (size_t k = 0; k < sel.size(); ++k) {
        CAPTURE(env.lad().areas[sel[k]].code);
        CHECK(got[k] == expect[env.lad().areas[sel[k]].code]);
        total += got[k];
    }
    CHECK(total == 39);
    // the CSV's own lad_code column (from the provenance's independent point-in-polygon) agrees
    CHECK(got[std::find(sel.begin(), sel.end(), env.idx("E06000035")) - sel.begin()] >= 1);
}

TEST_CASE("a point on a shared boundary is counted once, in the first area by selection order") {
    Env env;
    size_t a = env.idx("E07000112");  // Folkestone and Hythe
    std::vector<size_t> nb = neighbours(env.geos, env.lad(), a);
    REQUIRE(!nb.empty());
    size_t b = nb.front();
    // a point of the line the two share (GEOS, independently of count_points)
    GeomPtr line = own(env.geos, GEOSIntersection_r(env.geos, env.lad().areas[a].bng.get(), env.lad().areas[b].bng.get()));
    REQUIRE(line);
    GeomPtr on = own(env.geos, GEOSPointOnSurface_r(env.geos, line.get()));
    REQUIRE(on);
    double x = 0, y = 0;
    REQUIRE(GEOSGeomGetX_r(env.geos, on.get(), &x) == 1);
    REQUIRE(GEOSGeomGetY_r(env.geos, on.get(), &y) == 1);
    PointSet pts;
    pts.x = {x, x + 1e9};  // the shared point, and one far out in the sea that no area holds
    pts.y = {y, y};
    struct Case { std::vector<size_t> sel; std::vector<int> want; };
    const Case cases[] = {{{a, b}, {1, 0}}, {{b, a}, {1, 0}}, {{a}, {1}}, {{b}, {1}}};
    for (const auto& c : cases) {
        CAPTURE(c.sel.size());
        CAPTURE(env.lad().areas[c.sel.front()].code);
        CHECK(count_points(env.geos, env.lad(), c.sel, pts) == c.want);
    }
}

TEST_CASE("points per district: 20,000 random points agree with SpatiaLite, every district's count") {
    Env env;
    // a fixed sequence over the South East's box (EPSG:27700), some in the sea, some outside it
    PointSet pts;
    uint64_t state = 20241231;
    auto next = [&]() { state = state * 6364136223846793005ULL + 1442695040888963407ULL; return static_cast<double>(state >> 11) / 9007199254740992.0; };
    for (int i = 0; i < 20000; ++i) {
        pts.x.push_back(std::round((390000 + next() * 280000) * 10) / 10);  // to 0.1 m, so SpatiaLite reads the same values
        pts.y.push_back(std::round((60000 + next() * 200000) * 10) / 10);
    }
    std::vector<size_t> sel = env.atlas.select(Geography::District, std::string("E12000008"));
    std::vector<int> got = count_points(env.geos, env.lad(), sel, pts);
    std::string values;
    for (size_t i = 0; i < pts.size(); ++i)
        values += (i ? "," : "") + std::string("(") + std::to_string(pts.x[i]) + "," + std::to_string(pts.y[i]) + ")";
    spatialite().query("DROP TABLE IF EXISTS rnd");
    spatialite().query("CREATE TABLE rnd(x DOUBLE, y DOUBLE)");
    spatialite().query("INSERT INTO rnd VALUES " + values);
    spatialite().query("DROP TABLE IF EXISTS se_bng");
    spatialite().query("CREATE TABLE se_bng AS SELECT code, ST_Transform(geom, 27700) AS g FROM lad WHERE rgn_code = 'E12000008'");
    auto rows = spatialite().query(
        "SELECT l.code, count(r.x) FROM se_bng l LEFT JOIN rnd r ON MbrIntersects(l.g, MakePoint(r.x, r.y, 27700)) "
        "AND ST_Intersects(l.g, MakePoint(r.x, r.y, 27700)) GROUP BY l.code");
    std::map<std::string, int> expect;
    for (auto& r : rows) expect[r[0]] = std::stoi(r[1]);
    REQUIRE(expect.size() == sel.size());
    int total = 0;
    for (size_t k = 0; k < sel.size(); ++k) {
        CAPTURE(env.lad().areas[sel[k]].code);
        CHECK(got[k] == expect[env.lad().areas[sel[k]].code]);
        total += got[k];
    }
    CHECK(total > 5000);  // the box is mostly the region: most points land in a district
    CHECK(total < 20000);
}

TEST_CASE("dissolve: a sub-region's area is the sum of its districts' areas") {
    Env env;
    const AreaSet& sub = env.atlas.areas(Geography::Subregion);
    // the four sub-regions, then England's other districts as context (drawn, never selected)
    size_t groups = 0;
    for (const auto& s : sub.areas) groups += is_context_only(s) ? 0 : 1;
    REQUIRE(groups == 4);
    CHECK(env.atlas.select(Geography::Subregion, std::nullopt).size() == 4);
    CHECK(sub.areas.size() == 4 + env.lad().areas.size() - 64);
    for (const auto& s : sub.areas) {
        if (is_context_only(s)) continue;
        CAPTURE(s.name);
        double sum = 0;
        for (const auto& m : s.members) {
            double a = 0;
            GEOSArea_r(env.geos, env.lad().areas[env.idx(m)].bng.get(), &a);
            sum += a;
        }
        double got = 0;
        GEOSArea_r(env.geos, s.bng.get(), &got);
        CHECK(got == doctest::Approx(sum).epsilon(1e-4));
    }
    // The South East dissolved from its 64 districts: PROVENANCE.md gives 19,099 km2.
    const Area* se = env.atlas.areas(Geography::Region).find("E12000008");
    REQUIRE(se);
    double a = 0;
    GEOSArea_r(env.geos, se->bng.get(), &a);
    CHECK(a / 1e6 == doctest::Approx(19099).epsilon(0.001));
}
