// project_store.h: the planner's project file, an SQLite database with a schema version. It
// keeps what planners enter: pledges per district and dispersal scenarios (schema 2; a schema 1
// file is upgraded in place when opened for writing). Every save is one
// transaction with full synchronous writes, so a crash or a kill mid-save leaves the last
// completed save; values from users are always bound as SQL parameters, never pasted into SQL.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/scenario.h"

struct sqlite3;

namespace sespm {

inline constexpr int kProjectSchemaVersion = 2;

class ProjectStore {
public:
    // Opens (and with `create`, creates) a project. Throws DataError naming the file when it is
    // not an SQLite database, not a SESPM project, or from a newer version of the program.
    ProjectStore(const std::string& path, bool create);
    ~ProjectStore();
    ProjectStore(const ProjectStore&) = delete;
    ProjectStore& operator=(const ProjectStore&) = delete;

    const std::string& path() const { return path_; }
    bool read_only() const { return read_only_; }
    std::map<std::string, int> pledges() const;
    // Replaces all pledges in one transaction. Throws DataError (read-only file, disk full...).
    void save_pledges(const std::map<std::string, int>& pledges);

    std::vector<std::string> scenario_names() const;
    std::optional<Scenario> load_scenario(const std::string& name) const;
    // Creates or replaces the scenario called s.name, whole, in one transaction.
    void save_scenario(const Scenario& s);
    // Throw DataError when the scenario does not exist (or, for rename, the new name is taken).
    void delete_scenario(const std::string& name);
    void rename_scenario(const std::string& from, const std::string& to);

private:
    void open(bool create);
    void exec(const char* sql) const;
    void upgrade_schema(int from);
    long long scenario_id(const std::string& name) const;  // -1 when absent
    std::string path_;
    sqlite3* db_ = nullptr;
    bool read_only_ = false;
    int version_ = 0;
};

} // namespace sespm
