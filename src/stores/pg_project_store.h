// pg_project_store.h: the PostgreSQL implementation of ProjectStore (see project_store.h), shared
// by its source files: pg_project_store.cpp (opening, transactions, pledges, triggers, the
// versioned single-row write), pg_scenarios.cpp (the SQL of each row edit, scenario rows), pg_history.cpp (history, users
// and rights), pg_schema.cpp (the schema, created by `project init`). Rights are the database's:
// the sespm_* roles and the schema's functions, which check every write (pg_schema*.cpp); the
// store only words the refusals.
#pragma once
#include <map>
#include <memory>
#include <string>

#include "stores/pg_connection.h"
#include "stores/project_store.h"
#include "stores/read_versions.h"
#include "stores/row_store.h"

namespace sespm::pg_store {

// The server's schema: 5 since no role holds a table privilege (tables in sespm_data, views and
// functions in sespm); a schema 4 server is upgraded by `project init`.
inline constexpr int kPgSchemaVersion = 5;

// How one kind of versioned row is read and written: parameters are the key columns ($1..$k),
// then the value, then (update, delete) the version the edit expects. What the store read is
// kept under `what` (with the first key when there are two) and the last key.
struct RowSql {
    const char* what;     // "pledge", "trigger", "places", "ratio", "cluster", "scenario"
    int keys;             // number of key parameters
    const char* read;     // -> value, version, changed_by, changed_at (HH:MM)
    const char* insert;   // a row with the new version; none when the row exists
    const char* update;   // a row with the new version; none unless keys and version match
    const char* remove;   // a row; none unless keys and version match
};

// When a row was last changed, as a conflict message says it: HH:MM today, else the date too.
#define SESPM_PG_STAMP "to_char(changed_at, CASE WHEN changed_at::date = current_date THEN 'HH24:MI' ELSE 'YYYY-MM-DD HH24:MI' END)"

class PgProjectStore final : public RowProjectStore, public ProjectRights {
public:
    PgProjectStore(const std::string& location, ProjectAccess access);
    // `project init`: creates the schema (a superuser's connection); says what it did.
    static std::string init(const std::string& location);

    const std::string& location() const override { return location_; }
    std::string kind() const override { return "PostgreSQL server"; }
    bool read_only() const override { return role_ == "viewer" || role_.empty(); }
    std::unique_ptr<Transaction> transaction() override;

    std::map<std::string, int> pledges() const override;
    std::vector<std::string> scenario_names() const override;
    std::optional<Scenario> load_scenario(const std::string& name) const override;
    void replace_scenario(const Scenario& s) override;
    std::map<std::string, double> triggers() const override;
    std::vector<HistoryEntry> history(const HistoryFilter& f) const override;
    void adopt_history(const std::vector<HistoryEntry>& entries) override;
    ProjectRights* rights() override { return this; }
    std::vector<ProjectUser> users() const override;
    void grant(const ProjectUser& u) override;
    void revoke(const std::string& user) override;

    void begin();
    void commit();
    void rollback() noexcept;

private:
    PgProjectStore(const std::string& location, bool for_init);
    std::string init_schema();
    ProjectError newer_error(int version) const;
    void check_schema();
    void read_rights();
    Result query(const std::string& doing, const char* sql, const Params& p = {}) const;
    void require_writable(const std::string& doing) const;
    ProjectError denied(const std::string& doing, const std::string& what) const;
    template <class F> void write(const std::string& doing, F&& f);
    // The versioned write of one row: `value` nullopt removes it.
    void checked_write(const RowSql& q, const Params& keys, const Param& value, const std::string& what,
                       const std::string& key, const std::string& doing);
    [[noreturn]] void refused(const RowSql& q, const Params& keys, std::optional<long long> expected, const Param& yours,
                              const std::string& what, const std::string& key, const std::string& doing);
    // The SQL of RowProjectStore's edits (pg_scenarios.cpp).
    void write_row(Row row, const std::vector<std::string>& keys, const std::optional<std::string>& value,
                   const std::string& what, const std::string& key, const std::string& doing) override;
    bool row_exists(Row row, const std::vector<std::string>& keys) const override;
    void in_write(const std::string& doing, const std::function<void()>& f) override { write(doing, f); }
    long long scenario_id(const std::string& name) const override;
    void insert_scenario(const Scenario& s) override { write_scenario_parts(insert_scenario_row(s), s); }
    void rename_scenario_row(long long id, const std::string& to) override;
    void delete_scenario_rows(long long id) override;
    void upsert_scenario_places(long long id, const std::map<std::string, long long>& places) override;
    long long insert_scenario_row(const Scenario& s);
    void write_scenario_parts(long long id, const Scenario& s);

    std::string location_;
    std::unique_ptr<Connection> conn_;
    std::string user_, role_;                  // session_user and its role ("" = none)
    std::vector<std::string> councils_;
    bool bypasses_rls_ = false;                // a superuser or the owner: no row writes
    int depth_ = 0;
    bool failed_ = false;
};

using PgTransaction = TransactionGuard<PgProjectStore>;

// One write in its own transaction, retried on a serialization failure; inside an open
// transaction it joins it and a retry is the caller's (run_transaction).
template <class F> void PgProjectStore::write(const std::string& doing, F&& f) {
    require_writable(doing);
    for (int attempt = 1;; ++attempt) {
        bool outer = depth_ == 0;
        try {
            PgTransaction tx(*this);
            f();
            tx.commit();
            return;
        } catch (const ProjectError& e) {
            if (e.kind != Kind::Retry || !outer) throw;
            if (attempt >= kTransactionTries)
                throw ProjectError(Kind::Busy, std::string(e.what()) + " (tried " + std::to_string(attempt) + " times; nothing was saved, try again)");
        }
    }
}

} // namespace sespm::pg_store
