// project_snapshot.h: what a project holds (pledges, trigger points and every scenario) as one value, for undo
// and redo in the window: a step back writes only the rows that differ between the state after
// an edit and the state before it, in one transaction, so edits other planners made meanwhile
// to other rows are kept.
#pragma once
#include <map>
#include <string>

#include "rules/scenario.h"
#include "stores/project_store.h"

namespace sespm {

struct ProjectSnapshot {
    std::map<std::string, int> pledges;
    std::map<std::string, double> triggers;
    std::map<std::string, Scenario> scenarios;
    bool operator==(const ProjectSnapshot&) const = default;
};

ProjectSnapshot take_snapshot(const ProjectStore* store);   // empty for no store

// Writes to `store` the changes that turn `from` into `to`.
void restore_changes(ProjectStore& store, const ProjectSnapshot& from, const ProjectSnapshot& to);

} // namespace sespm
