// project_store.h: where planners' work is kept, behind one interface: pledges per district,
// dispersal scenarios (extra places, ratio overrides, clusters, critical mass, notes) and agreed
// trigger points (a share of the limit per area, group or scenario cluster). Opened by
// a location string; today an SQLite file (sqlite_project_store.cpp), the shared PostgreSQL store
// goes behind the same interface, so no caller knows which it has.
//
// Every write is row-level (one pledge, one district's places, one cluster), in its own
// transaction, never a read-modify-write of a whole table, so two writers on one project both
// keep their edits; a writer that cannot get the project within the busy timeout is refused
// loudly (ProjectError::Busy). Several writes that must land together go in one Transaction
// (run_transaction() retries it when the server asks for a retry).
//
// No lost update: every user-edited row carries a version. A store remembers the version of each
// row as it last read it ("what I read"); an edit updates the row only if its version is still
// that one, otherwise it is refused with ProjectError::Conflict naming who changed it, when and
// to what. A row never read before is read at the start of the edit. Every change is recorded in
// the project's history (who, when, table, key, old and new values as JSON).
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "rules/scenario.h"
#include "stores/read_versions.h"

namespace sespm {

inline constexpr int kProjectSchemaVersion = 4;  // 3: trigger points; 4: row versions, history

// What a refused edit ran into: someone else's change to the row since this program read it.
struct ConflictInfo {
    std::string what;     // "pledge", "trigger", "places in scenario 'Plan A'"
    std::string key;      // the district code, trigger key or cluster name
    std::string theirs;   // the value now stored ("" = the row was removed)
    std::string yours;    // the value that was not saved ("" = a removal)
    std::string by, at;   // who changed it, and when (HH:MM, or a date when not today)
};
// "Portsmouth's pledge was changed to 40 by jsmith at 14:02; yours (35) was not saved".
std::string conflict_message(const ConflictInfo& c, const std::string& display_name);

// A failure of the store, typed so callers can tell them apart; the message names the location.
// Conflict: someone changed the row first (conflict is set). Denied: the user lacks the right
// (the message names it). Retry: the server could not serialize the transaction; run it again
// (run_transaction does, a bounded number of times, then it is Busy).
struct ProjectError : DataError {
    enum class Kind { NotFound, Exists, ReadOnly, Busy, NotAProject, Newer, Io, Conflict, Denied, Retry };
    Kind kind;
    std::optional<ConflictInfo> conflict;
    ProjectError(Kind k, const std::string& what) : DataError(what), kind(k) {}
    ProjectError(const std::string& location, const ConflictInfo& c);
};

// One recorded change: `table` is one of pledges, triggers, scenarios, scenario_places,
// scenario_ratios, scenario_clusters; `key` the district code, trigger key, scenario name or
// cluster name; `scenario` the scenario's name for its parts; old/new the row as JSON ("" =
// none: an insert has no old row, a delete no new one).
struct HistoryEntry {
    long long id = 0;
    std::string at, who, table, scenario, key, old_json, new_json;
    bool operator==(const HistoryEntry&) const = default;
};
// A history row's JSON as both stores give it: keys sorted, no spaces (the server's jsonb and
// SQLite's json_object write the same row differently).
std::string canonical_json(const std::string& text);

struct HistoryFilter {
    std::optional<std::string> key;     // --code
    std::optional<std::string> since;   // an ISO date or time: entries at or after it
    std::optional<long long> id;        // one change
};

// A user of a shared store and what they may do.
struct ProjectUser {
    std::string name, role;             // viewer, planner, admin
    std::vector<std::string> councils;  // a planner's councils (district codes)
};

enum class ProjectAccess { Read, Write };  // Write creates the project when it does not exist

// Users and rights: only a shared server has them (a project file's rights are the file's own).
class ProjectRights {
public:
    virtual ~ProjectRights() = default;
    virtual std::vector<ProjectUser> users() const = 0;
    virtual void grant(const ProjectUser& u) = 0;
    virtual void revoke(const std::string& user) = 0;
};

class ProjectStore {
public:
    virtual ~ProjectStore() = default;
    virtual const std::string& location() const = 0;
    virtual std::string kind() const = 0;            // "SQLite file", for titles and messages
    virtual bool read_only() const = 0;
    // The store's users and rights; nullptr for a store that has none (a file). See rights_of.
    virtual ProjectRights* rights() { return nullptr; }

    // An RAII write transaction: writes made while it is open land together at commit(); a
    // guard destroyed without commit() rolls them all back.
    class Transaction {
    public:
        virtual ~Transaction() = default;
        virtual void commit() = 0;
    };
    virtual std::unique_ptr<Transaction> transaction() = 0;

    virtual std::map<std::string, int> pledges() const = 0;
    // Sets one district's pledge (nullopt clears it).
    virtual void set_pledge(const std::string& code, std::optional<int> places) = 0;

    virtual std::vector<std::string> scenario_names() const = 0;
    virtual std::optional<Scenario> load_scenario(const std::string& name) const = 0;
    virtual void create_scenario(const Scenario& s) = 0;       // Exists when the name is taken
    virtual void replace_scenario(const Scenario& s) = 0;      // creates or replaces it whole
    virtual void rename_scenario(const std::string& from, const std::string& to) = 0;
    virtual void delete_scenario(const std::string& name) = 0;
    // The edits below throw NotFound when the scenario does not exist.
    virtual void set_scenario_places(const std::string& name, const std::string& code, long long places) = 0;  // 0 removes
    virtual void replace_scenario_places(const std::string& name, const std::map<std::string, long long>& places) = 0;
    virtual void set_scenario_ratio(const std::string& name, const std::string& code, double ratio) = 0;  // 0 removes
    virtual void set_scenario_cluster(const std::string& name, const Cluster& c) = 0;  // adds or replaces by name
    virtual void remove_scenario_cluster(const std::string& name, const std::string& cluster) = 0;
    virtual void set_scenario_critical_mass(const std::string& name, long long places) = 0;
    virtual void set_scenario_notes(const std::string& name, const std::string& notes) = 0;

    // Trigger points: key (an area code, e.g. E06000044 or E10000016, or "cluster:NAME") ->
    // the agreed share of the limit in percent (0 < pct <= 100), at which the partners meet.
    virtual std::map<std::string, double> triggers() const = 0;
    // Sets one trigger (nullopt clears it); one row, its own transaction (or the open one).
    virtual void set_trigger(const std::string& key, std::optional<double> pct) = 0;

    // While off, reads leave "what I read" as it was: an undo snapshot taken just before an
    // edit is not what the user saw (map/project_snapshot). On by default.
    virtual void record_reads(bool on) const = 0;
    // What this store read; a store opened for writing after one opened for reading (Session)
    // takes it over, so the first edit still goes over what the user saw.
    virtual ReadVersions& read_versions() const = 0;

    // The recorded changes, oldest first.
    virtual std::vector<HistoryEntry> history(const HistoryFilter& f) const = 0;
    // Inside an open Transaction, on an empty project: replaces the history entries this
    // transaction recorded with `entries` (project copy keeps the source's history exactly).
    virtual void adopt_history(const std::vector<HistoryEntry>& entries) = 0;
};

// The store's rights, or a ProjectError saying plainly that a project file has none.
ProjectRights& rights_of(ProjectStore& store);

// Runs `f` inside one Transaction, committed at the end; when the server asks for a retry
// (serialization failure, deadlock) the whole of `f` runs again, at most kTransactionTries times,
// then it is refused as Busy. `f` must re-read what it depends on.
inline constexpr int kTransactionTries = 8;
template <class F> void run_transaction(ProjectStore& store, F&& f);

// True for a location naming a PostgreSQL server: a postgresql:// or postgres:// URI, or a libpq
// keyword string (service=sespm, host=/run/pg dbname=sespm).
bool is_server_location(const std::string& location);

// Opens the project at `location` (a file path, or a server location). UsageError for a location that could
// never keep anything (empty, ":memory:"); ProjectError for a missing file (Read), one that is
// not a project, or one written by a newer program.
std::unique_ptr<ProjectStore> open_project(const std::string& location, ProjectAccess access);
// `project init`: creates the project at `location` or upgrades it to this program's schema, in
// one transaction (a server: as a superuser, with PostGIS and the sespm_* roles); says what it did.
std::string init_project(const std::string& location);
// The one rule for names in both stores (a scenario's, a cluster's): not empty, at most
// kMaxNameCharacters characters; ProjectError naming `location` and saying so plainly.
inline constexpr size_t kMaxNameCharacters = 200;
void check_name(const std::string& location, const std::string& what, const std::string& name);
// The other rules every store applies before a write, in one place: a pledge is not negative; a
// trigger has a key and is a share of the limit in (0, 100]. ProjectError naming `location`.
void check_pledge(const std::string& location, const std::string& code, std::optional<int> places);
void check_trigger(const std::string& location, const std::string& key, std::optional<double> pct);
// The UsageError open_project gives for such a location, without opening anything.
void check_project_location(const std::string& location);

template <class F> void run_transaction(ProjectStore& store, F&& f) {
    for (int attempt = 1;; ++attempt) {
        try {
            auto tx = store.transaction();
            f();
            tx->commit();
            return;
        } catch (const ProjectError& e) {
            if (e.kind != ProjectError::Kind::Retry) throw;
            if (attempt >= kTransactionTries)
                throw ProjectError(ProjectError::Kind::Busy, std::string(e.what()) + " (tried " + std::to_string(attempt) +
                                                                 " times; other edits kept colliding with it; nothing was saved, try again)");
        }
    }
}

} // namespace sespm
