// pg_history.cpp: reading the PostgreSQL project's history (written only by the record_change
// trigger), adopting a copied project's history (an admin's SECURITY DEFINER function, which
// replaces only the entries of the open transaction), and the users and their rights (the
// grant_role / revoke_role functions, which check the caller is an admin).
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "stores/pg_project_store.h"

namespace sespm::pg_store {

std::vector<HistoryEntry> PgProjectStore::history(const HistoryFilter& f) const {
    Result r = query("reading the history",
                     "SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), who, tbl, coalesce(scenario, ''), key,"
                     " coalesce(old::text, ''), coalesce(new::text, '') FROM sespm.history"
                     " WHERE ($1::text IS NULL OR key = $1) AND ($2::timestamptz IS NULL OR at >= $2::timestamptz)"
                     " AND ($3::bigint IS NULL OR id = $3::bigint) ORDER BY id",
                     {f.key, f.since, f.id ? Param(num(*f.id)) : std::nullopt});
    std::vector<HistoryEntry> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.integer(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5), canonical_json(r.text(i, 6)), canonical_json(r.text(i, 7))});
    return out;
}

void PgProjectStore::adopt_history(const std::vector<HistoryEntry>& entries) {
    if (depth_ == 0) throw ProjectError(Kind::Io, where(location_, 0, "", "adopting a history needs an open transaction (a program error)"));
    nlohmann::json all = nlohmann::json::array();
    for (const auto& e : entries) {
        nlohmann::json j = {{"id", e.id}, {"at", e.at}, {"who", e.who}, {"table", e.table}, {"key", e.key}};
        j["scenario"] = e.scenario.empty() ? nlohmann::json() : nlohmann::json(e.scenario);
        j["old"] = e.old_json.empty() ? nlohmann::json() : nlohmann::json(e.old_json);
        j["new"] = e.new_json.empty() ? nlohmann::json() : nlohmann::json(e.new_json);
        all.push_back(j);
    }
    try {
        conn_->exec("copying the history", "SELECT sespm.adopt_history($1::jsonb)", {all.dump()});
    } catch (const ProjectError& e) {
        if (e.kind == Kind::Denied) throw denied("copying the history", "copying history into a server needs the admin role");
        throw;
    }
}

std::vector<ProjectUser> PgProjectStore::users() const {
    Result r = query("reading the users", "SELECT username, role, array_to_string(councils, ',') FROM sespm.users ORDER BY username");
    std::vector<ProjectUser> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back({r.text(i, 0), r.text(i, 1), split_list(r.text(i, 2), ',')});
    return out;
}

void PgProjectStore::grant(const ProjectUser& u) {
    std::string councils = "{";
    for (const auto& c : u.councils) {
        if (c.find_first_of("{},\"\\ ") != std::string::npos)
            throw ProjectError(Kind::Io, where(location_, 0, "councils", "'" + clip(c) + "' is not a council code"));
        councils += (councils.size() > 1 ? "," : "") + c;
    }
    councils += "}";
    try {
        conn_->exec("granting the role", "SELECT sespm.grant_role($1, $2, $3::text[])", {u.name, u.role, councils});
    } catch (const ProjectError& e) {
        if (e.kind == Kind::Denied) throw denied("granting the role", "granting rights needs the admin role");
        throw;
    }
}

void PgProjectStore::revoke(const std::string& user) {
    try {
        Result r = conn_->exec("revoking the role", "SELECT sespm.revoke_role($1)", {user});
        if (r.text(0, 0) != "t") throw ProjectError(Kind::NotFound, where(location_, 0, "user", user + " has no role in this project"));
    } catch (const ProjectError& e) {
        if (e.kind == Kind::Denied) throw denied("revoking the role", "revoking rights needs the admin role");
        throw;
    }
}

} // namespace sespm::pg_store
