// sqlite_project_store.cpp: the project file, an SQLite database with a schema version (schema 4;
// a schema 1, 2 or 3 file is upgraded in place when opened for writing), its pledge and trigger rows. Every write is one
// BEGIN IMMEDIATE transaction with full synchronous writes and row-level statements, so a
// killed process leaves the last completed write and parallel writers keep every edit or are
// refused loudly after the busy timeout. User values are always bound parameters.
#include "stores/sqlite_project_store.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "core/bad_rows.h"
#include "core/output_file.h"
#include "core/input_files.h"

namespace sespm {

namespace sqlite_store {

namespace {

} // namespace

ProjectError sqlite_error(sqlite3* db, const std::string& path, const std::string& doing) {
    int rc = sqlite3_extended_errcode(db);
    int primary = rc & 0xff;
    std::string m = sqlite3_errmsg(db);
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return ProjectError(Kind::Busy, where(path, 0, "", doing + ": the project is busy (another program kept it locked for " +
                                                                std::to_string(kBusyTimeoutMs / 1000) + " s); nothing was saved, try again"));
    if (primary == SQLITE_READONLY)
        return ProjectError(Kind::ReadOnly, where(path, 0, "", doing + ": the project file or its folder is read-only; nothing was saved"));
    if (primary == SQLITE_FULL)
        return ProjectError(Kind::Io, where(path, 0, "", doing + ": no space left on device; nothing was saved"));
    if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
        return ProjectError(Kind::NotAProject, where(path, 0, "", "not a SESPM project: " + m));
    return ProjectError(Kind::Io, where(path, 0, "", doing + ": " + m));
}

void Stmt::fail(const std::string& what) const { throw sqlite_error(db_, path_, what); }


// A project opened for writing must be writable, and so must its folder (SQLite keeps its
// journal there): said plainly before SQLite says "attempt to write a readonly database". Root
// can write a file of mode 444; the mode is respected all the same.
static void refuse_unwritable(const std::string& path, bool exists) {
    try {
        check_folder_writable(path);
    } catch (const DataError& e) {
        throw ProjectError(Kind::ReadOnly, std::string(e.what()) + "; nothing was saved");
    }
    struct stat st {};
    if (exists && ::stat(path.c_str(), &st) == 0 && ((st.st_mode & 0222) == 0 || ::access(path.c_str(), W_OK) != 0)) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%03o", st.st_mode & 0777);
        throw ProjectError(Kind::ReadOnly, where(path, 0, "", std::string("the project file is read-only (mode ") + mode + "); nothing was saved"));
    }
}

SqliteProjectStore::SqliteProjectStore(const std::string& path, ProjectAccess access) : path_(path) {
    try {
        open(access);
    } catch (...) {
        sqlite3_close(db_);  // a constructor that throws runs no destructor
        db_ = nullptr;
        throw;
    }
}

void SqliteProjectStore::exec(const char* sql, const std::string& doing) const {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) throw sqlite_error(db_, path_, doing);
}

void SqliteProjectStore::open(ProjectAccess access) {
    namespace fs = std::filesystem;
    std::error_code ec;
    bool exists = fs::exists(path_, ec);
    bool create = access == ProjectAccess::Write;
    if (!exists && !create) throw ProjectError(Kind::NotFound, where(path_, 0, "", "the project file does not exist"));
    if (exists && fs::is_directory(path_, ec)) throw ProjectError(Kind::NotAProject, where(path_, 0, "", "is a directory, not a project file"));
    if (create) refuse_unwritable(path_, exists);
    int flags = (create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READWRITE);
    if (sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        sqlite3_close(db_);
        db_ = nullptr;
        if (!exists) throw ProjectError(Kind::ReadOnly, where(path_, 0, "", "cannot create the project file (a read-only folder?)"));
        if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            throw ProjectError(Kind::Io, where(path_, 0, "", std::string("cannot open the project file: ") + (db_ ? sqlite3_errmsg(db_) : "")));
        read_only_ = true;
    }
    // SQLite opens a file it may not write (a read-only file system) read-only without failing.
    if (sqlite3_db_readonly(db_, "main") == 1) read_only_ = true;
    note_input_file(path_);  // held open: no output of this process may be written over it
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    // Is it an SQLite database at all? Reading the schema fails for other files.
    if (sqlite3_exec(db_, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) != SQLITE_OK) {
        int primary = sqlite3_extended_errcode(db_) & 0xff;
        if (primary == SQLITE_BUSY) throw sqlite_error(db_, path_, "opening the project");
        throw ProjectError(Kind::NotAProject, where(path_, 0, "", std::string("not a SESPM project: ") + sqlite3_errmsg(db_)));
    }
    if (!read_only_) exec("PRAGMA synchronous = FULL", "opening the project");
    create_schema();
    check_version();
}

// An empty database gets the project tables; the check and the creation are one write
// transaction, so parallel first writers create them exactly once.
void SqliteProjectStore::create_schema() {
    auto has_meta = [&] {
        Stmt st(db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'", path_);
        return st.row();
    };
    if (has_meta()) return;
    if (read_only_) {
        Stmt st(db_, "SELECT count(*) FROM sqlite_master", path_);
        bool empty = st.row() && st.col_int(0, 0, LLONG_MAX, "sqlite_master") == 0;
        throw ProjectError(Kind::NotAProject, where(path_, 0, "", empty ? "cannot create a project in a read-only file"
                                                                         : "not a SESPM project (an SQLite database without the project tables)"));
    }
    exec("PRAGMA journal_mode = DELETE", "creating the project");
    SqliteTransaction tx(*this);
    if (has_meta()) { tx.commit(); return; }  // another writer created it meanwhile
    Stmt st(db_, "SELECT count(*) FROM sqlite_master", path_);
    if (st.row() && st.col_int(0, 0, LLONG_MAX, "sqlite_master") != 0)
        throw ProjectError(Kind::NotAProject, where(path_, 0, "", "not a SESPM project (an SQLite database without the project tables)"));
    exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
         "CREATE TABLE pledges (code TEXT PRIMARY KEY, places INTEGER NOT NULL CHECK (places >= 0));"
         "INSERT INTO meta VALUES ('application', 'sespm-map');"
         "INSERT INTO meta VALUES ('schema_version', '1');",
         "creating the project");
    tx.commit();
}

void SqliteProjectStore::check_version() {
    int version = 0;
    {
        Stmt st(db_, "SELECT value FROM meta WHERE key = 'schema_version'", path_);
        if (st.row()) version = std::atoi(st.col_text(0).c_str());
    }
    if (version <= 0) throw ProjectError(Kind::NotAProject, where(path_, 0, "schema_version", "not a SESPM project (no schema version)"));
    if (version > kProjectSchemaVersion)
        throw ProjectError(Kind::Newer, where(path_, 0, "schema_version", "the project was written by a newer SESPM Map (schema " +
                                                                              std::to_string(version) + "; this program reads up to " +
                                                                              std::to_string(kProjectSchemaVersion) + ")"));
    version_ = version;
    if (!read_only_ && version < kProjectSchemaVersion) upgrade_schema(version);
}

void SqliteProjectStore::upgrade_schema(int from) {
    SqliteTransaction tx(*this);
    int now = 0;
    {
        Stmt st(db_, "SELECT value FROM meta WHERE key = 'schema_version'", path_);
        if (st.row()) now = std::atoi(st.col_text(0).c_str());
    }
    if (now < 2 && from < 2) {  // re-read inside the transaction: a parallel opener may have upgraded it
        exec("CREATE TABLE scenarios (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
             " critical_mass INTEGER NOT NULL DEFAULT 0, notes TEXT NOT NULL DEFAULT '');"
             "CREATE TABLE scenario_places (scenario_id INTEGER NOT NULL, code TEXT NOT NULL,"
             " places INTEGER NOT NULL, PRIMARY KEY (scenario_id, code));"
             "CREATE TABLE scenario_ratios (scenario_id INTEGER NOT NULL, code TEXT NOT NULL,"
             " ratio REAL NOT NULL, PRIMARY KEY (scenario_id, code));"
             "CREATE TABLE scenario_clusters (scenario_id INTEGER NOT NULL, position INTEGER NOT NULL,"
             " name TEXT NOT NULL, codes TEXT NOT NULL, PRIMARY KEY (scenario_id, position));"
             "UPDATE meta SET value = '2' WHERE key = 'schema_version'",
             "upgrading the project");
    }
    if (now < 3 && from < 3) {  // 3: trigger points, one row per area or cluster
        exec("CREATE TABLE triggers (key TEXT PRIMARY KEY, pct REAL NOT NULL CHECK (pct > 0 AND pct <= 100));"
             "UPDATE meta SET value = '3' WHERE key = 'schema_version'",
             "upgrading the project");
    }
    if (now < 4 && from < 4) upgrade_to_4();
    tx.commit();
    version_ = kProjectSchemaVersion;
}

std::unique_ptr<ProjectStore::Transaction> SqliteProjectStore::transaction() {
    require_writable("saving");
    return std::make_unique<SqliteTransaction>(*this);
}

void SqliteProjectStore::begin() {
    if (depth_++ > 0) return;
    failed_ = false;
    seen_.rolled_back();
    if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
        depth_ = 0;
        throw sqlite_error(db_, path_, "saving");
    }
    try {  // the history triggers name the writer of this transaction; copy adopts past the mark
        if (version_ >= 4) {  // (while the file is created or upgraded there is no history yet)
            Stmt(db_, "UPDATE meta SET value = ?1 WHERE key = 'writer'", path_).text(1, writer_).run();
            Stmt st(db_, "SELECT coalesce(max(id), 0) FROM history", path_);
            history_mark_ = st.row() ? st.col_int(0, 0, LLONG_MAX, "history") : 0;
        }
    } catch (...) {
        rollback();
        throw;
    }
}

void SqliteProjectStore::commit() {
    if (--depth_ > 0) return;
    if (failed_) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw ProjectError(Kind::Io, where(path_, 0, "", "a part of the change failed; nothing was saved"));
    }
    if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        ProjectError e = sqlite_error(db_, path_, "saving");
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        seen_.rolled_back();
        throw e;
    }
    seen_.committed();
}

void SqliteProjectStore::rollback() noexcept {
    if (depth_ <= 0) return;
    if (--depth_ > 0) { failed_ = true; return; }
    seen_.rolled_back();
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqliteProjectStore::require_writable(const std::string& doing) const {
    if (read_only_) throw ProjectError(Kind::ReadOnly, where(path_, 0, "", "the project file is read-only; " + doing + " was refused"));
}

std::map<std::string, int> SqliteProjectStore::pledges() const {
    std::map<std::string, int> out;
    bool versioned = version_ >= 4;
    Stmt st(db_, versioned ? "SELECT code, places, version FROM pledges ORDER BY code" : "SELECT code, places, 1 FROM pledges ORDER BY code", path_);
    // A damaged row (text, a fraction, out of range: written by another program) is never misread
    // as a number: it is left out and reported like any rejected input row (core/bad_rows.h).
    while (st.row()) {
        std::string code = st.col_text(0);
        if (versioned) seen_.saw("pledge/", code, st.col_int(2, 0, LLONG_MAX, "pledges.version"));
        try {
            out[code] = static_cast<int>(st.col_int(1, 0, INT_MAX, "places"));
        } catch (const ProjectError& e) {
            std::string why = e.what();
            size_t cut = why.find("field 'places': ");
            input_log().reject({path_, 0, "places", "the pledge of " + code + ": " +
                                                        (cut == std::string::npos ? why : why.substr(cut + 16)), false});
        }
    }
    if (versioned) seen_.saw_all("pledge/");
    return out;
}

std::map<std::string, double> SqliteProjectStore::triggers() const {
    std::map<std::string, double> out;
    if (version_ < 3) return out;  // a read-only older file has no triggers
    bool versioned = version_ >= 4;
    Stmt st(db_, versioned ? "SELECT key, pct, version FROM triggers ORDER BY key" : "SELECT key, pct, 1 FROM triggers ORDER BY key", path_);
    while (st.row()) {
        std::string key = st.col_text(0);
        if (versioned) seen_.saw("trigger/", key, st.col_int(2, 0, LLONG_MAX, "triggers.version"));
        double pct = st.col_real(1, "triggers." + key + ".pct");
        if (!(pct > 0 && pct <= 100))
            throw ProjectError(Kind::Io, where(path_, 0, "triggers." + key + ".pct", std::to_string(pct) + " is not a share of the limit in (0, 100]"));
        out[key] = pct;
    }
    if (versioned) seen_.saw_all("trigger/");
    return out;
}

} // namespace sqlite_store

} // namespace sespm
