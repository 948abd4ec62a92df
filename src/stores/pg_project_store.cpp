// pg_project_store.cpp: opening a PostgreSQL project (schema check, who the user is and what
// role they have), transactions (REPEATABLE READ, retried on serialization failure by write()
// and run_transaction), the versioned single-row write every edit uses (UPDATE ... WHERE key AND
// version = what this store read; zero rows is told apart as a conflict or a refused right by
// re-reading the row), and the pledge and trigger rows. Only bound parameters reach the server.
#include "stores/pg_project_store.h"

#include <climits>

#include "core/text.h"

namespace sespm::pg_store {

namespace {


std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
}

} // namespace

PgProjectStore::PgProjectStore(const std::string& location, bool) : location_(location) {
    conn_ = std::make_unique<Connection>(location);
}

PgProjectStore::PgProjectStore(const std::string& location, ProjectAccess) : PgProjectStore(location, true) {
    try {
        check_schema();
    } catch (const ProjectError& e) {
        if (e.kind != Kind::Denied) throw;
        user_ = query("opening the project", "SELECT session_user").text(0, 0);
        throw denied("opening the project", "reading it");  // no role: not even the schema is theirs to read
    }
    read_rights();
}

std::string PgProjectStore::init(const std::string& location) {
    PgProjectStore s(location, true);
    return s.init_schema();
}

ProjectError PgProjectStore::newer_error(int version) const {
    return ProjectError(Kind::Newer, where(location_, 0, "schema_version", "the project was written by a newer SESPM Map (schema " +
                                                                              std::to_string(version) + "; this program reads up to " +
                                                                              std::to_string(kPgSchemaVersion) + ")"));
}

void PgProjectStore::check_schema() {
    Result r = query("opening the project", "SELECT to_regclass('sespm.meta') IS NOT NULL");
    if (r.text(0, 0) != "t")
        throw ProjectError(Kind::NotAProject, where(location_, 0, "", "no SESPM project in this database; an admin creates it with: "
                                                                      "sespm-map project init --project LOCATION"));
    Result v = query("opening the project", "SELECT value FROM sespm.meta WHERE key = 'schema_version'");
    int version = v.rows() ? std::atoi(v.text(0, 0).c_str()) : 0;
    if (version <= 0) throw ProjectError(Kind::NotAProject, where(location_, 0, "schema_version", "not a SESPM project (no schema version)"));
    if (version > kPgSchemaVersion) throw newer_error(version);
    if (version < kPgSchemaVersion)
        throw ProjectError(Kind::Io, where(location_, 0, "schema_version", "the project on the server is at schema " + std::to_string(version) +
                                                                              ", from an earlier SESPM Map; an admin upgrades it, keeping everything, with: "
                                                                              "sespm-map project init --project LOCATION (as a superuser)"));
}

void PgProjectStore::read_rights() {
    Result r = query("opening the project",
                     "SELECT session_user, coalesce(sespm.my_role(), ''), coalesce((SELECT array_to_string(councils, ',') FROM sespm.users"
                     " WHERE username = session_user), ''), (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = session_user)"
                     " OR pg_has_role(session_user, 'sespm_owner', 'MEMBER')");
    user_ = r.text(0, 0);
    role_ = r.text(0, 1);
    councils_ = split_list(r.text(0, 2), ',');
    bypasses_rls_ = r.text(0, 3) == "t";
}

// A read outside a transaction survives one lost connection (a server restart): reconnect once.
Result PgProjectStore::query(const std::string& doing, const char* sql, const Params& p) const {
    try {
        return conn_->exec(doing, sql, p);
    } catch (const ProjectError& e) {
        if (depth_ > 0 || conn_->ok() || !conn_->reconnect()) throw;
        return conn_->exec(doing, sql, p);
    }
}

std::unique_ptr<ProjectStore::Transaction> PgProjectStore::transaction() {
    require_writable("saving");
    return std::make_unique<PgTransaction>(*this);
}

void PgProjectStore::begin() {
    if (depth_++ > 0) return;
    failed_ = false;
    seen_.rolled_back();
    try {
        if (!conn_->ok() && !conn_->reconnect())
            throw ProjectError(Kind::Io, where(location_, 0, "", "the connection to the server is lost and reconnecting failed; nothing was saved"));
        try {
            conn_->script("saving", "BEGIN ISOLATION LEVEL REPEATABLE READ");
        } catch (const ProjectError&) {  // a server restart since the last call: nothing was sent yet
            if (conn_->ok() || !conn_->reconnect()) throw;
            conn_->script("saving", "BEGIN ISOLATION LEVEL REPEATABLE READ");
        }
    } catch (...) {
        depth_ = 0;
        throw;
    }
}

void PgProjectStore::commit() {
    if (--depth_ > 0) return;
    if (failed_) {
        PQclear(PQexec(conn_->raw(), "ROLLBACK"));
        throw ProjectError(Kind::Io, where(location_, 0, "", "a part of the change failed; nothing was saved"));
    }
    try {
        conn_->script("saving", "COMMIT");
    } catch (const ProjectError& e) {
        if (!conn_->ok())  // the COMMIT may or may not have reached the server
            throw ProjectError(Kind::Io, where(location_, 0, "", "the connection was lost while committing: the edit may or may not "
                                                                  "be saved; check with the list command before trying again"));
        PQclear(PQexec(conn_->raw(), "ROLLBACK"));
        throw;
    }
    seen_.committed();
}

void PgProjectStore::rollback() noexcept {
    if (depth_ <= 0) return;
    if (--depth_ > 0) { failed_ = true; return; }
    seen_.rolled_back();
    if (conn_->ok()) PQclear(PQexec(conn_->raw(), "ROLLBACK"));
}

void PgProjectStore::require_writable(const std::string& doing) const {
    if (bypasses_rls_)
        throw ProjectError(Kind::Denied, where(location_, 0, "", doing + " was refused: you are connected as " + user_ +
                                                                     ", a superuser or the tables' owner, whom the project's rights do "
                                                                     "not bind; connect as a user given a role (sespm-map project grant)"));
}

ProjectError PgProjectStore::denied(const std::string& doing, const std::string& what) const {
    std::string who = "you (" + user_ + ") ";
    std::string right;
    if (role_.empty()) right = who + "have no role in this project; an admin gives one with sespm-map project grant";
    else if (role_ == "viewer") right = who + "are a viewer: a viewer reads the project but may not change it";
    else if (role_ == "planner") right = who + "are a planner for " + (councils_.empty() ? std::string("no council") : joined(councils_)) +
                                          ": a planner changes pledges and triggers of their own councils only (" + what + ")";
    else right = who + "lack the right (" + what + ")";
    return ProjectError(Kind::Denied, where(location_, 0, "", doing + " was refused: " + right + "; nothing was saved"));
}

void PgProjectStore::checked_write(const RowSql& q, const Params& keys, const Param& value, const std::string& what,
                                   const std::string& key, const std::string& doing) {
    std::string table = q.what + std::string("/") + (keys.size() > 1 ? *keys[0] : "");
    write(doing, [&] {
        std::optional<long long> expected = seen_.get(table, *keys.back());
        if (!expected) {  // never read: what is there now is what the edit replaces
            Result cur = conn_->exec(doing, q.read, keys);
            expected = cur.rows() ? cur.integer(0, 1) : 0;
        }
        Params p = keys;
        long long now = 0;
        try {
            if (!value) {
                if (*expected == 0) {
                    if (conn_->exec(doing, q.read, keys).rows()) refused(q, keys, expected, value, what, key, doing);
                    return;
                }
                p.push_back(num(*expected));
                if (conn_->exec(doing, q.remove, p).rows() == 0) refused(q, keys, expected, value, what, key, doing);
            } else {
                p.push_back(value);
                if (*expected != 0) p.push_back(num(*expected));
                Result r = conn_->exec(doing, *expected == 0 ? q.insert : q.update, p);
                if (r.rows() == 0) refused(q, keys, expected, value, what, key, doing);
                now = r.integer(0, 0);
            }
        } catch (const ProjectError& e) {
            if (e.kind == Kind::Denied) throw denied(doing, what + " of " + key);
            throw;
        }
        seen_.wrote(table, *keys.back(), now);
    });
}

// Zero rows: someone changed the row first (its version moved), or (a refusal the server did not
// word) the row is as read: re-read to tell them apart.
void PgProjectStore::refused(const RowSql& q, const Params& keys, std::optional<long long> expected, const Param& yours,
                             const std::string& what, const std::string& key, const std::string& doing) {
    Result cur = conn_->exec(doing, q.read, keys);
    long long version = cur.rows() ? cur.integer(0, 1) : 0;
    if (expected && version == *expected) throw denied(doing, what + " of " + key);
    ConflictInfo c;
    c.what = what;
    c.key = key;
    c.yours = yours.value_or("");
    if (cur.rows()) {
        c.theirs = cur.text(0, 0);
        c.by = cur.text(0, 2);
        c.at = cur.text(0, 3);
    }
    throw ProjectError(location_, c);
}

std::map<std::string, int> PgProjectStore::pledges() const {
    std::map<std::string, int> out;
    Result r = query("reading the pledges", "SELECT code, places, version FROM sespm.pledges ORDER BY code");
    std::string table = "pledge/";
    for (int i = 0; i < r.rows(); ++i) {
        out[r.text(i, 0)] = static_cast<int>(r.integer(i, 1));
        seen_.saw(table, r.text(i, 0), r.integer(i, 2));
    }
    seen_.saw_all(table);
    return out;
}

std::map<std::string, double> PgProjectStore::triggers() const {
    std::map<std::string, double> out;
    Result r = query("reading the triggers", "SELECT key, pct, version FROM sespm.triggers ORDER BY key");
    std::string table = "trigger/";
    for (int i = 0; i < r.rows(); ++i) {
        out[r.text(i, 0)] = r.real(i, 1);
        seen_.saw(table, r.text(i, 0), r.integer(i, 2));
    }
    seen_.saw_all(table);
    return out;
}

} // namespace sespm::pg_store
