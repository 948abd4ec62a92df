// test_parallel_writers.cpp: two planners (or a planner and a script) on one project file. Many
// sespm-map processes write at once: 20 pledges on 20 districts, 20 scenario places on 20
// districts of one scenario, 20 first writers creating the file, and 20 writers on the same
// district, ten rounds each. Every edit must be kept, or its writer must exit non-zero with a
// message; none may be lost silently.
#include <doctest.h>

#include <map>
#include <set>

#include "helpers.h"
#include "stores/project_store.h"

using namespace sespm;

namespace {

std::vector<std::string> south_east_districts(size_t n) {
    auto r = test::run_sespm({"table", "--layer", "dispersal", "--within", "E12000008", "--data", test::data_dir()});
    REQUIRE(r.exit_code == 0);
    std::vector<std::string> out;
    auto rows = test::lines(r.out);
    for (size_t i = 1; i < rows.size() && out.size() < n; ++i) out.push_back(test::split_csv_simple(rows[i])[0]);
    REQUIRE(out.size() == n);
    return out;
}

// Runs the commands at once (one shell, all in the background); returns each exit code.
std::vector<int> run_parallel(const test::ScratchDir& d, const std::vector<std::string>& commands) {
    std::string script;
    for (size_t i = 0; i < commands.size(); ++i)
        script += "( " + commands[i] + " >/dev/null 2>" + d.file("err" + std::to_string(i)) + "; echo $? > " +
                  d.file("rc" + std::to_string(i)) + " ) &\n";
    script += "wait\n";
    test::run_shell(script);
    std::vector<int> rc;
    for (size_t i = 0; i < commands.size(); ++i) {
        std::string t = test::read_file(d.file("rc" + std::to_string(i)));
        rc.push_back(t.empty() ? -1 : std::stoi(t));
        if (rc.back() != 0) CHECK_MESSAGE(!test::read_file(d.file("err" + std::to_string(i))).empty(), "a refused writer must say why");
    }
    return rc;
}

std::string cmd(const std::vector<std::string>& args) {
    std::string c = SESPM_EXE;
    for (const auto& a : args) c += " '" + a + "'";
    return c + " --data '" + test::data_dir() + "'";
}

} // namespace

TEST_CASE("parallel writers on one project file: every edit kept or refused loudly, ten rounds") {
    auto codes = south_east_districts(20);
    for (int round = 0; round < 10; ++round) {
        CAPTURE(round);
        test::ScratchDir d;
        std::string p = d.file("p.sespm");
        // 20 first writers create the file and set 20 different pledges
        std::vector<std::string> cmds;
        for (size_t i = 0; i < codes.size(); ++i)
            cmds.push_back(cmd({"pledges", "set", "--project", p, "--code", codes[i], "--places", std::to_string(i + 1)}));
        auto rc = run_parallel(d, cmds);
        auto pledges = open_project(p, ProjectAccess::Read)->pledges();
        for (size_t i = 0; i < codes.size(); ++i) {
            CAPTURE(codes[i]);
            if (rc[i] == 0) CHECK(pledges.count(codes[i]) == 1);
            if (rc[i] == 0 && pledges.count(codes[i])) CHECK(pledges[codes[i]] == static_cast<int>(i + 1));
        }
        // 20 writers on one scenario, different districts
        REQUIRE(test::run_shell(cmd({"scenario", "create", "--project", p, "--name", "S"})).exit_code == 0);
        cmds.clear();
        for (size_t i = 0; i < codes.size(); ++i)
            cmds.push_back(cmd({"scenario", "set", "--project", p, "--name", "S", "--code", codes[i], "--places", std::to_string(10 + i)}));
        rc = run_parallel(d, cmds);
        auto sc = open_project(p, ProjectAccess::Read)->load_scenario("S");
        REQUIRE(sc);
        for (size_t i = 0; i < codes.size(); ++i)
            if (rc[i] == 0) CHECK(sc->extra_places.count(codes[i]) == 1);
        // 20 writers on the same district: the value left is one that a successful writer wrote
        cmds.clear();
        for (size_t i = 0; i < codes.size(); ++i)
            cmds.push_back(cmd({"pledges", "set", "--project", p, "--code", codes[0], "--places", std::to_string(100 + i)}));
        rc = run_parallel(d, cmds);
        std::set<int> written;
        for (size_t i = 0; i < codes.size(); ++i) if (rc[i] == 0) written.insert(static_cast<int>(100 + i));
        auto after = open_project(p, ProjectAccess::Read)->pledges();
        CHECK(written.count(after[codes[0]]) == 1);
        CHECK(after.size() == pledges.size());  // the other districts' pledges are untouched
    }
}

TEST_CASE("a project location that keeps nothing is a usage error") {
    for (std::string loc : {"", ":memory:"}) {
        CAPTURE(loc);
        auto r = test::run_sespm({"pledges", "set", "--project", loc, "--code", "E06000044", "--places", "3", "--data", test::data_dir()});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--project") != std::string::npos);
        r = test::run_sespm({"table", "--layer", "resettlement", "--project", loc, "--data", test::data_dir()});
        CHECK(r.exit_code == 2);
    }
}

TEST_CASE("a project location: SQLite URI forms and files that are not regular files are refused before opening") {
    test::ScratchDir d;
    REQUIRE(test::run_shell("mkfifo '" + d.file("pipe.sespm") + "'").exit_code == 0);
    struct Case { std::string location, says; };
    for (const Case& c : std::vector<Case>{{"file:" + d.file("x.sespm") + "?mode=memory", "SQLite URI"},
                                           {"file:" + d.file("x.sespm"), "SQLite URI"},
                                           {"FILE:" + d.file("x.sespm") + "?mode=ro", "SQLite URI"},
                                           {d.path, "a folder"},
                                           {d.file("pipe.sespm"), "named pipe"},
                                           {"/dev/null", "a device"}}) {
        CAPTURE(c.location);
        // a FIFO opened for reading would wait for a writer: the command must answer at once
        auto r = test::run_sespm({"pledges", "set", "--project", c.location, "--code", "E06000044", "--places", "3", "--data", test::data_dir()},
                                 "timeout 20");
        CHECK(r.exit_code == 2);
        CHECK_MESSAGE(r.err.find(c.says) != std::string::npos, r.err);
        CHECK_FALSE(test::file_exists(d.file("x.sespm")));
    }
}
