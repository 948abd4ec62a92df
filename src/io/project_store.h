// project_store.h: the planner's project file, an SQLite database with a schema version. It
// keeps what planners enter (pledges per district today; scenarios next). Every save is one
// transaction with full synchronous writes, so a crash or a kill mid-save leaves the last
// completed save; values from users are always bound as SQL parameters, never pasted into SQL.
#pragma once
#include <map>
#include <string>

struct sqlite3;

namespace sespm {

inline constexpr int kProjectSchemaVersion = 1;

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

private:
    void exec(const char* sql) const;
    std::string path_;
    sqlite3* db_ = nullptr;
    bool read_only_ = false;
};

} // namespace sespm
