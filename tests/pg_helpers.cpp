// pg_helpers.cpp: see pg_helpers.h.
#include "pg_helpers.h"

#include <doctest.h>

#include <cstdlib>

namespace test::pg {

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    REQUIRE_MESSAGE(v != nullptr, name << " is not set: the PostgreSQL tests run under tests/pg/cluster.sh (ctest does that)");
    return v;
}

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) { if (c == '\'') q += "'\\''"; else q += c; }
    return q + "'";
}

} // namespace

std::string location(const std::string& user) { return env("SESPM_PG") + " user=" + (user.empty() ? env("SESPM_PG_SUPERUSER") : user); }

std::string sql(const std::string& statement) {
    auto r = run_shell("psql -X -q -A -t -F '\t' -v ON_ERROR_STOP=1 " + quote(location()) + " -c " + quote(statement));
    REQUIRE_MESSAGE(r.exit_code == 0, "psql failed: " << statement);
    return r.out;
}

int pg_ctl(const std::string& args) { return run_shell(env("SESPM_PG_CTL") + " " + args).exit_code; }

std::string command(const std::vector<std::string>& args) {
    std::string c = quote(SESPM_EXE);
    for (const auto& a : args) c += " " + quote(a);
    return c + " --data " + quote(data_dir());
}

void init_project(const std::vector<std::string>& alice_councils) {
    // each test case starts from an empty database (the roles are the cluster's and are reused)
    std::string maintenance = location() + " dbname=postgres";
    REQUIRE(run_shell("psql -X -q -v ON_ERROR_STOP=1 " + quote(maintenance) + " -c 'DROP DATABASE IF EXISTS sespm WITH (FORCE)' -c 'CREATE DATABASE sespm'").exit_code == 0);
    auto r = run_sespm({"project", "init", "--project", location()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::string councils;
    for (const auto& c : alice_councils) councils += (councils.empty() ? "" : ",") + c;
    REQUIRE(run_sespm({"project", "grant", "--project", location(), "--user", "boss", "--role", "admin"}).exit_code == 0);
    for (const std::vector<std::string>& g : {std::vector<std::string>{"alice", "planner", councils}, {"pat", "planner", "E06000044"}, {"vic", "viewer", ""}}) {
        std::vector<std::string> args{"project", "grant", "--project", location("boss"), "--user", g[0], "--role", g[1]};
        if (!g[2].empty()) { args.push_back("--councils"); args.push_back(g[2]); }
        r = run_sespm(args);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
}

std::vector<std::string> south_east_districts(size_t n) {
    auto r = run_sespm({"table", "--layer", "dispersal", "--within", "E12000008", "--data", data_dir()});
    REQUIRE(r.exit_code == 0);
    std::vector<std::string> out;
    auto rows = lines(r.out);
    for (size_t i = 1; i < rows.size() && out.size() < n; ++i) out.push_back(split_csv_simple(rows[i])[0]);
    REQUIRE(out.size() == n);
    return out;
}

Parallel run_parallel(const std::vector<std::string>& commands) {
    ScratchDir d;
    std::string script;
    for (size_t i = 0; i < commands.size(); ++i)
        script += "( " + commands[i] + " >/dev/null 2>" + d.file("err" + std::to_string(i)) + "; echo $? > " + d.file("rc" + std::to_string(i)) + " ) &\n";
    script += "wait\n";
    run_shell(script);
    Parallel p;
    for (size_t i = 0; i < commands.size(); ++i) {
        std::string t = read_file(d.file("rc" + std::to_string(i)));
        p.rc.push_back(t.empty() ? -1 : std::stoi(t));
        p.err.push_back(read_file(d.file("err" + std::to_string(i))));
    }
    return p;
}

} // namespace test::pg
