// test_trends.cpp: time in the model, checked against sums and rates worked out here from the
// raw CSVs (read with the tests' own naive reader, never the program's): per-district values
// for three periods of each time-series layer (two for the census layer), the South East and
// sub-region totals of every quarter of asylum_supported, the change columns, the NTS threshold
// of each year, pooled classes, periods/trend/--period on the command line, and trigger points.
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sqlite3.h>

#include "core/error.h"
#include "helpers.h"
#include "stores/project_store.h"
#include "map/evaluate.h"
#include "map/triggers.h"
#include "trends/what_changed.h"

using namespace sespm;

namespace {

using test::rows_of;
using test::series_at;
using test::population;

struct Env : test::LayerEnv {
    LayerResult at(const std::string& id, const std::string& period, Geography g = Geography::District,
                   std::optional<std::string> within = std::string("E12000008")) {
        EvaluateOptions o;
        o.geography = g;
        o.within = within;
        o.period = period;
        return evaluate_layer(atlas, layer(id), o);
    }
};

const MeasureRow* row_of(const LayerResult& r, const std::string& code) {
    for (const auto& m : r.measures) if (m.code == code) return &m;
    return nullptr;
}

// A district's count, population, rate per 10,000 and limit at 1 per 200, worked out by hand.
void check_district(const LayerResult& r, const std::string& code, const std::map<std::string, double>& counts,
                    const std::map<std::string, double>& pop) {
    CAPTURE(code);
    const MeasureRow* m = row_of(r, code);
    REQUIRE(m);
    REQUIRE(pop.count(code));
    double p = pop.at(code);
    CHECK(*m->denominator == p);
    if (!counts.count(code)) { CHECK(!m->count); return; }
    double n = counts.at(code);
    CHECK(*m->count == n);
    CHECK(*m->rate == doctest::Approx(n / p * 10000).epsilon(1e-12));
    CHECK(*m->limit == std::floor(p / 200));
    CHECK(*m->share_pct == doctest::Approx(n / std::floor(p / 200) * 100).epsilon(1e-12));
}

const char* kDistricts[] = {"E06000044", "E06000045", "E06000060", "E07000112", "E06000038", "E07000061"};

} // namespace

TEST_CASE("dispersal: three quarters by district, mid-2019 population to 2021 (recoded), mid-2024 after") {
    Env env;
    auto p19 = population(true), p24 = population(false);
    const std::string file = "stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv";
    for (auto [period, pop] : {std::pair{"2014-03-31", &p19}, std::pair{"2021-12-31", &p19}, std::pair{"2024-09-30", &p24}}) {
        CAPTURE(period);
        LayerResult r = env.at("dispersal", period);
        CHECK(r.period == period);
        CHECK(r.rows.size() == 64);
        auto counts = series_at(file, period);
        for (const char* c : kDistricts) check_district(r, c, counts, *pop);
        CHECK(r.denominator_label.find(pop == &p19 ? "mid-2019" : "mid-2024") != std::string::npos);
        CHECK(r.period_notes.empty() == (std::string(period) > "2022-12-31"));  // the accommodation-type break
    }
    // Buckinghamshire in 2019 is the sum of its four former districts
    CHECK(p19.at("E06000060") > 500000);
    CHECK(env.at("dispersal", "").period == "2024-09-30");  // the default is the latest
}

TEST_CASE("dispersal at its latest quarter equals the 30 September 2024 snapshot file") {
    Env env;
    LayerResult r = env.at("dispersal", "latest", Geography::District, std::nullopt);
    auto snap = rows_of("stats/asylum_s95_dispersal_2024q3.csv");
    std::map<std::string, double> s;
    for (auto& row : snap) s[row["code"]] = std::stod(row["value"]);
    int compared = 0;
    for (const auto& m : r.measures) {
        if (!s.count(m.code)) { CHECK(!m.count); continue; }
        CHECK(*m.count == s[m.code]);
        ++compared;
    }
    CHECK(compared > 200);
}

TEST_CASE("asylum_supported: three quarters by district") {
    Env env;
    auto p19 = population(true), p24 = population(false);
    const std::string file = "stats/asylum_supported_total_timeseries_2014q1_2025q4.csv";
    for (auto [period, pop] : {std::pair{"2015-06-30", &p19}, std::pair{"2022-03-31", &p24}, std::pair{"2025-12-31", &p24}}) {
        CAPTURE(period);
        LayerResult r = env.at("asylum_supported", period);
        auto counts = series_at(file, period);
        for (const char* c : kDistricts) check_district(r, c, counts, *pop);
    }
}

TEST_CASE("asylum_supported: South East and sub-region totals for every quarter") {
    Env env;
    std::map<std::string, std::string> utla;  // SE district -> upper tier
    for (auto& r : rows_of("stats/lad_lookup_2024.csv"))
        if (r["south_east"] == "yes") utla[r["code"]] = r["utla_code"];
    REQUIRE(utla.size() == 64);
    auto sub_of = [&](const std::string& d) -> std::string {
        const std::string& u = utla[d];
        if (u == "E10000016" || u == "E06000035") return "Kent";
        if (u == "E10000014" || u == "E06000044" || u == "E06000045" || u == "E06000046") return "Hampshire";
        if (u == "E10000011" || u == "E10000032" || u == "E10000030" || u == "E06000043") return "Sussex";
        return "Thames";
    };
    auto p19 = population(true), p24 = population(false);
    std::map<std::string, std::map<std::string, double>> counts;  // period -> code -> value
    for (auto& r : rows_of("stats/asylum_supported_total_timeseries_2014q1_2025q4.csv")) counts[r["period"]][r["code"]] = std::stod(r["value"]);
    for (auto& r : rows_of("stats/asylum_supported_total_reg02_2026q2.csv")) {  // 30 June 2026 (Reg_02); blanks are not published
        counts[r["period"]];
        if (!r["value"].empty()) counts[r["period"]][r["code"]] = std::stod(r["value"]);
    }
    std::vector<std::string> periods = layer_periods(env.atlas, env.layer("asylum_supported"));
    REQUIRE(periods.size() == 49);  // 48 quarters to 31 Dec 2025, then 30 Jun 2026
    REQUIRE(periods.size() == counts.size());
    for (const auto& period : periods) {
        CAPTURE(period);
        const auto& pop = period <= "2021-12-31" ? p19 : p24;
        std::map<std::string, double> n, p, limit;  // a group's limit: the sum of its districts' own (floored)
        for (const auto& [d, u] : utla) {
            p[sub_of(d)] += pop.at(d);
            p["SE"] += pop.at(d);
            limit[sub_of(d)] += std::floor(pop.at(d) / 200);
            limit["SE"] += std::floor(pop.at(d) / 200);
            if (counts[period].count(d)) { n[sub_of(d)] += counts[period][d]; n["SE"] += counts[period][d]; }
        }
        LayerResult region = env.at("asylum_supported", period, Geography::Region);
        REQUIRE(region.measures.size() == 1);
        const MeasureRow& se = region.measures[0];
        CHECK(se.code == "E12000008");
        CHECK(*se.count == n["SE"]);
        CHECK(*se.denominator == p["SE"]);
        CHECK(*se.rate == doctest::Approx(n["SE"] / p["SE"] * 10000).epsilon(1e-12));
        CHECK(*se.limit == limit["SE"]);
        LayerResult sub = env.at("asylum_supported", period, Geography::Subregion);
        REQUIRE(sub.measures.size() == 4);
        for (const auto& m : sub.measures) {
            std::string key = m.name.rfind("Kent", 0) == 0 ? "Kent" : m.name.rfind("Hampshire", 0) == 0 ? "Hampshire"
                            : m.name.rfind("Sussex", 0) == 0 ? "Sussex" : "Thames";
            CAPTURE(m.name);
            CHECK(*m.count == n[key]);
            CHECK(*m.denominator == p[key]);
            CHECK(*m.rate == doctest::Approx(n[key] / p[key] * 10000).epsilon(1e-12));
            CHECK(*m.limit == limit[key]);
        }
    }
}

TEST_CASE("uasc: each year against its own child population; 0.07% before August 2022, 0.1% after") {
    Env env;
    auto rows = rows_of("stats/uasc_looked_after_utla_2021_2025.csv");
    std::set<std::string> se_counties;
    for (auto& r : rows_of("stats/lad_lookup_2024.csv")) if (r["south_east"] == "yes") se_counties.insert(r["utla_code"]);
    REQUIRE(se_counties.size() == 19);
    int checked = 0;
    for (std::string period : {"2021-03-31", "2022-03-31", "2023-03-31", "2024-03-31", "2025-03-31"}) {
        LayerResult r = env.at("uasc", period, Geography::County);
        for (auto& row : rows) {
            if (row["period"] != period || !se_counties.count(row["code"])) continue;
            CAPTURE(row["code"]);
            CAPTURE(period);
            const MeasureRow* m = row_of(r, row["code"]);
            REQUIRE(m);
            double kids = std::stod(row["children_0_17"]);
            double threshold = period < "2022-08-01" ? std::floor(kids * 7 / 10000) : std::floor(kids / 1000);
            CHECK(*m->denominator == kids);
            CHECK(*m->limit == threshold);
            CHECK(m->limit_rule.find(period < "2022-08-01" ? "0.07%" : "0.1%") != std::string::npos);
            if (row["value"].empty()) { CHECK(!m->count); continue; }
            double n = std::stod(row["value"]);
            CHECK(*m->count == n);
            CHECK(*m->share_pct == doctest::Approx(n / threshold * 100).epsilon(1e-12));
            ++checked;
        }
    }
    CHECK(checked >= 90);
}

TEST_CASE("eu_born: Census 2011 recoded to 2024 codes and Census 2021, each against its own residents") {
    Env env;
    std::map<std::string, double> n11, r11, n21, r21;
    for (auto& r : rows_of("stats/eu_born_census2011_lad11.csv")) {
        n11[r["code_lad24"]] += std::stod(r["value"]);
        r11[r["code_lad24"]] += std::stod(r["total_usual_residents"]);
    }
    for (auto& r : rows_of("stats/eu_born_census2021.csv")) {
        n21[r["code"]] = std::stod(r["value"]);
        r21[r["code"]] = std::stod(r["total_usual_residents"]);
    }
    REQUIRE(layer_periods(env.atlas, env.layer("eu_born")) == std::vector<std::string>{"2011-03-27", "2021-03-21"});
    for (auto [period, n, res] : {std::tuple{"2011-03-27", &n11, &r11}, std::tuple{"2021-03-21", &n21, &r21}}) {
        LayerResult r = env.at("eu_born", period);
        for (const char* c : kDistricts) {
            CAPTURE(c);
            CAPTURE(period);
            const MeasureRow* m = row_of(r, c);
            REQUIRE(m);
            CHECK(*m->count == n->at(c));
            CHECK(*m->denominator == res->at(c));
            CHECK(*m->rate == doctest::Approx(n->at(c) / res->at(c) * 100).epsilon(1e-12));
        }
        CHECK(r.period_notes.empty() == (std::string(period) == "2021-03-21"));
    }
}

TEST_CASE("table --since: previous, change and change_pct from the CSV") {
    auto r = test::run_sespm({"table", "--layer", "dispersal", "--within", "E12000008", "--period", "2024-09-30",
                              "--since", "2023-09-30", "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto ls = test::lines(r.out);
    CHECK(ls[0] == "code,name,population,dispersed,per_10k,cluster_limit,headroom,share_of_limit_pct,status,previous,change,change_pct");
    const std::string file = "stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv";
    auto now = series_at(file, "2024-09-30"), then = series_at(file, "2023-09-30");
    int both = 0, empty = 0;
    for (size_t i = 1; i < ls.size(); ++i) {
        auto c = test::split_csv_simple(ls[i]);
        CAPTURE(ls[i]);
        REQUIRE(c.size() == 12);
        if (!now.count(c[0]) || !then.count(c[0])) {
            CHECK(c[10].empty());
            CHECK(c[11].empty());
            ++empty;
            continue;
        }
        CHECK(std::stod(c[9]) == then[c[0]]);
        CHECK(std::stod(c[10]) == now[c[0]] - then[c[0]]);
        if (then[c[0]] > 0) CHECK(std::stod(c[11]) == doctest::Approx(std::round((now[c[0]] - then[c[0]]) / then[c[0]] * 1000) / 10));
        ++both;
    }
    CHECK(both > 30);
    CHECK(empty > 0);
}

TEST_CASE("periods lists the CSV's dates oldest first; an unknown period is a usage error naming the nearest") {
    auto r = test::run_sespm({"periods", "--layer", "dispersal", "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::set<std::string> dates;
    for (auto& row : rows_of("stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv")) dates.insert(row["period"]);
    CHECK(test::lines(r.out) == std::vector<std::string>(dates.begin(), dates.end()));
    CHECK(test::lines(r.out).size() == 43);
    r = test::run_sespm({"table", "--layer", "dispersal", "--period", "2024-08-15", "--data", test::data_dir()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("2024-06-30 or 2024-09-30") != std::string::npos);
    r = test::run_sespm({"table", "--layer", "nepali", "--period", "2021-03-21", "--data", test::data_dir()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("not a time series") != std::string::npos);
}

TEST_CASE("trend: code,name,period then exactly the table's columns, one row per area and period") {
    auto t = test::run_sespm({"table", "--layer", "uasc", "--geography", "county", "--within", "E12000008", "--data", test::data_dir()});
    auto r = test::run_sespm({"trend", "--layer", "uasc", "--geography", "county", "--within", "E12000008",
                              "--from", "2022-01-01", "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto tl = test::lines(t.out), rl = test::lines(r.out);
    CHECK(rl[0] == "code,name,period" + tl[0].substr(std::string("code,name").size()));
    CHECK(rl.size() == 1 + 19 * 4);
    // the latest rows of the trend are the table's rows, with the period inserted
    std::set<std::string> table_rows(tl.begin() + 1, tl.end()), trend_latest;
    for (size_t i = 1; i < rl.size(); ++i) {
        auto c = test::split_csv_simple(rl[i]);
        if (c[2] != "2025-03-31") continue;
        std::string s = rl[i];
        trend_latest.insert(s.replace(s.find(",2025-03-31"), 11, ""));
    }
    CHECK(trend_latest == table_rows);
}

TEST_CASE("export --period: two periods with pooled classes have identical legend members") {
    test::ScratchDir d;
    std::map<std::string, nlohmann::json> out;
    for (std::string p : {"2016-03-31", "2024-09-30"}) {
        auto r = test::run_sespm({"export", "--layer", "dispersal", "--within", "E12000008", "--period", p, "-o",
                                  d.file(p + ".geojson"), "--data", test::data_dir()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        out[p] = nlohmann::json::parse(test::read_file(d.file(p + ".geojson")));
        CHECK(out[p]["as_at"] == p);
        CHECK(out[p]["classes_over"].get<std::string>().find("all periods") != std::string::npos);
    }
    CHECK(out["2016-03-31"]["legend"] == out["2024-09-30"]["legend"]);
    CHECK(out["2016-03-31"]["legend"].size() == 5);
    CHECK(out["2016-03-31"]["denominator"] != out["2024-09-30"]["denominator"]);
    // every feature's fill is the legend class its value falls in
    for (auto& [p, j] : out) {
        const auto& legend = j["legend"];
        for (const auto& f : j["features"]) {
            const auto& v = f["properties"]["share_of_limit_pct"];
            if (v.is_null()) continue;
            int k = f["properties"]["class"];
            CHECK(f["properties"]["fill"] == legend[k]["fill"]);
            CHECK(v.get<double>() <= legend[k]["max"].get<double>() + 1e-9);
            if (k > 0) CHECK(v.get<double>() > legend[k - 1]["max"].get<double>());
        }
    }
    // --classes-over period makes different classes
    auto r = test::run_sespm({"export", "--layer", "dispersal", "--within", "E12000008", "--period", "2016-03-31",
                              "--classes-over", "period", "-o", d.file("own.geojson"), "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(nlohmann::json::parse(test::read_file(d.file("own.geojson")))["legend"] != out["2016-03-31"]["legend"]);
}

TEST_CASE("export --all-periods: a series property per feature, from the CSV") {
    test::ScratchDir d;
    auto r = test::run_sespm({"export", "--layer", "uasc", "--geography", "county", "--within", "E12000008", "--all-periods",
                              "-o", d.file("s.geojson"), "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto j = nlohmann::json::parse(test::read_file(d.file("s.geojson")));
    std::map<std::pair<std::string, std::string>, std::string> raw;
    for (auto& row : rows_of("stats/uasc_looked_after_utla_2021_2025.csv")) raw[{row["code"], row["period"]}] = row["value"];
    int n = 0;
    for (const auto& f : j["features"]) {
        const auto& s = f["properties"]["series"];
        REQUIRE(s.is_array());
        CHECK(s.size() == 5);
        for (const auto& p : s) {
            std::string v = raw[{f["properties"]["code"], p["period"]}];
            if (v.empty()) CHECK(p["uasc"].is_null());
            else CHECK(p["uasc"].get<double>() == std::stod(v));
            ++n;
        }
    }
    CHECK(n == 19 * 5);
}

TEST_CASE("trigger status words and the extrapolation of the last four quarters") {
    CHECK(trigger_status(80, 75) == "reached");
    CHECK(trigger_status(70, 75) == "within 10 points");
    CHECK(trigger_status(60, 75) == "below");
    CHECK(trigger_status(std::nullopt, 75) == "");
    // 100 now, 60 four quarters ago: +10 a quarter; 150 is 5 quarters away
    CHECK(*quarters_to(100, 60, 150) == 5);
    CHECK(*quarters_to(100, 60, 101) == 1);
    CHECK(*quarters_to(100, 60, 90) == 0);
    CHECK(!quarters_to(100, 100, 150));  // flat
    CHECK(!quarters_to(100, 140, 150));  // falling
    CHECK(!quarters_to(std::nullopt, 60, 150));
    CHECK(quarterly_at({"2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31", "2025-03-31"}, "2025-03-31"));
    CHECK(!quarterly_at({"2021-03-31", "2022-03-31", "2023-03-31", "2024-03-31", "2025-03-31"}, "2025-03-31"));
}

TEST_CASE("trigger points: kept in the project, shown by table, alerts for areas that reached them") {
    test::ScratchDir d;
    std::string proj = d.file("t.sespm"), data = test::data_dir();
    // Portsmouth and Kent from the CSV at 30 September 2024
    auto counts = series_at("stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv", "2024-09-30");
    auto pop = population(false);
    double share = counts["E06000044"] / std::floor(pop["E06000044"] / 200) * 100;  // about 57.6%
    std::string below = std::to_string(static_cast<int>(share) + 20), reached = std::to_string(static_cast<int>(share) - 1);
    REQUIRE(test::run_sespm({"triggers", "set", "--project", proj, "--code", "E06000044", "--pct", reached, "--data", data}).exit_code == 0);
    REQUIRE(test::run_sespm({"triggers", "set", "--project", proj, "--code", "E06000045", "--pct", below, "--data", data}).exit_code == 0);
    REQUIRE(test::run_sespm({"triggers", "set", "--project", proj, "--code", "E07000112", "--pct", "50", "--data", data}).exit_code == 0);
    REQUIRE(test::run_sespm({"triggers", "clear", "--project", proj, "--code", "E07000112", "--data", data}).exit_code == 0);
    CHECK(test::run_sespm({"triggers", "set", "--project", proj, "--code", "E99999999", "--pct", "50", "--data", data}).exit_code == 2);
    CHECK(test::run_sespm({"triggers", "set", "--project", proj, "--code", "E06000044", "--pct", "150", "--data", data}).exit_code == 2);
    auto l = test::run_sespm({"triggers", "list", "--project", proj, "--data", data});
    CHECK(test::lines(l.out) == std::vector<std::string>{"code,name,trigger_pct", "E06000044,Portsmouth," + reached + ".0",
                                                         "E06000045,Southampton," + below + ".0"});
    auto t = test::run_sespm({"table", "--layer", "dispersal", "--within", "E12000008", "--project", proj, "--data", data});
    REQUIRE_MESSAGE(t.exit_code == 0, t.err);
    CHECK(test::first_line(t.out).find(",trigger_pct,trigger_status,extrapolated_quarters_to_trigger,extrapolated_quarters_to_limit") != std::string::npos);
    CHECK(t.out.find("\nE06000044,Portsmouth,") != std::string::npos);
    CHECK(t.out.find("," + reached + ".0,reached,0,") != std::string::npos);
    CHECK(t.err.find("alert: trigger reached: E06000044 Portsmouth") != std::string::npos);
    CHECK(t.err.find("E06000045 Southampton") == std::string::npos);
    auto a = test::run_sespm({"triggers", "alerts", "--project", proj, "--data", data});
    REQUIRE_MESSAGE(a.exit_code == 0, a.err);
    auto al = test::lines(a.out);
    REQUIRE(al.size() == 2);
    CHECK(al[1].rfind("E06000044,Portsmouth,district," + reached + ".0,2024-09-30,", 0) == 0);
}

TEST_CASE("a schema 2 project is upgraded in place to the current schema and keeps its scenarios") {
    test::ScratchDir d;
    {
        auto s = open_project(d.file("p.sespm"), ProjectAccess::Write);
        Scenario sc;
        sc.name = "keep";
        sc.extra_places = {{"E06000044", 10}};
        s->create_scenario(sc);
    }
    sqlite3* db = nullptr;
    sqlite3_open(d.file("p.sespm").c_str(), &db);
    sqlite3_exec(db, "DROP TABLE triggers; UPDATE meta SET value = '2' WHERE key = 'schema_version'", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    auto s = open_project(d.file("p.sespm"), ProjectAccess::Write);
    CHECK(s->load_scenario("keep")->extra_places.at("E06000044") == 10);
    CHECK(s->triggers().empty());
    s->set_trigger("E06000044", 75);
    s->set_trigger("cluster:Solent", 80);
    CHECK(s->triggers() == std::map<std::string, double>{{"E06000044", 75}, {"cluster:Solent", 80}});
    s->set_trigger("E06000044", std::nullopt);
    CHECK(s->triggers().size() == 1);
    CHECK_THROWS_AS(s->set_trigger("E06000045", 0), ProjectError);
    sqlite3_open(d.file("p.sespm").c_str(), &db);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &st, nullptr);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == std::to_string(kProjectSchemaVersion));
    sqlite3_finalize(st);
    sqlite3_close(db);
}

namespace {

// The South East's districts, by the lookup's own south_east column.
std::set<std::string> south_east_districts() {
    std::set<std::string> out;
    for (auto& r : rows_of("stats/lad_lookup_2024.csv")) if (r["south_east"] == "yes") out.insert(r["code"]);
    return out;
}

// A date `months` before an ISO date (the day kept: these series are month ends of quarters).
std::string months_before(const std::string& iso, int months) {
    int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)) - months;
    while (m < 1) { m += 12; --y; }
    static const int last_day[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int d = last_day[m - 1] + (m == 2 && y % 4 == 0 ? 1 : 0);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

// The 5 largest rises (or falls) of the South East's districts between two quarters of the
// dispersal CSV, as change values, largest first.
std::vector<double> expected_top(const std::string& file, const std::string& since, const std::string& period, bool rises) {
    auto a = series_at(file, since), b = series_at(file, period);
    std::vector<double> d;
    for (const auto& code : south_east_districts())
        if (a.count(code) && b.count(code) && (rises ? b[code] > a[code] : b[code] < a[code])) d.push_back(b[code] - a[code]);
    std::sort(d.begin(), d.end(), [&](double x, double y) { return rises ? x > y : x < y; });
    if (d.size() > 5) d.resize(5);
    return d;
}

} // namespace

TEST_CASE("changes: the largest rises and falls since the previous quarter and a year before, from the CSV") {
    const std::string file = "stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv";
    for (const std::string period : {"2024-09-30", "2020-06-30", "2016-12-31"}) {
        CAPTURE(period);
        auto r = test::run_sespm({"changes", "--layer", "dispersal", "--period", period, "--data", test::data_dir()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        auto ls = test::lines(r.out);
        REQUIRE(ls[0] == "list,since,period,code,name,before,after,change,trigger_pct");
        std::map<std::pair<std::string, std::string>, std::vector<double>> got;  // (list, since) -> changes
        auto now = series_at(file, period);
        for (size_t i = 1; i < ls.size(); ++i) {
            auto c = test::split_csv_simple(ls[i]);
            CAPTURE(ls[i]);
            REQUIRE(c.size() == 9);
            CHECK(c[2] == period);
            if (c[0] != "rise" && c[0] != "fall") continue;
            CHECK(south_east_districts().count(c[3]));
            auto then = series_at(file, c[1]);
            CHECK(std::stod(c[5]) == then.at(c[3]));
            CHECK(std::stod(c[6]) == now.at(c[3]));
            got[{c[0], c[1]}].push_back(std::stod(c[7]));
        }
        for (int back : {3, 12}) {
            std::string since = months_before(period, back);
            CAPTURE(since);
            CHECK(got[{"rise", since}] == expected_top(file, since, period, true));
            CHECK(got[{"fall", since}] == expected_top(file, since, period, false));
        }
    }
}

TEST_CASE("changes: districts newly over the cluster limit in every quarter, worked out from the CSV") {
    const std::string file = "stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv";
    Env env;
    auto se = south_east_districts();
    auto pop2019 = population(true), pop2024 = population(false);
    auto periods = layer_periods(env.atlas, env.layer("dispersal"));
    REQUIRE(periods.size() == 43);
    // 1 place per 200 residents (no South East district has been over it), and a planner's
    // stricter 1 per 1,000 for every district, so that some are.
    for (double ratio : {200.0, 1000.0}) {
        CAPTURE(ratio);
        auto over = [&](const std::string& code, const std::string& period) {
            auto n = series_at(file, period);
            const auto& pop = period <= "2021-12-31" ? pop2019 : pop2024;
            return n.count(code) && n[code] > std::floor(pop.at(code) / ratio);
        };
        int newly = 0;
        for (size_t k = 1; k < periods.size(); ++k) {
            CAPTURE(periods[k]);
            std::set<std::string> expected;
            for (const auto& code : se) if (over(code, periods[k]) && !over(code, periods[k - 1])) expected.insert(code);
            EvaluateOptions o;
            o.within = std::string("E12000008");
            o.period = periods[k];
            if (ratio != 200) for (const auto& code : se) o.ratio_overrides[code] = ratio;
            WhatChanged w = what_changed(env.atlas, env.layer("dispersal"), o, {});
            std::set<std::string> got;
            for (const auto& l : w.lists)
                if (l.what == "newly over the limit") {
                    CHECK(l.since == periods[k - 1]);
                    for (const auto& i : l.items) got.insert(i.code);
                }
            CHECK(got == expected);
            newly += static_cast<int>(expected.size());
        }
        if (ratio != 200) CHECK(newly > 5);  // the check above is not vacuous
    }
}

TEST_CASE("changes: a district newly at its agreed trigger point, from the project") {
    const std::string file = "stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv";
    auto pop = population(false);
    // Medway's share of its limit at 30 June and 30 September 2024, from the CSV; a trigger between them.
    double limit = std::floor(pop.at("E06000035") / 200);
    double before = series_at(file, "2024-06-30").at("E06000035") / limit * 100, after = series_at(file, "2024-09-30").at("E06000035") / limit * 100;
    REQUIRE(before < after);
    char pct[32];
    std::snprintf(pct, sizeof pct, "%.1f", (before + after) / 2);
    test::ScratchDir dir;
    std::string project = dir.file("p.sespm");
    auto set = test::run_sespm({"triggers", "set", "--project", project, "--code", "E06000035", "--pct", pct, "--data", test::data_dir()});
    REQUIRE_MESSAGE(set.exit_code == 0, set.err);
    auto r = test::run_sespm({"changes", "--layer", "dispersal", "--project", project, "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    int found = 0;
    for (const auto& line : test::lines(r.out)) {
        auto c = test::split_csv_simple(line);
        if (c[0] != "newly at the trigger") continue;
        CHECK(c[3] == "E06000035");
        CHECK(c[1] == "2024-06-30");
        CHECK(std::fabs(std::stod(c[5]) - before) <= 0.05);  // shares as table prints them, to 0.1
        CHECK(std::fabs(std::stod(c[6]) - after) <= 0.05);
        CHECK(c[8] == pct);
        ++found;
    }
    CHECK(found == 1);
}

TEST_CASE("scenario show states a cluster's agreed trigger and its status against the cluster's share") {
    test::ScratchDir d;
    std::string p = d.file("p.sespm");
    auto run = [&](std::vector<std::string> args) {
        args.push_back("--data");
        args.push_back(test::data_dir());
        auto r = test::run_sespm(args);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return r;
    };
    run({"scenario", "create", "--project", p, "--name", "A"});
    run({"scenario", "cluster", "--project", p, "--name", "A", "--cluster", "Solent", "--codes", "E06000044,E07000088"});
    auto show = run({"scenario", "show", "--project", p, "--name", "A"});
    CHECK(show.err.find("cluster 'Solent'") != std::string::npos);
    CHECK(show.err.find("trigger") == std::string::npos);  // none agreed yet
    // The cluster's places and limit from the CSVs: the latest quarter's counts, the sum of its
    // districts' own limits (residents / 200, each floored).
    auto counts = series_at("stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv", "2024-09-30");
    auto pop = population(false);
    double places = counts.at("E06000044") + counts.at("E07000088");
    double limit = std::floor(pop.at("E06000044") / 200) + std::floor(pop.at("E07000088") / 200);
    double share = places / limit * 100;
    char line[160];
    int below = static_cast<int>(std::floor(share)), above = below + 5;  // a trigger reached, and one within 10 points
    run({"triggers", "set", "--project", p, "--cluster", "Solent", "--pct", std::to_string(below)});
    show = run({"scenario", "show", "--project", p, "--name", "A"});
    std::snprintf(line, sizeof line, "cluster 'Solent': %.0f places, limit %.0f, under, trigger %d%%: reached", places, limit, below);
    CHECK_MESSAGE(show.err.find(line) != std::string::npos, show.err);
    run({"triggers", "set", "--project", p, "--cluster", "Solent", "--pct", std::to_string(above)});
    show = run({"scenario", "show", "--project", p, "--name", "A"});
    std::snprintf(line, sizeof line, "trigger %d%%: within 10 points", above);
    CHECK_MESSAGE(show.err.find(line) != std::string::npos, show.err);
}
