// test_pg_history.cpp: the shared server's schema and history: project init creates it once
// (again is a no-op), a newer schema is refused, a password in the location is refused; every
// change is recorded (who, table, key, old and new) and `project restore` reverts one change,
// recorded itself, and refuses when the row changed again since; `project copy` file -> server
// -> file gives byte-identical `scenario show`, `pledges list` and history.
#include <doctest.h>

#include "pg_helpers.h"

using namespace test;

namespace {

RunResult ok(const std::vector<std::string>& args) {
    std::vector<std::string> a = args;
    if (a[0] != "project") { a.push_back("--data"); a.push_back(data_dir()); }
    auto r = run_sespm(a);
    REQUIRE_MESSAGE(r.exit_code == 0, a[0] << " " << a[1] << ": " << r.err);
    return r;
}

} // namespace

TEST_CASE("PostgreSQL: init, newer schema, passwords, history and restore") {
    auto r = run_sespm({"pledges", "list", "--project", pg::location(), "--data", data_dir()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("project init") != std::string::npos);  // an empty database says how to start
    pg::init_project({"E06000044", "E06000045"});
    r = run_sespm({"project", "init", "--project", pg::location()});
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("schema 5 already") != std::string::npos);
    r = run_sespm({"pledges", "list", "--project", pg::location("alice") + " password=secret", "--data", data_dir()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(".pgpass") != std::string::npos);

    std::string alice = pg::location("alice"), pat = pg::location("pat");
    ok({"pledges", "set", "--project", alice, "--code", "E06000044", "--places", "40"});
    ok({"pledges", "set", "--project", pat, "--code", "E06000044", "--places", "35"});
    ok({"scenario", "create", "--project", alice, "--name", "Plan A"});
    ok({"scenario", "set", "--project", alice, "--name", "Plan A", "--code", "E06000045", "--places", "12"});
    ok({"scenario", "set", "--project", alice, "--name", "Plan A", "--code", "E06000045", "--places", "20"});
    auto h = lines(ok({"project", "history", "--project", alice}).out);
    REQUIRE(h.size() == 6);
    CHECK(h[0] == "id,at,who,table,scenario,key,old,new");
    CHECK(h[1].find(",alice,pledges,,E06000044,,\"{\"\"code\"\":\"\"E06000044\"\",\"\"places\"\":40}\"") != std::string::npos);
    CHECK(h[2].find(",pat,pledges,,E06000044,") != std::string::npos);
    CHECK(h[5].find(",alice,scenario_places,Plan A,E06000045,") != std::string::npos);
    CHECK(lines(ok({"project", "history", "--project", alice, "--code", "E06000045"}).out).size() == 3);
    CHECK(lines(ok({"project", "history", "--project", alice, "--since", "2999-01-01"}).out).size() == 1);
    CHECK(run_sespm({"project", "history", "--project", alice, "--since", "yesterday"}).exit_code == 2);

    // restore pat's change: Portsmouth's pledge is 40 again, and that is a change by alice
    std::string pat_change = split_csv_simple(h[2])[0];
    ok({"project", "restore", "--project", alice, "--change", pat_change});
    CHECK(ok({"pledges", "list", "--project", alice}).out == "code,name,places\nE06000044,Portsmouth,40\n");
    h = lines(ok({"project", "history", "--project", alice}).out);
    REQUIRE(h.size() == 7);
    CHECK(h[6].find(",alice,pledges,,E06000044,\"{\"\"code\"\":\"\"E06000044\"\",\"\"places\"\":35}\",\"{\"\"code\"\":\"\"E06000044\"\",\"\"places\"\":40}\"") != std::string::npos);
    // the first places change cannot be restored over the second
    std::string first_places = split_csv_simple(h[4])[0];
    r = run_sespm({"project", "restore", "--project", alice, "--change", first_places});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("changed again since") != std::string::npos);
    ok({"project", "restore", "--project", alice, "--change", split_csv_simple(h[5])[0]});
    ok({"project", "restore", "--project", alice, "--change", first_places});  // now the row is as it left it
    CHECK(ok({"scenario", "show", "--project", alice, "--name", "Plan A"}).out.find("E06000045") != std::string::npos);
    auto sc = ok({"project", "history", "--project", alice, "--code", "E06000045"});
    CHECK(lines(sc.out).back().find(",,\"{\"\"code\"\":\"\"E06000045\"\"") == std::string::npos);
    r = run_sespm({"project", "restore", "--project", alice, "--change", "9999"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("no change 9999") != std::string::npos);

    // a newer schema is refused with the numbers
    pg::sql("UPDATE sespm.meta SET value = '99' WHERE key = 'schema_version'");
    r = run_sespm({"pledges", "list", "--project", alice, "--data", data_dir()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("newer SESPM Map (schema 99; this program reads up to 5)") != std::string::npos);
    r = run_sespm({"project", "init", "--project", pg::location()});
    CHECK(r.exit_code == 1);
}

TEST_CASE("PostgreSQL: project copy file -> server -> file keeps everything byte for byte") {
    ScratchDir d;
    std::string file = d.file("planner.sespm"), back = d.file("back.sespm");
    ok({"pledges", "set", "--project", file, "--code", "E06000044", "--places", "40"});
    ok({"pledges", "set", "--project", file, "--code", "E07000085", "--places", "7"});
    ok({"scenario", "allocate", "--total", "900", "--rule", "headroom", "--within", "E12000008", "--project", file, "--save", "Plan A"});
    ok({"scenario", "ratio", "--project", file, "--name", "Plan A", "--code", "E06000044", "--ratio", "150.25"});
    ok({"scenario", "cluster", "--project", file, "--name", "Plan A", "--cluster", "Solent", "--codes", "E06000044,E07000090"});
    ok({"scenario", "create", "--project", file, "--name", "Empty; 'quoted' \"name\""});
    ok({"triggers", "set", "--project", file, "--code", "E06000044", "--pct", "72.5"});
    pg::init_project({"E06000044"});
    std::string boss = pg::location("boss");
    auto r = run_sespm({"project", "copy", "--from", file, "--to", pg::location("alice")});
    CHECK(r.exit_code == 1);  // copying history into a server is an admin's
    ok({"project", "copy", "--from", file, "--to", boss});
    r = run_sespm({"project", "copy", "--from", file, "--to", boss});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("not empty") != std::string::npos);
    ok({"project", "copy", "--from", boss, "--to", back});
    for (const auto& name : {std::string("Plan A"), std::string("Empty; 'quoted' \"name\"")}) {
        CAPTURE(name);
        CHECK(ok({"scenario", "show", "--project", file, "--name", name}).out == ok({"scenario", "show", "--project", back, "--name", name}).out);
    }
    CHECK(ok({"pledges", "list", "--project", file}).out == ok({"pledges", "list", "--project", back}).out);
    CHECK(ok({"triggers", "list", "--project", file}).out == ok({"triggers", "list", "--project", back}).out);
    CHECK(ok({"scenario", "list", "--project", file}).out == ok({"scenario", "list", "--project", back}).out);
    std::string h1 = ok({"project", "history", "--project", file}).out;
    CHECK(lines(h1).size() > 60);
    CHECK(h1 == ok({"project", "history", "--project", boss}).out);
    CHECK(h1 == ok({"project", "history", "--project", back}).out);
}
