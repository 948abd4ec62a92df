// test_scenario.cpp: scenarios: saved and reopened exactly (hostile names included), the schema 1
// -> 2 upgrade keeps pledges, results worked by hand, cluster contiguity from GEOS adjacency on
// the real districts, comparison, undo/redo of whole scenarios, and the command line.
#include <doctest.h>
#include <sqlite3.h>

#include "rules/allocation.h"
#include "core/error.h"
#include "rules/scenario.h"
#include "core/undo.h"
#include "helpers.h"
#include "stores/project_store.h"

#include "map/scenario_eval.h"

using namespace sespm;

namespace {
Scenario sample(const std::string& name) {
    Scenario s;
    s.name = name;
    s.extra_places = {{"E06000044", 120}, {"E07000112", 35}};
    s.ratio_overrides = {{"E06000044", 150.5}};
    s.clusters = {{"Solent; \"east\"", {"E06000044", "E07000090"}}, {"Kent coast", {"E07000112"}}};
    s.critical_mass = 250;
    s.notes = "Board paper draft -- 'v2'; DROP TABLE scenarios;";
    return s;
}
} // namespace

TEST_CASE("scenarios survive save and reopen exactly; duplicate, rename, delete") {
    test::ScratchDir d;
    Scenario a = sample("Option A"), b = sample("Robert'); DROP TABLE scenarios;--");
    b.extra_places["E06000045"] = 7;
    {
        auto s_store = sespm::open_project(d.file("p.sespm"), sespm::ProjectAccess::Write); sespm::ProjectStore& s = *s_store;
        s.replace_scenario(a);
        s.replace_scenario(b);
        test::save_all_pledges(s, {{"E06000044", 40}});
    }
    auto s_store = sespm::open_project(d.file("p.sespm"), sespm::ProjectAccess::Read); sespm::ProjectStore& s = *s_store;
    CHECK(s.scenario_names() == std::vector<std::string>{"Option A", b.name});
    CHECK(*s.load_scenario("Option A") == a);
    CHECK(*s.load_scenario(b.name) == b);
    CHECK(s.pledges().at("E06000044") == 40);
    // replace whole: fewer places, no clusters
    a.extra_places.erase("E07000112");
    a.clusters.clear();
    s.replace_scenario(a);
    CHECK(*s.load_scenario("Option A") == a);
    s.rename_scenario("Option A", "Option C");
    CHECK(!s.load_scenario("Option A"));
    CHECK_THROWS_AS(s.rename_scenario("Option C", b.name), DataError);  // name taken
    s.delete_scenario("Option C");
    CHECK(s.scenario_names() == std::vector<std::string>{b.name});
    CHECK_THROWS_AS(s.delete_scenario("Option C"), DataError);
}

TEST_CASE("a schema 1 project is upgraded in place and keeps its pledges") {
    test::ScratchDir d;
    sqlite3* db = nullptr;
    sqlite3_open(d.file("old.sespm").c_str(), &db);
    sqlite3_exec(db,
                 "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                 "CREATE TABLE pledges (code TEXT PRIMARY KEY, places INTEGER NOT NULL CHECK (places >= 0));"
                 "INSERT INTO meta VALUES ('application', 'sespm-map'), ('schema_version', '1');"
                 "INSERT INTO pledges VALUES ('E06000045', 25);",
                 nullptr, nullptr, nullptr);
    sqlite3_close(db);
    auto s_store = sespm::open_project(d.file("old.sespm"), sespm::ProjectAccess::Read); sespm::ProjectStore& s = *s_store;
    CHECK(s.pledges().at("E06000045") == 25);
    CHECK(s.scenario_names().empty());
    s.replace_scenario(sample("After upgrade"));
    CHECK(*s.load_scenario("After upgrade") == sample("After upgrade"));
}

TEST_CASE("scenario results worked by hand") {
    std::vector<DistrictBase> base{{"A", "Alpha", 100199, 400}, {"B", "Beta", 60199, std::nullopt}, {"C", "Gamma", 20000, 90}};
    Scenario s;
    s.name = "t";
    s.extra_places = {{"A", 150}, {"B", 30}, {"C", 20}};
    s.ratio_overrides = {{"C", 100}};
    s.clusters = {{"AB", {"A", "B"}}, {"ghost", {"Z"}}};
    s.critical_mass = 700;
    ScenarioOutcome o = evaluate_scenario(s, base);
    REQUIRE(o.districts.size() == 3);
    // A: 400 + 150 = 550 against floor(100199 / 200) = 500 -> over, 110%
    CHECK(o.districts[0].new_total == 550);
    CHECK(o.districts[0].limit == 500);
    CHECK(o.districts[0].share_pct == doctest::Approx(110));
    CHECK(o.districts[0].status == "over");
    CHECK(o.districts[0].per_10k == doctest::Approx(550.0 / 100199 * 10000));
    // B: no published figure counts as 0: 30 of 300 -> under
    CHECK(o.districts[1].new_total == 30);
    CHECK(o.districts[1].status == "under");
    // C: ratio 100 -> limit 200; 110 of 200 = 55%
    CHECK(o.districts[2].limit == 200);
    CHECK(o.districts[2].share_pct == doctest::Approx(55));
    CHECK(o.breaches == std::vector<std::string>{"A"});
    // cluster AB judged as one: 580 places against the sum of its districts' limits, 500 + 300 = 800
    // (not floor(160398 / 200) = 801: one rule for every group); below critical mass 700
    REQUIRE(o.clusters.size() == 2);
    CHECK(o.clusters[0].new_total == 580);
    CHECK(o.clusters[0].limit == 800);
    CHECK(o.clusters[0].below_critical_mass);
    CHECK(o.clusters[1].unknown_districts == std::vector<std::string>{"Z"});
    CHECK(o.new_total == 550 + 30 + 110);
    CHECK(!scenario_problems(s, base).empty());  // the ghost district is reported
    Scenario s2 = s;
    s2.extra_places["A"] = 50;
    auto diff = compare_outcomes(o, evaluate_scenario(s2, base));
    CHECK(diff[0].difference == -100);
    CHECK(diff[1].difference == 0);
}

TEST_CASE("cluster contiguity from GEOS adjacency of the real districts") {
    GeosContext geos;
    Atlas atlas(test::data_dir(), geos);
    struct Case { std::vector<std::string> codes; bool contiguous; };
    const Case cases[] = {
        {{"E06000044", "E07000090"}, true},                 // Portsmouth, Havant: neighbours
        {{"E06000044", "E06000045"}, false},                // Portsmouth, Southampton: Fareham between
        {{"E06000044", "E07000087", "E06000045"}, false},   // + Fareham: still not Southampton's neighbour
        {{"E06000044", "E07000087", "E07000086", "E06000045"}, true},  // + Eastleigh joins them
        {{"E06000046"}, true},                              // one district is one piece
        {{"E06000046", "E07000091"}, false},                // Isle of Wight and New Forest: the Solent between
    };
    for (const auto& c : cases) {
        CAPTURE(c.codes.size());
        CHECK(districts_contiguous(atlas, c.codes) == c.contiguous);
    }
}

TEST_CASE("undo and redo of whole scenarios restore exact states") {
    UndoHistory<Scenario> h;
    Scenario cur = sample("u");
    Scenario first = cur;
    h.record(cur);
    cur.extra_places["E06000045"] = 99;
    Scenario second = cur;
    h.record(cur);
    cur.clusters.pop_back();
    REQUIRE(h.undo(cur));
    CHECK(cur == second);
    REQUIRE(h.undo(cur));
    CHECK(cur == first);
    REQUIRE(h.redo(cur));
    CHECK(cur == second);
}

TEST_CASE("scenario commands on the command line") {
    test::ScratchDir d;
    std::string p = d.file("cli.sespm"), data = test::data_dir();
    auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(), "scenario");
        args.insert(args.end(), {"--project", p, "--data", data});
        return test::run_sespm(args);
    };
    auto r = run({"allocate", "--total", "500", "--rule", "population", "--within", "E12000008", "--save", "Pop 500"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(run({"duplicate", "--name", "Pop 500", "--as", "Mine"}).exit_code == 0);
    CHECK(run({"set", "--name", "Mine", "--code", "E06000044", "--places", "900"}).exit_code == 0);
    CHECK(run({"cluster", "--name", "Mine", "--cluster", "Solent", "--codes", "E06000044,E06000045"}).exit_code == 0);
    r = run({"show", "--name", "Mine"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(test::first_line(r.out) == "code,name,population,current,extra,new_total,per_10k,cluster_limit,share_of_limit_pct,status,change");
    CHECK(r.out.find("E06000044,Portsmouth,214321,617,900,1517") != std::string::npos);
    CHECK(r.err.find("breaches: 1 E06000044") != std::string::npos);   // 1,517 > 1,071
    CHECK(r.err.find("NOT CONTIGUOUS") != std::string::npos);
    r = run({"compare", "--name", "Pop 500", "--with", "Mine"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("E06000044,Portsmouth") != std::string::npos);
    r = run({"export", "--name", "Mine", "-o", d.file("mine.geojson")});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(test::read_file(d.file("mine.geojson")).find("Scenario places are proposals") != std::string::npos);
    r = run({"list"});
    CHECK(r.out.find("Mine,") != std::string::npos);
    CHECK(run({"rename", "--name", "Mine", "--as", "Pop 500"}).exit_code == 1);      // name taken
    CHECK(run({"show", "--name", "Nobody"}).exit_code == 2);
    CHECK(run({"set", "--name", "Mine", "--code", "E99", "--places", "1"}).exit_code == 2);
    CHECK(run({"set", "--name", "Mine", "--code", "E06000044", "--places", "-1"}).exit_code == 2);
    CHECK(run({"delete", "--name", "Mine"}).exit_code == 0);
    CHECK(run({"list"}).out.find("Mine,") == std::string::npos);
}

TEST_CASE("allocate --save under an existing name is refused unless --replace; the rule and total stay with it") {
    test::ScratchDir d;
    std::string p = d.file("s.sespm"), data = test::data_dir();
    auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(), "scenario");
        args.insert(args.end(), {"--project", p, "--data", data});
        return test::run_sespm(args);
    };
    auto r = run({"allocate", "--total", "500", "--rule", "population", "--within", "E12000008", "--save", "Plan"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(run({"set", "--name", "Plan", "--code", "E06000044", "--places", "77"}).exit_code == 0);
    std::string before = run({"show", "--name", "Plan"}).out;
    r = run({"allocate", "--total", "900", "--rule", "equalise", "--within", "E12000008", "--save", "Plan"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("'Plan' already exists") != std::string::npos);
    CHECK(r.err.find("--replace") != std::string::npos);
    CHECK(run({"show", "--name", "Plan"}).out == before);  // untouched
    r = run({"allocate", "--total", "900", "--rule", "equalise", "--within", "E12000008", "--save", "Plan", "--replace"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(run({"show", "--name", "Plan"}).out != before);
    // the notes carry the rule and total used (read back by the window's scenario panel)
    auto store = sespm::open_project(p, sespm::ProjectAccess::Read);
    auto sc = store->load_scenario("Plan");
    REQUIRE(sc);
    auto how = sespm::allocation_note(sc->notes);
    REQUIRE_MESSAGE(how, sc->notes);
    CHECK(how->total == 900);
    CHECK(how->rule == sespm::AllocationRule::Equalise);
    CHECK(how->within == "E12000008");
    CHECK(how->placed == 900);
    // the planner's own notes survive a replacement; only the allocation line changes
    std::string mine = sespm::with_allocation_note("Agreed with Kent on 3 May", *how);
    CHECK(mine.find("Agreed with Kent on 3 May") != std::string::npos);
    CHECK(sespm::allocation_note(mine)->total == 900);
    CHECK(sespm::with_allocation_note(mine, *how) == mine);
}
