// test_project_versions.cpp: the SQLite project file keeps the shared server's rules: every
// edited row has a version, an edit made over someone else's change since this store read the
// row is refused with who, when and what (no lost update), every change is in the history
// (who = the OS user), restore reverts one, and 20 parallel writers on one district leave one
// history entry per writer told it saved, every other one refused with the conflict.
#include <doctest.h>

#include <pwd.h>
#include <sqlite3.h>
#include <unistd.h>

#include "helpers.h"
#include "stores/project_store.h"
#include "map/project_admin.h"
#include "map/project_snapshot.h"

using namespace sespm;

TEST_CASE("project file: an edit over someone else's change is refused, naming who, when and what") {
    test::ScratchDir d;
    std::string p = d.file("p.sespm");
    auto a = open_project(p, ProjectAccess::Write);
    auto b = open_project(p, ProjectAccess::Write);
    a->set_pledge("E06000044", 30);
    CHECK(b->pledges().at("E06000044") == 30);   // b read it at 30
    a->set_pledge("E06000044", 40);
    try {
        b->set_pledge("E06000044", 35);
        FAIL("the edit over a's change was saved");
    } catch (const ProjectError& e) {
        CHECK(e.kind == ProjectError::Kind::Conflict);
        REQUIRE(e.conflict);
        CHECK(e.conflict->theirs == "40");
        CHECK(e.conflict->yours == "35");
        CHECK(e.conflict->by == getpwuid(geteuid())->pw_name);
        CHECK(e.conflict->at.size() == 5);  // HH:MM, today
        CHECK(std::string(e.what()).find("E06000044's pledge was changed to 40 by ") != std::string::npos);
        CHECK(std::string(e.what()).find("yours (35) was not saved") != std::string::npos);
    }
    CHECK(a->pledges().at("E06000044") == 40);
    CHECK(b->pledges().at("E06000044") == 40);   // b reads again ...
    b->set_pledge("E06000044", 35);               // ... and may overwrite knowingly
    CHECK_THROWS_AS(a->set_pledge("E06000044", std::nullopt), ProjectError);  // a's read is stale now
    CHECK(a->pledges().at("E06000044") == 35);

    // a pledge created by someone else after this store read "none"
    CHECK(b->pledges().count("E06000045") == 0);
    a->set_pledge("E06000045", 3);
    CHECK_THROWS_AS(b->set_pledge("E06000045", 4), ProjectError);

    // scenario places, ratios and triggers follow the same rule
    Scenario sc;
    sc.name = "S";
    sc.extra_places = {{"E06000044", 10}};
    a->create_scenario(sc);
    CHECK(b->load_scenario("S")->extra_places.at("E06000044") == 10);
    a->set_scenario_places("S", "E06000044", 11);
    CHECK_THROWS_AS(b->set_scenario_places("S", "E06000044", 12), ProjectError);
    b->load_scenario("S");
    b->set_scenario_places("S", "E06000044", 12);
    b->triggers();
    a->set_trigger("E06000044", 70);
    CHECK_THROWS_AS(b->set_trigger("E06000044", 75), ProjectError);
    CHECK(a->load_scenario("S")->extra_places.at("E06000044") == 12);
}

TEST_CASE("project file: history and restore") {
    test::ScratchDir d;
    std::string p = d.file("p.sespm");
    auto s = open_project(p, ProjectAccess::Write);
    s->set_pledge("E06000044", 40);
    s->set_pledge("E06000044", 41);
    s->set_trigger("E06000044", 72.5);
    auto h = s->history({});
    REQUIRE(h.size() == 3);
    CHECK(h[1].table == "pledges");
    CHECK(h[1].old_json == "{\"code\":\"E06000044\",\"places\":40}");
    CHECK(h[1].new_json == "{\"code\":\"E06000044\",\"places\":41}");
    CHECK(h[1].who == getpwuid(geteuid())->pw_name);
    CHECK_THROWS_AS(restore_change(*s, h[0].id), ProjectError);   // the row is no longer as change 1 left it
    CHECK(s->pledges().at("E06000044") == 41);
    restore_change(*s, h[1].id);
    CHECK(s->pledges().at("E06000044") == 40);
    CHECK(s->history({}).size() == 4);
    restore_change(*s, h[0].id);                                  // now it is: the pledge goes
    CHECK(s->pledges().count("E06000044") == 0);
    restore_change(*s, h[2].id);
    CHECK(s->triggers().empty());
    CHECK(s->history({}).size() == 6);
    HistoryFilter f;
    f.key = "E06000045";
    CHECK(s->history(f).empty());
}

TEST_CASE("project file: a schema 3 file is upgraded to 4 with its rows kept and a history from then on") {
    test::ScratchDir d;
    std::string p = d.file("old.sespm");
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(p.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db,
                         "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                         "CREATE TABLE pledges (code TEXT PRIMARY KEY, places INTEGER NOT NULL CHECK (places >= 0));"
                         "CREATE TABLE scenarios (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, critical_mass INTEGER NOT NULL DEFAULT 0, notes TEXT NOT NULL DEFAULT '');"
                         "CREATE TABLE scenario_places (scenario_id INTEGER NOT NULL, code TEXT NOT NULL, places INTEGER NOT NULL, PRIMARY KEY (scenario_id, code));"
                         "CREATE TABLE scenario_ratios (scenario_id INTEGER NOT NULL, code TEXT NOT NULL, ratio REAL NOT NULL, PRIMARY KEY (scenario_id, code));"
                         "CREATE TABLE scenario_clusters (scenario_id INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, codes TEXT NOT NULL, PRIMARY KEY (scenario_id, position));"
                         "CREATE TABLE triggers (key TEXT PRIMARY KEY, pct REAL NOT NULL CHECK (pct > 0 AND pct <= 100));"
                         "INSERT INTO meta VALUES ('application', 'sespm-map'), ('schema_version', '3');"
                         "INSERT INTO pledges VALUES ('E06000044', 7); INSERT INTO scenarios VALUES (1, 'Old', 5, 'n');"
                         "INSERT INTO scenario_places VALUES (1, 'E06000045', 9);",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    auto s = open_project(p, ProjectAccess::Write);
    CHECK(s->pledges().at("E06000044") == 7);
    CHECK(s->load_scenario("Old")->extra_places.at("E06000045") == 9);
    CHECK(s->history({}).empty());
    s->set_scenario_places("Old", "E06000045", 10);
    auto h = s->history({});
    REQUIRE(h.size() == 1);
    CHECK(h[0].scenario == "Old");
    CHECK(h[0].key == "E06000045");
}

TEST_CASE("project file: 20 parallel writers on one district: history entries = writers told it saved") {
    test::ScratchDir d;
    std::string p = d.file("p.sespm");
    auto r = test::run_sespm({"pledges", "set", "--project", p, "--code", "E06000044", "--places", "1", "--data", test::data_dir()});
    REQUIRE(r.exit_code == 0);
    std::string script;
    for (int i = 0; i < 20; ++i)
        script += "( '" + std::string(SESPM_EXE) + "' pledges set --project '" + p + "' --code E06000044 --places " + std::to_string(100 + i) + " --data '" +
                  test::data_dir() + "' >/dev/null 2>" + d.file("err" + std::to_string(i)) + "; echo $? > " + d.file("rc" + std::to_string(i)) + " ) &\n";
    test::run_shell(script + "wait\n");
    size_t ok = 0;
    for (int i = 0; i < 20; ++i) {
        int rc = std::stoi(test::read_file(d.file("rc" + std::to_string(i))));
        std::string err = test::read_file(d.file("err" + std::to_string(i)));
        CAPTURE(err);
        if (rc == 0) { ++ok; continue; }
        CHECK(rc == 1);
        CHECK((err.find("Portsmouth's pledge was changed to") != std::string::npos || err.find("busy") != std::string::npos));
    }
    CHECK(ok >= 1);
    auto s = open_project(p, ProjectAccess::Read);
    CHECK(s->history({}).size() == ok + 1);
    CHECK(s->history({}).back().new_json == "{\"code\":\"E06000044\",\"places\":" + std::to_string(s->pledges().at("E06000044")) + "}");
}

TEST_CASE("project file: an undo snapshot taken before an edit is not what the user read") {
    test::ScratchDir d;
    std::string p = d.file("p.sespm");
    auto window = open_project(p, ProjectAccess::Write);
    auto other = open_project(p, ProjectAccess::Write);
    window->set_pledge("E06000044", 10);
    CHECK(window->pledges().at("E06000044") == 10);   // what the window shows
    other->set_pledge("E06000044", 20);               // another planner, meanwhile
    ProjectSnapshot before = take_snapshot(window.get());
    CHECK(before.pledges.at("E06000044") == 20);
    CHECK_THROWS_AS(window->set_pledge("E06000044", 11), ProjectError);  // still over 10: refused
    CHECK(window->pledges().at("E06000044") == 20);
}

TEST_CASE("project file: a scenario's notes and critical mass are versioned rows too") {
    test::ScratchDir d;
    std::string p = d.file("p.sespm");
    auto a = open_project(p, ProjectAccess::Write);
    auto b = open_project(p, ProjectAccess::Write);
    Scenario sc;
    sc.name = "Plan A";
    a->create_scenario(sc);
    b->load_scenario("Plan A");
    a->set_scenario_notes("Plan A", "theirs");
    try {
        b->set_scenario_notes("Plan A", "mine");
        FAIL("the notes were overwritten unseen");
    } catch (const ProjectError& e) {
        CHECK(e.kind == ProjectError::Kind::Conflict);
        CHECK(std::string(e.what()).find("Plan A's notes was changed to theirs") != std::string::npos);
    }
    a->set_scenario_critical_mass("Plan A", 12);
    CHECK_THROWS_AS(b->set_scenario_critical_mass("Plan A", 5), ProjectError);
    b->load_scenario("Plan A");
    b->set_scenario_critical_mass("Plan A", 5);
    CHECK(a->load_scenario("Plan A")->critical_mass == 5);
    CHECK(a->load_scenario("Plan A")->notes == "theirs");
}
