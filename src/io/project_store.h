// project_store.h: where planners' work is kept, behind one interface: pledges per district,
// dispersal scenarios (extra places, ratio overrides, clusters, critical mass, notes) and agreed
// trigger points (a share of the limit per area, group or scenario cluster). Opened by
// a location string; today an SQLite file (sqlite_project_store.cpp), the shared PostgreSQL store
// goes behind the same interface, so no caller knows which it has.
//
// Every write is row-level (one pledge, one district's places, one cluster), in its own
// transaction, never a read-modify-write of a whole table, so two writers on one project both
// keep their edits; a writer that cannot get the project within the busy timeout is refused
// loudly (ProjectError::Busy). Several writes that must land together go in one Transaction.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/scenario.h"

namespace sespm {

inline constexpr int kProjectSchemaVersion = 3;  // 3: trigger points

// A failure of the store, typed so callers can tell them apart; the message names the location.
struct ProjectError : DataError {
    enum class Kind { NotFound, Exists, ReadOnly, Busy, NotAProject, Newer, Io };
    Kind kind;
    ProjectError(Kind k, const std::string& what) : DataError(what), kind(k) {}
};

enum class ProjectAccess { Read, Write };  // Write creates the project when it does not exist

class ProjectStore {
public:
    virtual ~ProjectStore() = default;
    virtual const std::string& location() const = 0;
    virtual std::string kind() const = 0;            // "SQLite file", for titles and messages
    virtual bool read_only() const = 0;

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
};

// Opens the project at `location` (today: a file path). UsageError for a location that could
// never keep anything (empty, ":memory:"); ProjectError for a missing file (Read), one that is
// not a project, or one written by a newer program.
std::unique_ptr<ProjectStore> open_project(const std::string& location, ProjectAccess access);
// The UsageError open_project gives for such a location, without opening anything.
void check_project_location(const std::string& location);

} // namespace sespm
