// row_store.h: what both project stores share above their SQL: the checks every write makes
// (names, pledges, triggers, a scenario that must exist, a name that must be free), the wording
// of "no scenario is called", and how each edit becomes one versioned row write. A backend
// (stores/sqlite_*, stores/pg_*) supplies only its SQL: the row writes, the scenario rows, and
// its write transaction. A new scenario field is a Row kind here, each backend's SQL for it,
// and the panel that edits it.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "stores/project_store.h"

namespace sespm {

// The guard a store's transaction() hands out (and its own writes use): begins on creation,
// commit() commits, and it rolls back on destruction when not committed. `Store` has begin(),
// commit() and rollback() noexcept; nesting is the store's.
template <class Store> class TransactionGuard final : public ProjectStore::Transaction {
public:
    explicit TransactionGuard(Store& s) : s_(s) { s_.begin(); }
    ~TransactionGuard() override { if (!done_) s_.rollback(); }
    TransactionGuard(const TransactionGuard&) = delete;
    TransactionGuard& operator=(const TransactionGuard&) = delete;
    void commit() override { done_ = true; s_.commit(); }

private:
    Store& s_;
    bool done_ = false;
};

class RowProjectStore : public ProjectStore {
public:
    void set_pledge(const std::string& code, std::optional<int> places) override;
    void set_trigger(const std::string& key, std::optional<double> pct) override;
    void create_scenario(const Scenario& s) override;
    void rename_scenario(const std::string& from, const std::string& to) override;
    void delete_scenario(const std::string& name) override;
    void replace_scenario_places(const std::string& name, const std::map<std::string, long long>& places) override;
    void set_scenario_places(const std::string& name, const std::string& code, long long places) override;
    void set_scenario_ratio(const std::string& name, const std::string& code, double ratio) override;
    void set_scenario_cluster(const std::string& name, const Cluster& c) override;
    void remove_scenario_cluster(const std::string& name, const std::string& cluster) override;
    void set_scenario_critical_mass(const std::string& name, long long places) override;
    void set_scenario_notes(const std::string& name, const std::string& notes) override;
    void record_reads(bool on) const override { seen_.recording = on; }
    ReadVersions& read_versions() const override { return seen_; }

    // The kinds of versioned row; keys: Pledge {code}, Trigger {key}, Places and Ratio
    // {scenario id, code}, Cluster {scenario id, name}, CriticalMass and Notes {scenario id}.
    // Each backend keeps its SQL in a table in this order (row_sql in its *_scenarios.cpp).
    enum class Row { Pledge, Trigger, Places, Ratio, Cluster, CriticalMass, Notes };

protected:
    // The versioned write of one row (nullopt removes it), refused as a Conflict when another
    // writer changed it since this store read it; `what`, `key` and `doing` word the messages.
    virtual void write_row(Row row, const std::vector<std::string>& keys, const std::optional<std::string>& value,
                           const std::string& what, const std::string& key, const std::string& doing) = 0;
    virtual bool row_exists(Row row, const std::vector<std::string>& keys) const = 0;
    // Runs `f` as one write transaction (nested in an open one), refused when read-only.
    virtual void in_write(const std::string& doing, const std::function<void()>& f) = 0;
    virtual long long scenario_id(const std::string& name) const = 0;   // -1 when absent
    virtual void insert_scenario(const Scenario& s) = 0;                 // the row and its parts
    virtual void rename_scenario_row(long long id, const std::string& to) = 0;
    virtual void delete_scenario_rows(long long id) = 0;                 // the row and its parts
    // An allocation: rows that stay are updated only when they change, the others removed or
    // added, so the history holds one entry per district that changed.
    virtual void upsert_scenario_places(long long id, const std::map<std::string, long long>& places) = 0;

    long long existing_id(const std::string& name) const;               // NotFound when absent
    [[noreturn]] void scenario_exists(const std::string& name) const;   // the Exists error

    mutable ReadVersions seen_;   // the row versions this store read (no lost update)
};

// A number as a bound parameter that reads back exactly (%.17g).
std::string exact_number(double v);

// A cluster's district codes as one stored value: "E07000061;E07000062".
std::string joined_codes(const std::vector<std::string>& codes);

} // namespace sespm
