// sqlite_project_store.h: the SQLite implementation of ProjectStore (see project_store.h), shared
// by its two source files: sqlite_project_store.cpp (opening, schema, transactions, pledges) and
// sqlite_scenarios.cpp (scenario rows). Only src/stores/ includes this; everyone else uses open_project().
#pragma once
#include <sqlite3.h>

#include <climits>
#include <string>

#include "stores/project_store.h"
#include "stores/row_store.h"
#include "stores/read_versions.h"

namespace sespm::sqlite_store {


using Kind = ProjectError::Kind;

// How long a writer waits for another writer to finish before it is refused.
constexpr int kBusyTimeoutMs = 30000;

class Stmt {
public:
    Stmt(sqlite3* db, const char* sql, const std::string& path) : db_(db), path_(path) {
        if (sqlite3_prepare_v2(db, sql, -1, &s_, nullptr) != SQLITE_OK) fail("project file");
    }
    ~Stmt() { sqlite3_finalize(s_); }
    Stmt& text(int i, const std::string& v) { sqlite3_bind_text(s_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT); return *this; }
    Stmt& integer(int i, long long v) { sqlite3_bind_int64(s_, i, v); return *this; }
    Stmt& real(int i, double v) { sqlite3_bind_double(s_, i, v); return *this; }
    bool row() {  // steps; true while there is a row
        int rc = sqlite3_step(s_);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) fail("project file");
        return false;
    }
    void run() { while (row()) {} sqlite3_reset(s_); }
    void reset() { sqlite3_reset(s_); }
    std::string col_text(int i) const {
        const unsigned char* t = sqlite3_column_text(s_, i);
        return t ? reinterpret_cast<const char*>(t) : "";
    }
    // An INTEGER column within [lo, hi]; anything else is a damaged row, named.
    long long col_int(int i, long long lo, long long hi, const std::string& what) const {
        if (sqlite3_column_type(s_, i) != SQLITE_INTEGER)
            throw ProjectError(Kind::Io, where(path_, 0, what, "'" + col_text(i) + "' is not a whole number (the file was changed by another program?)"));
        long long v = sqlite3_column_int64(s_, i);
        if (v < lo || v > hi)
            throw ProjectError(Kind::Io, where(path_, 0, what, std::to_string(v) + " is out of range (" + std::to_string(lo) + " to " + std::to_string(hi) + ")"));
        return v;
    }
    double col_real(int i, const std::string& what) const {
        int t = sqlite3_column_type(s_, i);
        if (t != SQLITE_INTEGER && t != SQLITE_FLOAT)
            throw ProjectError(Kind::Io, where(path_, 0, what, "'" + col_text(i) + "' is not a number"));
        return sqlite3_column_double(s_, i);
    }

private:
    [[noreturn]] void fail(const std::string& what) const;
    sqlite3* db_;
    const std::string& path_;
    sqlite3_stmt* s_ = nullptr;
};

ProjectError sqlite_error(sqlite3* db, const std::string& path, const std::string& doing);

// The OS user name: who the history says made a file's changes.
std::string os_user();

// How one kind of versioned row is read and written (see sqlite_versions.cpp): parameters are
// the keys (?1..?k), then the value, then (update, delete) the version the edit expects.
struct RowSql {
    const char* what;    // "pledge", "trigger", "places", "ratio", "cluster"
    const char* read;    // -> value, version, changed_by, changed_at (HH:MM today, else a date)
    const char* insert;  // ON CONFLICT DO NOTHING RETURNING version
    const char* update;  // RETURNING version
    const char* remove;
};
#define SESPM_SQLITE_WHO "(SELECT value FROM meta WHERE key = 'writer')"
#define SESPM_SQLITE_NOW "strftime('%Y-%m-%d %H:%M', 'now', 'localtime')"
#define SESPM_SQLITE_STAMP_SET ", version = version + 1, changed_by = " SESPM_SQLITE_WHO ", changed_at = " SESPM_SQLITE_NOW
#define SESPM_SQLITE_STAMP_READ \
    ", version, changed_by, CASE WHEN substr(changed_at, 1, 10) = date('now', 'localtime') THEN substr(changed_at, 12, 5) ELSE changed_at END"

class SqliteProjectStore final : public RowProjectStore {
public:
    SqliteProjectStore(const std::string& path, ProjectAccess access);
    ~SqliteProjectStore() override { sqlite3_close(db_); }

    const std::string& location() const override { return path_; }
    std::string kind() const override { return "SQLite file"; }
    bool read_only() const override { return read_only_; }
    std::unique_ptr<Transaction> transaction() override;

    std::map<std::string, int> pledges() const override;
    std::vector<std::string> scenario_names() const override;
    std::optional<Scenario> load_scenario(const std::string& name) const override;
    void replace_scenario(const Scenario& s) override;
    std::map<std::string, double> triggers() const override;
    std::vector<HistoryEntry> history(const HistoryFilter& f) const override;
    void adopt_history(const std::vector<HistoryEntry>& entries) override;

    void begin();               // nested calls join the open transaction; stamps the writer
    void commit();
    void rollback() noexcept;

private:
    void open(ProjectAccess access);
    void create_schema();
    void check_version();
    void upgrade_schema(int from);
    void exec(const char* sql, const std::string& doing) const;
    void require_writable(const std::string& doing) const;
    // The SQL of RowProjectStore's edits (sqlite_scenarios.cpp).
    void write_row(Row row, const std::vector<std::string>& keys, const std::optional<std::string>& value,
                   const std::string& what, const std::string& key, const std::string& doing) override;
    bool row_exists(Row row, const std::vector<std::string>& keys) const override;
    void in_write(const std::string& doing, const std::function<void()>& f) override { write(doing, f); }
    long long scenario_id(const std::string& name) const override;
    void insert_scenario(const Scenario& s) override;
    void rename_scenario_row(long long id, const std::string& to) override;
    void delete_scenario_rows(long long id) override;
    void upsert_scenario_places(long long id, const std::map<std::string, long long>& places) override;
    long long insert_scenario_row(const Scenario& s);
    void write_scenario_parts(long long id, const Scenario& s);
    void delete_scenario_parts(long long id);
    template <class F> void write(const std::string& doing, F&& f);
    void upgrade_to_4();
    void checked_write(const RowSql& q, const std::vector<std::string>& keys, const std::optional<std::string>& value,
                       const std::string& what, const std::string& key, const std::string& doing);
    [[noreturn]] void refused(const RowSql& q, const std::vector<std::string>& keys, const std::optional<std::string>& yours,
                              const std::string& what, const std::string& key);

    std::string path_;
    sqlite3* db_ = nullptr;
    bool read_only_ = false;
    int version_ = 0;
    int depth_ = 0;              // open transactions (nested guards share one)
    bool failed_ = false;        // an inner guard rolled back: the outer commit must not land
    long long history_mark_ = 0; // the last history entry before the open transaction
    std::string writer_ = os_user();
};

using SqliteTransaction = TransactionGuard<SqliteProjectStore>;

// One write in its own transaction (or joining the open one).
template <class F> void SqliteProjectStore::write(const std::string& doing, F&& f) {
    require_writable(doing);
    SqliteTransaction tx(*this);
    f();
    tx.commit();
}

} // namespace sespm::sqlite_store
