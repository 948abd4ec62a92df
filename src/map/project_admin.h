// project_admin.h: what `sespm-map project` does beyond single edits, on any ProjectStore:
// restore one recorded change (itself recorded, refused when the row changed again since) and
// copy a whole project (pledges, scenarios, triggers and history) into an empty one, file or
// server, in one transaction.
#pragma once
#include <string>

#include "stores/project_store.h"

namespace sespm {

// Reverts change `id` of the store's history: the row goes back to its old value, through the
// store's own edits (so rights and versions apply). NotFound for an unknown id; Conflict when
// the row is no longer as that change left it.
void restore_change(ProjectStore& store, long long id);

struct CopyCounts { size_t pledges = 0, scenarios = 0, triggers = 0, history = 0; };
// Copies everything from `from` into `to`, which must hold nothing yet.
CopyCounts copy_project(const ProjectStore& from, ProjectStore& to);

} // namespace sespm
