// pg_helpers.h: what the PostgreSQL tests (test_pg_*.cpp) share. They run under
// tests/pg/cluster.sh, which starts a throwaway server and sets SESPM_PG (its connection string
// without a user), SESPM_PG_SUPERUSER and SESPM_PG_CTL; without them every test fails loudly.
// A project is initialised as the superuser, then used by named users with roles.
#pragma once
#include <string>
#include <vector>

#include "helpers.h"

namespace test::pg {

// The server location as `user` ("" = the superuser).
std::string location(const std::string& user = "");
// project init as the superuser, then the admin `boss`, planners `alice` (all South East districts
// given) and `pat` (E06000044 only), and the viewer `vic`.
void init_project(const std::vector<std::string>& alice_councils);
// One SQL statement (our own text) as the superuser through psql; its output, tab-separated.
std::string sql(const std::string& statement);
// pg_ctl ARGS on the test cluster (restart, stop, start), as its owner.
int pg_ctl(const std::string& args);
// The first n South East district codes, in table order.
std::vector<std::string> south_east_districts(size_t n);
// sespm-map ARGS --data DIR as a shell command line (quoted).
std::string command(const std::vector<std::string>& args);
// Runs the commands at once; each one's exit code and stderr.
struct Parallel { std::vector<int> rc; std::vector<std::string> err; };
Parallel run_parallel(const std::vector<std::string>& commands);

} // namespace test::pg
