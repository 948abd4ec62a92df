// project_store.cpp: see project_store.h.
#include "io/project_store.h"

#include <sqlite3.h>

#include <filesystem>

#include "core/error.h"

namespace sespm {

namespace {

struct Stmt {
    sqlite3_stmt* s = nullptr;
    Stmt(sqlite3* db, const char* sql, const std::string& path) {
        if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK)
            throw DataError(where(path, 0, "", std::string("project file: ") + sqlite3_errmsg(db)));
    }
    ~Stmt() { sqlite3_finalize(s); }
};

} // namespace

void ProjectStore::exec(const char* sql) const {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string m = err ? err : sqlite3_errmsg(db_);
        sqlite3_free(err);
        throw DataError(where(path_, 0, "", "project file: " + m));
    }
}

ProjectStore::ProjectStore(const std::string& path, bool create) : path_(path) {
    try {
        open(create);
    } catch (...) {
        sqlite3_close(db_);  // a constructor that throws runs no destructor
        db_ = nullptr;
        throw;
    }
}

void ProjectStore::open(bool create) {
    const std::string& path = path_;
    namespace fs = std::filesystem;
    std::error_code ec;
    bool exists = fs::exists(path, ec);
    if (!exists && !create) throw DataError(where(path, 0, "", "the project file does not exist"));
    if (exists && fs::is_directory(path, ec)) throw DataError(where(path, 0, "", "is a directory, not a project file"));
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        sqlite3_close(db_);
        db_ = nullptr;
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            std::string m = db_ ? sqlite3_errmsg(db_) : "cannot open";
            sqlite3_close(db_);
            db_ = nullptr;
            throw DataError(where(path, 0, "", "cannot open the project file: " + m));
        }
        read_only_ = true;
    }
    sqlite3_busy_timeout(db_, 2000);
    // Is it an SQLite database at all? Reading the schema fails for other files.
    char* err = nullptr;
    int rc = sqlite3_exec(db_, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string m = err ? err : "";
        sqlite3_free(err);
        sqlite3_close(db_);
        db_ = nullptr;
        throw DataError(where(path, 0, "", "not a SESPM project: " + m));
    }
    bool has_meta = false;
    {
        Stmt st(db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'", path_);
        has_meta = sqlite3_step(st.s) == SQLITE_ROW;
    }
    bool empty = false;
    {
        Stmt st(db_, "SELECT count(*) FROM sqlite_master", path_);
        empty = sqlite3_step(st.s) == SQLITE_ROW && sqlite3_column_int(st.s, 0) == 0;
    }
    if (!has_meta) {
        if (!empty) {
            sqlite3_close(db_);
            db_ = nullptr;
            throw DataError(where(path, 0, "", "not a SESPM project (an SQLite database without the project tables)"));
        }
        if (read_only_) throw DataError(where(path, 0, "", "cannot create a project in a read-only file"));
        exec("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;"
             "BEGIN IMMEDIATE;"
             "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
             "CREATE TABLE pledges (code TEXT PRIMARY KEY, places INTEGER NOT NULL CHECK (places >= 0));"
             "INSERT INTO meta VALUES ('application', 'sespm-map');"
             "INSERT INTO meta VALUES ('schema_version', '1');"
             "COMMIT;");
    }
    int version = 0;
    {
        Stmt st(db_, "SELECT value FROM meta WHERE key = 'schema_version'", path_);
        if (sqlite3_step(st.s) == SQLITE_ROW) version = sqlite3_column_int(st.s, 0);
    }
    if (version <= 0) throw DataError(where(path, 0, "schema_version", "not a SESPM project (no schema version)"));
    if (version > kProjectSchemaVersion)
        throw DataError(where(path, 0, "schema_version", "the project was written by a newer SESPM Map (schema " +
                                                             std::to_string(version) + "; this program reads up to " +
                                                             std::to_string(kProjectSchemaVersion) + ")"));
    if (!read_only_) {
        exec("PRAGMA synchronous = FULL;");
        if (version < kProjectSchemaVersion) upgrade_schema(version);
        version = kProjectSchemaVersion;
    }
    version_ = version;
}

void ProjectStore::upgrade_schema(int from) {
    exec("BEGIN IMMEDIATE");
    try {
        if (from < 2) {
            exec("CREATE TABLE scenarios (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
                 " critical_mass INTEGER NOT NULL DEFAULT 0, notes TEXT NOT NULL DEFAULT '');"
                 "CREATE TABLE scenario_places (scenario_id INTEGER NOT NULL, code TEXT NOT NULL,"
                 " places INTEGER NOT NULL, PRIMARY KEY (scenario_id, code));"
                 "CREATE TABLE scenario_ratios (scenario_id INTEGER NOT NULL, code TEXT NOT NULL,"
                 " ratio REAL NOT NULL, PRIMARY KEY (scenario_id, code));"
                 "CREATE TABLE scenario_clusters (scenario_id INTEGER NOT NULL, position INTEGER NOT NULL,"
                 " name TEXT NOT NULL, codes TEXT NOT NULL, PRIMARY KEY (scenario_id, position));");
        }
        exec("UPDATE meta SET value = '2' WHERE key = 'schema_version'");
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

long long ProjectStore::scenario_id(const std::string& name) const {
    Stmt st(db_, "SELECT id FROM scenarios WHERE name = ?1", path_);
    sqlite3_bind_text(st.s, 1, name.c_str(), -1, SQLITE_TRANSIENT);
    return sqlite3_step(st.s) == SQLITE_ROW ? sqlite3_column_int64(st.s, 0) : -1;
}

std::vector<std::string> ProjectStore::scenario_names() const {
    std::vector<std::string> out;
    if (version_ < 2) return out;  // a read-only schema 1 file has no scenarios
    Stmt st(db_, "SELECT name FROM scenarios ORDER BY name", path_);
    while (sqlite3_step(st.s) == SQLITE_ROW) out.push_back(reinterpret_cast<const char*>(sqlite3_column_text(st.s, 0)));
    return out;
}

std::optional<Scenario> ProjectStore::load_scenario(const std::string& name) const {
    if (version_ < 2) return std::nullopt;
    Scenario sc;
    long long id = -1;
    {
        Stmt st(db_, "SELECT id, name, critical_mass, notes FROM scenarios WHERE name = ?1", path_);
        sqlite3_bind_text(st.s, 1, name.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st.s) != SQLITE_ROW) return std::nullopt;
        id = sqlite3_column_int64(st.s, 0);
        sc.name = reinterpret_cast<const char*>(sqlite3_column_text(st.s, 1));
        sc.critical_mass = sqlite3_column_int64(st.s, 2);
        sc.notes = reinterpret_cast<const char*>(sqlite3_column_text(st.s, 3));
    }
    {
        Stmt st(db_, "SELECT code, places FROM scenario_places WHERE scenario_id = ?1", path_);
        sqlite3_bind_int64(st.s, 1, id);
        while (sqlite3_step(st.s) == SQLITE_ROW)
            sc.extra_places[reinterpret_cast<const char*>(sqlite3_column_text(st.s, 0))] = sqlite3_column_int64(st.s, 1);
    }
    {
        Stmt st(db_, "SELECT code, ratio FROM scenario_ratios WHERE scenario_id = ?1", path_);
        sqlite3_bind_int64(st.s, 1, id);
        while (sqlite3_step(st.s) == SQLITE_ROW)
            sc.ratio_overrides[reinterpret_cast<const char*>(sqlite3_column_text(st.s, 0))] = sqlite3_column_double(st.s, 1);
    }
    {
        Stmt st(db_, "SELECT name, codes FROM scenario_clusters WHERE scenario_id = ?1 ORDER BY position", path_);
        sqlite3_bind_int64(st.s, 1, id);
        while (sqlite3_step(st.s) == SQLITE_ROW) {
            Cluster c;
            c.name = reinterpret_cast<const char*>(sqlite3_column_text(st.s, 0));
            std::string codes = reinterpret_cast<const char*>(sqlite3_column_text(st.s, 1)), cur;
            for (char ch : codes + ";") {
                if (ch == ';') { if (!cur.empty()) c.districts.push_back(cur); cur.clear(); }
                else cur += ch;
            }
            sc.clusters.push_back(std::move(c));
        }
    }
    return sc;
}

void ProjectStore::save_scenario(const Scenario& sc) {
    if (read_only_ || version_ < 2) throw DataError(where(path_, 0, "", "the project file is read-only; the scenario was not saved"));
    if (sc.name.empty()) throw DataError(where(path_, 0, "name", "a scenario needs a name"));
    exec("BEGIN IMMEDIATE");
    try {
        long long id = scenario_id(sc.name);
        if (id < 0) {
            Stmt st(db_, "INSERT INTO scenarios (name, critical_mass, notes) VALUES (?1, ?2, ?3)", path_);
            sqlite3_bind_text(st.s, 1, sc.name.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(st.s, 2, sc.critical_mass);
            sqlite3_bind_text(st.s, 3, sc.notes.c_str(), -1, SQLITE_TRANSIENT);
            if (sqlite3_step(st.s) != SQLITE_DONE) throw DataError(where(path_, 0, "scenarios", sqlite3_errmsg(db_)));
            id = sqlite3_last_insert_rowid(db_);
        } else {
            Stmt st(db_, "UPDATE scenarios SET critical_mass = ?2, notes = ?3 WHERE id = ?1", path_);
            sqlite3_bind_int64(st.s, 1, id);
            sqlite3_bind_int64(st.s, 2, sc.critical_mass);
            sqlite3_bind_text(st.s, 3, sc.notes.c_str(), -1, SQLITE_TRANSIENT);
            if (sqlite3_step(st.s) != SQLITE_DONE) throw DataError(where(path_, 0, "scenarios", sqlite3_errmsg(db_)));
        }
        for (const char* table : {"scenario_places", "scenario_ratios", "scenario_clusters"}) {
            std::string sql = std::string("DELETE FROM ") + table + " WHERE scenario_id = ?1";  // table names are ours
            Stmt st(db_, sql.c_str(), path_);
            sqlite3_bind_int64(st.s, 1, id);
            sqlite3_step(st.s);
        }
        {
            Stmt st(db_, "INSERT INTO scenario_places (scenario_id, code, places) VALUES (?1, ?2, ?3)", path_);
            for (const auto& [code, n] : sc.extra_places) {
                sqlite3_reset(st.s);
                sqlite3_bind_int64(st.s, 1, id);
                sqlite3_bind_text(st.s, 2, code.c_str(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_int64(st.s, 3, n);
                if (sqlite3_step(st.s) != SQLITE_DONE) throw DataError(where(path_, 0, "scenario_places", sqlite3_errmsg(db_)));
            }
        }
        {
            Stmt st(db_, "INSERT INTO scenario_ratios (scenario_id, code, ratio) VALUES (?1, ?2, ?3)", path_);
            for (const auto& [code, r] : sc.ratio_overrides) {
                sqlite3_reset(st.s);
                sqlite3_bind_int64(st.s, 1, id);
                sqlite3_bind_text(st.s, 2, code.c_str(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_double(st.s, 3, r);
                if (sqlite3_step(st.s) != SQLITE_DONE) throw DataError(where(path_, 0, "scenario_ratios", sqlite3_errmsg(db_)));
            }
        }
        {
            Stmt st(db_, "INSERT INTO scenario_clusters (scenario_id, position, name, codes) VALUES (?1, ?2, ?3, ?4)", path_);
            int pos = 0;
            for (const auto& c : sc.clusters) {
                std::string codes;
                for (const auto& d : c.districts) codes += (codes.empty() ? "" : ";") + d;
                sqlite3_reset(st.s);
                sqlite3_bind_int64(st.s, 1, id);
                sqlite3_bind_int(st.s, 2, pos++);
                sqlite3_bind_text(st.s, 3, c.name.c_str(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(st.s, 4, codes.c_str(), -1, SQLITE_TRANSIENT);
                if (sqlite3_step(st.s) != SQLITE_DONE) throw DataError(where(path_, 0, "scenario_clusters", sqlite3_errmsg(db_)));
            }
        }
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void ProjectStore::delete_scenario(const std::string& name) {
    if (read_only_) throw DataError(where(path_, 0, "", "the project file is read-only"));
    exec("BEGIN IMMEDIATE");
    try {
        long long id = scenario_id(name);
        if (id < 0) throw DataError(where(path_, 0, "name", "no scenario is called '" + name + "'"));
        for (const char* table : {"scenario_places", "scenario_ratios", "scenario_clusters"}) {
            std::string sql = std::string("DELETE FROM ") + table + " WHERE scenario_id = ?1";
            Stmt st(db_, sql.c_str(), path_);
            sqlite3_bind_int64(st.s, 1, id);
            sqlite3_step(st.s);
        }
        Stmt st(db_, "DELETE FROM scenarios WHERE id = ?1", path_);
        sqlite3_bind_int64(st.s, 1, id);
        sqlite3_step(st.s);
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void ProjectStore::rename_scenario(const std::string& from, const std::string& to) {
    if (read_only_) throw DataError(where(path_, 0, "", "the project file is read-only"));
    if (to.empty()) throw DataError(where(path_, 0, "name", "a scenario needs a name"));
    long long id = scenario_id(from);
    if (id < 0) throw DataError(where(path_, 0, "name", "no scenario is called '" + from + "'"));
    if (scenario_id(to) >= 0) throw DataError(where(path_, 0, "name", "a scenario called '" + to + "' exists already"));
    Stmt st(db_, "UPDATE scenarios SET name = ?2 WHERE id = ?1", path_);
    sqlite3_bind_int64(st.s, 1, id);
    sqlite3_bind_text(st.s, 2, to.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st.s) != SQLITE_DONE) throw DataError(where(path_, 0, "scenarios", sqlite3_errmsg(db_)));
}

ProjectStore::~ProjectStore() { sqlite3_close(db_); }

std::map<std::string, int> ProjectStore::pledges() const {
    std::map<std::string, int> out;
    Stmt st(db_, "SELECT code, places FROM pledges ORDER BY code", path_);
    int rc;
    while ((rc = sqlite3_step(st.s)) == SQLITE_ROW)
        out[reinterpret_cast<const char*>(sqlite3_column_text(st.s, 0))] = sqlite3_column_int(st.s, 1);
    if (rc != SQLITE_DONE) throw DataError(where(path_, 0, "pledges", std::string("cannot read: ") + sqlite3_errmsg(db_)));
    return out;
}

void ProjectStore::save_pledges(const std::map<std::string, int>& pledges) {
    if (read_only_) throw DataError(where(path_, 0, "", "the project file is read-only; changes were not saved"));
    exec("BEGIN IMMEDIATE");
    try {
        exec("DELETE FROM pledges");
        Stmt st(db_, "INSERT INTO pledges (code, places) VALUES (?1, ?2)", path_);
        for (const auto& [code, places] : pledges) {
            if (places < 0) throw DataError(where(path_, 0, "places", "a pledge cannot be negative (" + code + ")"));
            sqlite3_reset(st.s);
            sqlite3_bind_text(st.s, 1, code.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(st.s, 2, places);
            if (sqlite3_step(st.s) != SQLITE_DONE)
                throw DataError(where(path_, 0, "pledges", std::string("cannot save: ") + sqlite3_errmsg(db_)));
        }
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

} // namespace sespm
