// test_pg_restart.cpp: the server restarts between edits and during a stream of edits: nothing
// a command reported saved is lost, every refused edit says why, and the next command works. A
// store kept open across a restart (the window's case) reconnects for its next edit.
#include <doctest.h>

#include <cstdlib>

#include "stores/project_store.h"
#include "pg_helpers.h"

using namespace test;

namespace {

std::string pledge_of(const std::string& list, const std::string& code) {
    for (const auto& l : lines(list))
        if (l.rfind(code + ",", 0) == 0) return split_csv_simple(l).back();
    return "";
}

} // namespace

TEST_CASE("PostgreSQL: a server restart between and during edits loses nothing") {
    auto codes = pg::south_east_districts(40);
    pg::init_project(codes);
    std::string alice = pg::location("alice");
    auto r = run_sespm({"pledges", "set", "--project", alice, "--code", codes[0], "--places", "5", "--data", data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);

    // an open store, as the window keeps one, across a restart
    auto store = sespm::open_project(alice, sespm::ProjectAccess::Write);
    CHECK(store->pledges().at(codes[0]) == 5);
    REQUIRE(pg::pg_ctl("restart -m fast -w") == 0);
    CHECK(store->pledges().at(codes[0]) == 5);   // reads reconnect
    REQUIRE(pg::pg_ctl("restart -m fast -w") == 0);
    store->set_pledge(codes[0], 6);              // and so does the next edit
    CHECK(store->pledges().at(codes[0]) == 6);

    // 40 edits one after another while the server restarts twice under them
    ScratchDir d;
    std::string script;
    for (size_t i = 0; i < codes.size(); ++i)
        script += pg::command({"pledges", "set", "--project", alice, "--code", codes[i], "--places", std::to_string(100 + i)}) + " >/dev/null 2>" +
                  d.file("err" + std::to_string(i)) + "; echo $? > " + d.file("rc" + std::to_string(i)) + "\n";
    d.write("edits.sh", script);
    run_shell("( bash '" + d.file("edits.sh") + "' & echo $! > " + d.file("pid") + " ); sleep 1; " + std::string(getenv("SESPM_PG_CTL")) +
              " restart -m fast -w >/dev/null; sleep 1; " + getenv("SESPM_PG_CTL") + " restart -m immediate -w >/dev/null; "
              "while kill -0 $(cat '" + d.file("pid") + "') 2>/dev/null; do sleep 0.1; done");
    r = run_sespm({"pledges", "list", "--project", alice, "--data", data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);   // the next command works
    size_t saved = 0, refused = 0;
    for (size_t i = 0; i < codes.size(); ++i) {
        std::string rc = read_file(d.file("rc" + std::to_string(i)));
        REQUIRE(!rc.empty());
        CAPTURE(codes[i]);
        bool present = r.out.find("\n" + codes[i] + ",") != std::string::npos &&
                       split_csv_simple(lines(r.out)[0]).size() == 3 && pledge_of(r.out, codes[i]) == std::to_string(100 + i);
        if (std::stoi(rc) == 0) {
            ++saved;
            CHECK(present);
        } else {
            ++refused;
            std::string err = read_file(d.file("err" + std::to_string(i)));
            CAPTURE(err);
            CHECK(std::stoi(rc) == 1);
            CHECK((err.find("connect") != std::string::npos || err.find("connection") != std::string::npos));
        }
    }
    MESSAGE(saved << " edits saved, " << refused << " refused during the restarts");
    CHECK(saved > 0);
    store = sespm::open_project(alice, sespm::ProjectAccess::Write);
    store->set_pledge(codes[1], 1);
    CHECK(store->pledges().at(codes[1]) == 1);
}
