// test_pg_kill.cpp: a client killed (SIGKILL) in the middle of an allocation's transaction leaves
// the scenario on the server exactly as before. The test holds a lock on one of the scenario's
// rows so the allocating process is caught mid-write (some rows written, the locked one not),
// kills it there, then lets go: the server rolls the half-written transaction back.
#include <doctest.h>

#include <chrono>
#include <thread>

#include "pg_helpers.h"

using namespace test;

TEST_CASE("PostgreSQL: an allocation killed mid-transaction leaves the scenario as before") {
    auto codes = pg::south_east_districts(64);
    pg::init_project(codes);
    std::string alice = pg::location("alice");
    auto r = run_sespm({"scenario", "allocate", "--total", "1000", "--rule", "equalise", "--within", "E12000008", "--project", alice, "--save", "K",
                        "--data", data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto show = [&] {
        auto s = run_sespm({"scenario", "show", "--project", alice, "--name", "K", "--data", data_dir()});
        REQUIRE(s.exit_code == 0);
        return s.out;
    };
    std::string before = show();
    std::string history_before = run_sespm({"project", "history", "--project", alice}).out;
    std::string last = pg::sql("SELECT max(code) FROM sespm.scenario_places");
    while (!last.empty() && last.back() == '\n') last.pop_back();
    REQUIRE(!last.empty());

    ScratchDir d;
    // psql holds the last row locked until its fifo gives it the ROLLBACK; sespm-map runs meanwhile
    std::string fifo = d.file("locker");
    REQUIRE(run_shell("mkfifo '" + fifo + "'").exit_code == 0);
    std::string locker = "( (echo 'BEGIN; SELECT 1 FROM sespm.scenario_places WHERE code = '\\''" + last + "'\\'' FOR UPDATE;'; cat '" + fifo +
                         "') | psql -X -q '" + pg::location() + "' >/dev/null 2>&1 & )";
    REQUIRE(run_shell(locker).exit_code == 0);
    std::string alloc = pg::command({"scenario", "allocate", "--total", "2000", "--rule", "population", "--within", "E12000008", "--project", alice,
                                     "--save", "K", "--replace"});
    REQUIRE(run_shell("( " + alloc + " >/dev/null 2>" + d.file("err") + " & echo $! > " + d.file("pid") + " )").exit_code == 0);
    // wait until the allocation is blocked on the locked row, i.e. mid-transaction
    bool waiting = false;
    for (int i = 0; i < 300 && !waiting; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        waiting = pg::sql("SELECT count(*) FROM pg_stat_activity WHERE usename = 'alice' AND wait_event_type = 'Lock'").rfind("1", 0) == 0;
    }
    REQUIRE_MESSAGE(waiting, "the allocation never reached the locked row");
    REQUIRE(run_shell("kill -KILL $(cat '" + d.file("pid") + "')").exit_code == 0);
    run_shell("echo 'ROLLBACK;' > '" + fifo + "'");
    // the server notices the dead client once the lock is free, and rolls its transaction back
    bool gone = false;
    for (int i = 0; i < 100 && !gone; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        gone = pg::sql("SELECT count(*) FROM pg_stat_activity WHERE usename = 'alice'").rfind("0", 0) == 0;
    }
    CHECK(gone);
    CHECK(show() == before);
    CHECK(run_sespm({"project", "history", "--project", alice}).out == history_before);
    // and the next allocation works
    r = run_sespm({"scenario", "allocate", "--total", "2000", "--rule", "population", "--within", "E12000008", "--project", alice, "--save", "K",
                   "--replace", "--data", data_dir()});
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    CHECK(show() != before);
}
