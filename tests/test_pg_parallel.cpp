// test_pg_parallel.cpp: many planners on one shared server at once (a throwaway cluster from
// tests/pg/cluster.sh). 20 sespm-map processes set pledges on 20 districts: all 20 are kept.
// 20 processes set the pledge of one district: every writer that exited 0 left exactly one
// history entry, every other writer exited 1 naming the conflict, and the value left is the
// last recorded one. Nothing is lost silently.
#include <doctest.h>

#include <cstdlib>
#include <set>

#include "pg_helpers.h"

using namespace test;

namespace {

std::map<std::string, std::string> pledges_of(const std::string& loc) {
    auto r = run_sespm({"pledges", "list", "--project", loc, "--data", data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::map<std::string, std::string> out;
    auto rows = lines(r.out);
    for (size_t i = 1; i < rows.size(); ++i) {
        auto f = split_csv_simple(rows[i]);
        out[f[0]] = f.back();
    }
    return out;
}

} // namespace

TEST_CASE("PostgreSQL: 20 parallel writers on 20 districts keep all 20, 20 on one district lose none silently") {
    auto codes = pg::south_east_districts(20);
    pg::init_project(codes);
    std::string alice = pg::location("alice");

    std::vector<std::string> cmds;
    for (size_t i = 0; i < codes.size(); ++i)
        cmds.push_back(pg::command({"pledges", "set", "--project", alice, "--code", codes[i], "--places", std::to_string(i + 1)}));
    auto par = pg::run_parallel(cmds);
    auto pledges = pledges_of(alice);
    for (size_t i = 0; i < codes.size(); ++i) {
        CAPTURE(codes[i]);
        CAPTURE(par.err[i]);
        CHECK(par.rc[i] == 0);  // different rows never conflict
        CHECK(pledges[codes[i]] == std::to_string(i + 1));
    }

    for (int round = 0; round < 3; ++round) {
        CAPTURE(round);
        const std::string& code = codes[0];
        auto before = run_sespm({"project", "history", "--project", alice, "--code", code});
        REQUIRE(before.exit_code == 0);
        size_t history_before = lines(before.out).size();
        cmds.clear();
        for (size_t i = 0; i < 20; ++i)
            cmds.push_back(pg::command({"pledges", "set", "--project", alice, "--code", code, "--places", std::to_string(100 * (round + 1) + i)}));
        par = pg::run_parallel(cmds);
        std::set<std::string> written;
        size_t ok = 0;
        for (size_t i = 0; i < 20; ++i) {
            CAPTURE(par.err[i]);
            if (par.rc[i] == 0) { ++ok; written.insert(std::to_string(100 * (round + 1) + i)); continue; }
            CHECK(par.rc[i] == 1);
            CHECK(par.err[i].find("pledge was changed to") != std::string::npos);
            CHECK(par.err[i].find("was not saved") != std::string::npos);
        }
        CHECK(ok >= 1);
        MESSAGE(ok << " of 20 writers on one district saved; the others were refused with the conflict");
        auto after = run_sespm({"project", "history", "--project", alice, "--code", code, "--format", "json"});
        REQUIRE(after.exit_code == 0);
        auto hist = run_sespm({"project", "history", "--project", alice, "--code", code});
        auto rows = lines(hist.out);
        CHECK(rows.size() - history_before == ok);  // one entry per writer that was told it saved
        auto now = pledges_of(alice);
        CHECK(written.count(now[code]) == 1);
        CHECK(rows.back().find("\"\"places\"\":" + now[code] + "}") != std::string::npos);  // CSV doubles the quotes
        for (size_t i = 1; i < codes.size(); ++i) CHECK(now[codes[i]] == std::to_string(i + 1));  // the others untouched
    }
}

TEST_CASE("PostgreSQL: 8 parallel allocations into one scenario: each lands whole (retried when the server asks) or is refused") {
    pg::init_project(pg::south_east_districts(64));
    std::string alice = pg::location("alice");
    auto r = run_sespm({"scenario", "allocate", "--total", "500", "--rule", "equalise", "--within", "E12000008", "--project", alice, "--save", "P",
                        "--data", data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::vector<std::string> cmds;
    for (int i = 0; i < 8; ++i)
        cmds.push_back(pg::command({"scenario", "allocate", "--total", std::to_string(1000 + 100 * i), "--rule", i % 2 ? "population" : "headroom",
                                    "--within", "E12000008", "--project", alice, "--save", "P", "--replace"}));
    auto par = pg::run_parallel(cmds);
    std::set<std::string> totals;
    for (int i = 0; i < 8; ++i) {
        CAPTURE(par.err[i]);
        if (par.rc[i] == 0) totals.insert(std::to_string(1000 + 100 * i));
        else CHECK(par.err[i].find("busy") != std::string::npos);
    }
    CHECK(!totals.empty());
    std::string log = read_file(std::string(std::getenv("SESPM_PG_DIR")) + "/server.log");
    size_t retried = 0;
    for (size_t at = log.find("could not serialize access"); at != std::string::npos; at = log.find("could not serialize access", at + 1)) ++retried;
    MESSAGE(totals.size() << " of 8 allocations saved; the server asked for " << retried << " retries");
    auto show = run_sespm({"scenario", "show", "--project", alice, "--name", "P", "--data", data_dir()});
    REQUIRE(show.exit_code == 0);
    size_t at = show.err.find(" extra)");
    REQUIRE(at != std::string::npos);
    size_t open = show.err.rfind('(', at);
    std::string extra = show.err.substr(open + 1, at - open - 1);
    CHECK(totals.count(extra) == 1);  // one allocation, whole: never a mix of two
    // the notes name the same allocation as the places
    auto list = run_sespm({"scenario", "list", "--project", alice, "--data", data_dir()});
    CHECK(list.out.find("P," + extra + ",0,Allocated " + extra + " places by ") != std::string::npos);
}
