// cmd_project.cpp: `sespm-map project init|history|restore|grant|revoke|users|copy`: the project
// store itself (an SQLite file or a PostgreSQL server): its schema, its history of changes, who
// may do what on a server, and copying a whole project between a file and a server.
#include <iostream>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/error.h"
#include "core/text.h"
#include "map/project_admin.h"

namespace sespm {

static const char* kProjectHelp = R"(usage: sespm-map project init    --project LOC
       sespm-map project history --project LOC [--code CODE] [--since DATE] [--format csv|json]
       sespm-map project restore --project LOC --change ID
       sespm-map project grant   --project LOC --user NAME --role viewer|planner|admin [--councils CODE,...]
       sespm-map project revoke  --project LOC --user NAME
       sespm-map project users   --project LOC
       sespm-map project copy    --from LOC --to LOC

LOC is a project file (SQLite) or a PostgreSQL server: a postgresql:// URI or a libpq keyword
string (service=sespm, "host=db.example dbname=sespm sslmode=verify-full"). Passwords never go
on the command line: ~/.pgpass (or PGPASSFILE) and pg_service.conf keep them.
init creates the project or upgrades it (one transaction; on a server as a superuser: PostGIS,
the roles sespm_viewer, sespm_planner, sespm_admin and the schema sespm). history lists every
recorded change: id,at,who,table,scenario,key,old,new (old and new rows as JSON). restore reverts
one change (recorded as a change itself). grant, revoke and users manage the rights on a server
(an admin's commands): a viewer reads, a planner edits scenarios and the pledges and triggers of
their councils, an admin edits everything and grants rights. copy copies pledges, scenarios,
triggers and history into an empty project (file to server, server to file).
)";

namespace {

void check_since(const std::string& since) {
    bool ok = since.size() >= 10 && since[4] == '-' && since[7] == '-';
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) ok = ok && i < since.size() && std::isdigit(static_cast<unsigned char>(since[i]));
    if (!ok) throw UsageError("--since " + clip(since) + ": a date, YYYY-MM-DD (or an ISO time, 2026-12-01T14:00:00Z)");
}

int project_history(const Args& a) {
    HistoryFilter f;
    f.key = a.get("--code");
    f.since = a.get("--since");
    if (f.since) check_since(*f.since);
    std::string format = format_option(a);
    auto store = open_project(a.require("--project", "project history"), ProjectAccess::Read);
    std::vector<std::vector<Cell>> rows;
    for (const auto& e : store->history(f))
        rows.push_back({Cell::of_num(static_cast<double>(e.id), 0), Cell::of_text(e.at), Cell::of_text(e.who), Cell::of_text(e.table),
                        Cell::of_text(e.scenario), Cell::of_text(e.key), Cell::of_text(e.old_json), Cell::of_text(e.new_json)});
    write_table(std::cout, format, {"id", "at", "who", "table", "scenario", "key", "old", "new"}, rows);
    return 0;
}

int project_restore(const Args& a) {
    std::string loc = a.require("--project", "project restore");
    a.require("--change", "project restore");
    int id = a.integer("--change", 0);
    if (id <= 0) throw UsageError("--change " + clip(*a.get("--change")) + ": a change id from project history (a whole number)");
    auto store = open_project(loc, ProjectAccess::Write);
    restore_change(*store, id);
    std::cerr << "restored change " << id << " in " << loc << " (recorded in the history as a change of its own)\n";
    return 0;
}

// E06, E07, E08 or E09 and six digits: a district (unitary, non-metropolitan, metropolitan, London).
static bool is_district_code(const std::string& c) {
    if (c.size() != 9 || c[0] != 'E' || c[1] != '0' || c[2] < '6' || c[2] > '9') return false;
    for (size_t i = 3; i < 9; ++i) if (c[i] < '0' || c[i] > '9') return false;
    return true;
}

int project_grant(const Args& a, bool grant) {
    std::string what = grant ? "project grant" : "project revoke";
    std::string loc = a.require("--project", what);
    ProjectUser u;
    u.name = a.require("--user", what);
    if (u.name.empty()) throw UsageError("--user: a database user name");
    if (grant) {
        u.role = a.require("--role", what);
        if (u.role != "viewer" && u.role != "planner" && u.role != "admin") throw UsageError("--role " + clip(u.role) + ": viewer, planner or admin");
        if (auto c = a.get("--councils")) u.councils = split_list(*c, ',');
        for (const auto& c : u.councils)  // the server checks again; "%" or a quote never reaches it
            if (!is_district_code(c))
                throw UsageError("--councils: council '" + clip(c) + "': a council is a district code (E06, E07, E08 or E09 and six digits, e.g. E06000044)");
        if (u.role == "planner" && u.councils.empty()) throw UsageError("--councils: a planner needs their council codes (e.g. E06000044,E07000085)");
        if (u.role != "planner" && !u.councils.empty()) throw UsageError("--councils: only a planner has councils (a " + u.role + " has rights everywhere or nowhere)");
    }
    auto store = open_project(loc, ProjectAccess::Write);
    if (grant) rights_of(*store).grant(u);
    else rights_of(*store).revoke(u.name);
    std::cerr << (grant ? "granted " + u.role + " to " : "revoked the role of ") << printable(u.name) << " in " << loc << "\n";
    return 0;
}

int project_users(const Args& a) {
    auto store = open_project(a.require("--project", "project users"), ProjectAccess::Read);
    std::vector<std::vector<Cell>> rows;
    for (const auto& u : rights_of(*store).users()) {
        std::string councils;
        for (const auto& c : u.councils) councils += (councils.empty() ? "" : ";") + c;
        rows.push_back({Cell::of_text(u.name), Cell::of_text(u.role), Cell::of_text(councils)});
    }
    write_table(std::cout, format_option(a), {"user", "role", "councils"}, rows);
    return 0;
}

int project_copy(const Args& a) {
    std::string from = a.require("--from", "project copy"), to = a.require("--to", "project copy");
    if (from == to) throw UsageError("--to: the same project as --from");
    auto src = open_project(from, ProjectAccess::Read);
    auto dst = open_project(to, ProjectAccess::Write);
    CopyCounts n = copy_project(*src, *dst);
    std::cerr << "copied " << n.pledges << " pledges, " << n.scenarios << " scenarios, " << n.triggers << " triggers and " << n.history
              << " history entries from " << from << " to " << to << "\n";
    return 0;
}

} // namespace

int cmd_project(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, {"--project", "--code", "--since", "--format", "--change", "--user", "--role", "--councils", "--from", "--to"}, {}, "project");
    if (a.has("--help") || a.positional.empty()) {
        std::cout << kProjectHelp;
        return a.has("--help") ? 0 : 2;
    }
    if (a.positional.size() > 1) throw UsageError("project: unexpected argument '" + clip(a.positional[1]) + "'");
    const std::string& what = a.positional[0];
    if (what == "init") {
        std::string loc = a.require("--project", "project init");
        std::cerr << init_project(loc) << " (" << loc << ")\n";
        return 0;
    }
    if (what == "history") return project_history(a);
    if (what == "restore") return project_restore(a);
    if (what == "grant" || what == "revoke") return project_grant(a, what == "grant");
    if (what == "users") return project_users(a);
    if (what == "copy") return project_copy(a);
    throw UsageError("project: unknown action '" + clip(what) + "' (init, history, restore, grant, revoke, users, copy)");
}

} // namespace sespm
