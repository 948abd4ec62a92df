// pg_schema_sql.h: the SQL text of the PostgreSQL project's functions (pg_schema_functions.cpp,
// pg_schema_admin.cpp), run by `project init` (pg_schema.cpp) when it creates or upgrades a project.
#pragma once

namespace sespm::pg_store::sql {

extern const char* const kCoreFunctions;           // my_role, may_edit, is_admin, the history trigger, the checks
extern const char* const kPledgeTriggerFunctions;  // pledge_*, trigger_*
extern const char* const kScenarioFunctions;       // scenario_* (the scenario's own row)
extern const char* const kScenarioPartFunctions;   // places_*, ratio_*, cluster_*
extern const char* const kAdminFunctions;          // grant_role, revoke_role, adopt_history

} // namespace sespm::pg_store::sql
