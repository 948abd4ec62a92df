// test_pg_publish.cpp: `export --to-table` publishes the layer as published.NAME on the server:
// EPSG:4326, the same features and properties (names and values) as the GeoJSON export, replaced
// whole by the next publish while readers keep reading (every read sees 64 rows, old or new), no
// staging table left behind; the URI form (?table=NAME) too; a viewer is refused and the table
// stays as it was.
#include <doctest.h>

#include <algorithm>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "pg_helpers.h"

using namespace test;

namespace {

std::vector<std::string> export_args(const std::string& classes) {
    return {"export", "--layer", "dispersal", "--within", "E12000008", "--classes", classes, "--data", data_dir()};
}

} // namespace

TEST_CASE("PostgreSQL: export --to-table publishes the GeoJSON's layer as a PostGIS table, swapped in whole") {
    pg::init_project({"E06000044"});
    ScratchDir d;
    auto args = export_args("4");
    args.insert(args.end(), {"-o", d.file("se.geojson")});
    REQUIRE(run_sespm(args).exit_code == 0);
    auto geo = nlohmann::json::parse(read_file(d.file("se.geojson")));
    args = export_args("4");
    args.insert(args.end(), {"--to-table", "dispersal_se", "--project", pg::location("boss")});
    auto r = run_sespm(args);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);

    CHECK(pg::sql("SELECT count(*), min(ST_SRID(geom)), max(ST_SRID(geom)) FROM published.dispersal_se") == "64\t4326\t4326\n");
    std::string cols = pg::sql("SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns"
                               " WHERE table_schema = 'published' AND table_name = 'dispersal_se' AND column_name NOT IN ('fid', 'geom')");
    std::vector<std::string> props;
    for (const auto& [k, v] : geo["features"][0]["properties"].items()) props.push_back(k);
    std::sort(props.begin(), props.end());
    std::string want;
    for (const auto& p : props) want += (want.empty() ? "" : ",") + p;
    CHECK(cols == want + "\n");
    for (const auto& f : geo["features"]) {
        std::string code = f["properties"]["code"];
        CAPTURE(code);
        std::string row = pg::sql("SELECT fill, coalesce(class::text, ''), round(share_of_limit_pct::numeric, 1),"
                                  " round(ST_Area(geom::geography)::numeric / 1e6) FROM published.dispersal_se WHERE code = '" + code + "'");
        CHECK(row.rfind(f["properties"]["fill"].get<std::string>() + "\t", 0) == 0);
        CHECK(row.find("\t" + (f["properties"]["class"].is_null() ? std::string() : std::to_string(f["properties"]["class"].get<int>())) + "\t") != std::string::npos);
    }

    // republish with other classes while readers count the rows: never anything but 64
    std::string readers = "for i in $(seq 1 150); do psql -X -A -t '" + pg::location("vic") + "' -c 'SELECT count(*) FROM published.dispersal_se' 2>&1; done > " +
                          d.file("reads") + " &\n";
    std::string writes;
    for (const char* k : {"3", "5", "6", "4"}) {
        auto a = export_args(k);
        a.insert(a.end(), {"--to-table", "dispersal_se", "--project", pg::location("boss")});
        writes += pg::command(a) + " 2>/dev/null || echo FAILED >> " + d.file("writes") + "\n";
    }
    run_shell(readers + writes + "wait");
    CHECK(read_file(d.file("writes")).empty());
    auto reads = lines(read_file(d.file("reads")));
    CHECK(reads.size() == 150);
    for (const auto& l : reads) CHECK(l == "64");
    CHECK(pg::sql("SELECT max(class) FROM published.dispersal_se") == "3\n");  // the last publish, 4 classes
    CHECK(pg::sql("SELECT count(*) FROM pg_class WHERE relname LIKE '%sespm_new%'") == "0\n");

    // the URI form, and a viewer's refusal that leaves the table as it was
    std::string before = pg::sql("SELECT md5(string_agg(code || fill, ',' ORDER BY code)) FROM published.dispersal_se");
    std::string dir = std::getenv("SESPM_PG_DIR");
    auto a = export_args("2");
    a.insert(a.end(), {"-o", "postgresql:///sespm?host=" + dir + "&port=5432&user=vic&table=dispersal_se"});
    r = run_sespm(a);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("publishing a table needs the admin role") != std::string::npos);
    CHECK(pg::sql("SELECT md5(string_agg(code || fill, ',' ORDER BY code)) FROM published.dispersal_se") == before);
    a = export_args("2");
    a.insert(a.end(), {"-o", "postgresql:///sespm?host=" + dir + "&port=5432&user=boss&table=dispersal_two"});
    r = run_sespm(a);
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    CHECK(pg::sql("SELECT count(*), max(class) FROM published.dispersal_two") == "64\t1\n");
    a = export_args("2");
    a.insert(a.end(), {"--to-table", "Bad; DROP", "--project", pg::location("boss")});
    CHECK(run_sespm(a).exit_code == 2);

    // a series with a rejected row: the published table is not replaced (a server table cannot
    // be staged like a file), unless --skip-bad-rows says to publish without the row
    test::FakeDataDir bad;
    std::string series = read_file(data_dir() + "/stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv");
    size_t at = series.find("\nE06000044,E06000044,Portsmouth,") + 1;
    at = series.find(',', series.find(',', series.find(',', at) + 1) + 1) + 1;  // the value cell
    bad.override_stats("asylum_s95_dispersal_timeseries_2014q1_2024q3.csv", series.substr(0, at) + "lots" + series.substr(series.find(',', at)));
    before = pg::sql("SELECT md5(string_agg(code || fill, ',' ORDER BY code)) FROM published.dispersal_two");
    r = run_sespm({"export", "--layer", "dispersal", "--within", "E12000008", "--classes", "5", "--to-table", "dispersal_two",
                   "--project", pg::location("boss"), "--data", bad.path});
    CHECK(r.exit_code == 1);
    CHECK_MESSAGE(r.err.find("published.dispersal_two on the server was not replaced, because rows were rejected") != std::string::npos, r.err);
    CHECK(pg::sql("SELECT md5(string_agg(code || fill, ',' ORDER BY code)) FROM published.dispersal_two") == before);
    r = run_sespm({"export", "--layer", "dispersal", "--within", "E12000008", "--classes", "5", "--to-table", "dispersal_two",
                   "--project", pg::location("boss"), "--data", bad.path, "--skip-bad-rows"});
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    CHECK(pg::sql("SELECT max(class) FROM published.dispersal_two") == "4\n");
}
