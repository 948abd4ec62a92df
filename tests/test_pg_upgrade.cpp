// test_pg_upgrade.cpp: a server project of schema 4 (tests/pg/schema4.sql, the schema as the
// previous SESPM Map created it: tables in `sespm`, row-level security, direct table rights) is
// upgraded by `project init` to schema 5 with every pledge, trigger, scenario, user and history
// entry kept; before that the program refuses it, naming the command that upgrades it; after it,
// the planner edits through the program and direct SQL is refused.
#include <doctest.h>

#include "pg_helpers.h"

using namespace test;

TEST_CASE("PostgreSQL: project init upgrades a schema 4 project in place, keeping everything") {
    std::string maintenance = pg::location() + " dbname=postgres";
    REQUIRE(run_shell("psql -X -q -v ON_ERROR_STOP=1 '" + maintenance + "' -c 'DROP DATABASE IF EXISTS sespm WITH (FORCE)' -c 'CREATE DATABASE sespm'").exit_code == 0);
    auto r = run_shell("psql -X -q -v ON_ERROR_STOP=1 '" + pg::location() + "' -f " + std::string(SESPM_TEST_DIR) + "/pg/schema4.sql");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    pg::sql("SELECT sespm.grant_role('alice', 'planner', '{E06000045}')");
    pg::sql("SELECT sespm.grant_role('vic', 'viewer', '{}')");
    pg::sql("INSERT INTO sespm.pledges (code, places) VALUES ('E06000045', 12), ('E07000223', 4)");
    pg::sql("INSERT INTO sespm.triggers (key, pct) VALUES ('E06000045', 75)");
    pg::sql("INSERT INTO sespm.scenarios (name, critical_mass, notes) VALUES ('Plan A', 10, 'kept')");
    pg::sql("INSERT INTO sespm.scenario_places (scenario_id, code, places) SELECT id, 'E06000044', 25 FROM sespm.scenarios");
    std::string history = pg::sql("SELECT id, tbl, key FROM sespm.history ORDER BY id");
    REQUIRE(history.find("E07000223") != std::string::npos);

    r = run_sespm({"pledges", "list", "--project", pg::location("vic"), "--data", data_dir()});
    CHECK(r.exit_code == 1);
    CHECK_MESSAGE(r.err.find("schema 4") != std::string::npos, r.err);
    CHECK(r.err.find("project init") != std::string::npos);
    r = run_sespm({"project", "init", "--project", pg::location("alice")});
    CHECK(r.exit_code != 0);  // only a superuser upgrades

    r = run_sespm({"project", "init", "--project", pg::location()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK_MESSAGE((r.out + r.err).find("upgraded the project from schema 4 to 5") != std::string::npos, (r.out + r.err));
    r = run_sespm({"pledges", "list", "--project", pg::location("vic"), "--data", data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("E06000045,Southampton,12") != std::string::npos);
    CHECK(r.out.find("E07000223,Adur,4") != std::string::npos);
    r = run_sespm({"scenario", "show", "--project", pg::location("vic"), "--name", "Plan A", "--data", data_dir()});
    CHECK_MESSAGE(r.out.find("E06000044") != std::string::npos, (r.out + r.err));
    CHECK(pg::sql("SELECT id, tbl, key FROM sespm.history ORDER BY id") == history);
    CHECK(pg::sql("SELECT value FROM sespm.meta WHERE key = 'schema_version'") == "5\n");

    // the planner's rights, now through the functions
    r = run_sespm({"pledges", "set", "--project", pg::location("alice"), "--code", "E06000045", "--places", "13", "--data", data_dir()});
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    r = run_sespm({"pledges", "set", "--project", pg::location("alice"), "--code", "E07000223", "--places", "5", "--data", data_dir()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("planner for E06000045") != std::string::npos);
    r = run_shell("psql -X -q -v ON_ERROR_STOP=1 '" + pg::location("alice") + "' -c \"UPDATE sespm.pledges SET places = 0\"");
    CHECK(r.exit_code != 0);
    CHECK(pg::sql("SELECT places FROM sespm.pledges WHERE code = 'E07000223'") == "4\n");
    // and init again: nothing to do
    r = run_sespm({"project", "init", "--project", pg::location()});
    CHECK(r.exit_code == 0);
    CHECK((r.out + r.err).find("at schema 5 already") != std::string::npos);
}
