// test_pg_rights.cpp: rights on a shared server are the database's (the sespm_* roles and the
// schema's functions, which check every write): a viewer's write and a planner's write to another council are refused with the
// missing right named and change nothing; the superuser (whom RLS does not bind) may not edit;
// a planner's own council and scenarios are theirs to edit.
#include <doctest.h>

#include "pg_helpers.h"

using namespace test;

namespace {

std::string state(const std::string& loc) {
    auto p = run_sespm({"pledges", "list", "--project", loc, "--data", data_dir()});
    auto h = run_sespm({"project", "history", "--project", loc});
    auto t = run_sespm({"triggers", "list", "--project", loc, "--data", data_dir()});
    REQUIRE(p.exit_code == 0);
    REQUIRE(h.exit_code == 0);
    return p.out + h.out + t.out;
}

} // namespace

TEST_CASE("PostgreSQL: a viewer and a planner outside their councils are refused, and nothing changes") {
    pg::init_project({"E06000045"});
    std::string alice = pg::location("alice"), pat = pg::location("pat"), vic = pg::location("vic");
    auto r = run_sespm({"pledges", "set", "--project", pat, "--code", "E06000044", "--places", "30", "--data", data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);  // pat's own council
    r = run_sespm({"scenario", "create", "--project", alice, "--name", "S", "--data", data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::string before = state(vic);

    r = run_sespm({"pledges", "set", "--project", vic, "--code", "E06000044", "--places", "31", "--data", data_dir()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("vic") != std::string::npos);
    CHECK(r.err.find("a viewer reads the project but may not change it") != std::string::npos);
    r = run_sespm({"scenario", "set", "--project", vic, "--name", "S", "--code", "E06000044", "--places", "5", "--data", data_dir()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("viewer") != std::string::npos);

    // alice plans for E06000045 only: Portsmouth's pledge (an update) and a new one elsewhere
    r = run_sespm({"pledges", "set", "--project", alice, "--code", "E06000044", "--places", "32", "--data", data_dir()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("you (alice) are a planner for E06000045") != std::string::npos);
    CHECK(r.err.find("own councils") != std::string::npos);
    CHECK(r.err.find("conflict") == std::string::npos);
    CHECK(r.err.find("was changed to") == std::string::npos);  // not mistaken for someone else's change
    r = run_sespm({"pledges", "set", "--project", alice, "--code", "E06000046", "--places", "3", "--data", data_dir()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("pledge of E06000046") != std::string::npos);
    r = run_sespm({"pledges", "clear", "--project", alice, "--code", "E06000044", "--data", data_dir()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("planner for E06000045") != std::string::npos);
    r = run_sespm({"triggers", "set", "--project", alice, "--code", "E06000044", "--pct", "80", "--data", data_dir()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("planner for E06000045") != std::string::npos);
    // the superuser owns everything and RLS does not bind it: the program will not edit as it
    r = run_sespm({"pledges", "set", "--project", pg::location(), "--code", "E06000044", "--places", "33", "--data", data_dir()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("rights do not bind") != std::string::npos);
    // a planner may not grant
    r = run_sespm({"project", "grant", "--project", alice, "--user", "eve", "--role", "admin"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("admin role") != std::string::npos);
    CHECK(state(vic) == before);

    // what they may do
    r = run_sespm({"pledges", "set", "--project", alice, "--code", "E06000045", "--places", "9", "--data", data_dir()});
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    r = run_sespm({"scenario", "set", "--project", alice, "--name", "S", "--code", "E06000044", "--places", "5", "--data", data_dir()});
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    r = run_sespm({"project", "users", "--project", vic});
    CHECK(r.out == "user,role,councils\nalice,planner,E06000045\nboss,admin,\npat,planner,E06000044\nvic,viewer,\n");
    // revoked: no role, no writes
    REQUIRE(run_sespm({"project", "revoke", "--project", pg::location("boss"), "--user", "pat"}).exit_code == 0);
    r = run_sespm({"pledges", "set", "--project", pat, "--code", "E06000044", "--places", "1", "--data", data_dir()});
    CHECK(r.exit_code == 1);
    CAPTURE(r.err);
    CHECK(r.err.find("no role in this project") != std::string::npos);
    // the history table is the trigger's alone, even for an admin
    r = run_shell("psql -X -q " + std::string("'") + pg::location("boss") + "' -c \"DELETE FROM sespm.history\"");
    CHECK(r.exit_code != 0);
}
