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
    if (!read_only_) exec("PRAGMA synchronous = FULL;");
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
