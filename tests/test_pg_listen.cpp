// test_pg_listen.cpp: live refresh's listener: another planner's edit is heard within a second
// (table, key, who); after a server restart the listener reconnects by itself, says so (so the
// window reloads), and hears the next edit.
#include <doctest.h>

#include <chrono>
#include <thread>

#include "stores/pg_listen.h"
#include "pg_helpers.h"

using namespace test;
using Clock = std::chrono::steady_clock;

namespace {

// Takes from the listener until `done` says so or `seconds` pass; everything taken, merged.
sespm::ChangeListener::Taken wait(sespm::ChangeListener& l, double seconds, bool (*done)(const sespm::ChangeListener::Taken&)) {
    sespm::ChangeListener::Taken all;
    auto t0 = Clock::now();
    while (std::chrono::duration<double>(Clock::now() - t0).count() < seconds) {
        auto t = l.take();
        all.changes.insert(all.changes.end(), t.changes.begin(), t.changes.end());
        all.reconnected |= t.reconnected;
        all.connected = t.connected;
        all.user = t.user;
        if (done(all)) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return all;
}

} // namespace

TEST_CASE("PostgreSQL: the live-refresh listener hears other planners' edits and survives a restart") {
    pg::init_project({"E06000044"});
    sespm::ChangeListener l(pg::location("vic"));
    auto t = wait(l, 5, [](const auto& a) { return a.connected; });
    REQUIRE(t.connected);
    CHECK(t.user == "vic");
    CHECK(!t.reconnected);
    auto t0 = Clock::now();
    REQUIRE(run_sespm({"pledges", "set", "--project", pg::location("alice"), "--code", "E06000044", "--places", "40", "--data", data_dir()}).exit_code == 0);
    auto cli_done = Clock::now();
    t = wait(l, 3, [](const auto& a) { return !a.changes.empty(); });
    REQUIRE(t.changes.size() == 1);
    CHECK(t.changes[0].table == "pledges");
    CHECK(t.changes[0].key == "E06000044");
    CHECK(t.changes[0].who == "alice");
    CHECK(std::chrono::duration<double>(Clock::now() - cli_done).count() < 1.0);
    MESSAGE("heard " << std::chrono::duration<double, std::milli>(Clock::now() - cli_done).count() << " ms after the command ended ("
                     << std::chrono::duration<double, std::milli>(cli_done - t0).count() << " ms command)");

    REQUIRE(pg::pg_ctl("restart -m fast -w") == 0);
    t = wait(l, 10, [](const auto& a) { return a.reconnected && a.connected; });
    CHECK(t.reconnected);
    REQUIRE(t.connected);
    REQUIRE(run_sespm({"pledges", "set", "--project", pg::location("alice"), "--code", "E06000044", "--places", "41", "--data", data_dir()}).exit_code == 0);
    t = wait(l, 3, [](const auto& a) { return !a.changes.empty(); });
    REQUIRE(t.changes.size() == 1);
    CHECK(t.changes[0].who == "alice");
}
