// pg_schema.cpp: the PostgreSQL project schema (schema 5) in a database, created or upgraded by
// `project init` in one transaction as a superuser: PostGIS, the group roles (sespm_viewer,
// sespm_planner, sespm_admin) and the owner role sespm_owner that nobody logs in as; the tables
// (a version on every user-edited row, the history written only by a SECURITY DEFINER trigger)
// in the schema `sespm_data`, which only the owner may use; read-only views of them under the
// same names in `sespm`; and the functions (pg_schema_functions.cpp, pg_schema_admin.cpp) that
// are the only way to change anything. So no planner or viewer holds a privilege on a table:
// direct SQL can neither write odd rows nor take a table lock that stops anyone (reading a view
// in an open transaction holds ACCESS SHARE, which blocks only schema changes). `project init`
// runs with search_path pg_catalog, so nothing in a writable schema can stand in for a function. Schema 4 (tables in `sespm`,
// row-level security) is upgraded in place, its rows and history kept. The schema `published`
// holds layers published as PostGIS tables (outputs/pg_publish.cpp), readable by anyone who may connect.
#include "stores/pg_project_store.h"
#include "stores/pg_schema_sql.h"

namespace sespm::pg_store {

namespace {

const char* kRoles = R"SQL(
CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sespm_owner') THEN CREATE ROLE sespm_owner NOLOGIN CREATEROLE; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sespm_viewer') THEN CREATE ROLE sespm_viewer NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sespm_planner') THEN CREATE ROLE sespm_planner NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sespm_admin') THEN CREATE ROLE sespm_admin NOLOGIN; END IF;
END $$;
GRANT sespm_viewer, sespm_planner, sespm_admin TO sespm_owner WITH ADMIN OPTION;
CREATE SCHEMA sespm AUTHORIZATION sespm_owner;
CREATE SCHEMA sespm_data AUTHORIZATION sespm_owner;
CREATE SCHEMA published AUTHORIZATION sespm_owner;
SET LOCAL ROLE sespm_owner;
)SQL";

const char* kTables = R"SQL(
CREATE TABLE sespm_data.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE sespm_data.pledges (code text PRIMARY KEY, places integer NOT NULL CHECK (places >= 0),
  version bigint NOT NULL DEFAULT 1, changed_by text NOT NULL DEFAULT session_user, changed_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE sespm_data.scenarios (id bigserial PRIMARY KEY, name text NOT NULL UNIQUE,
  critical_mass bigint NOT NULL DEFAULT 0, notes text NOT NULL DEFAULT '',
  version bigint NOT NULL DEFAULT 1, changed_by text NOT NULL DEFAULT session_user, changed_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE sespm_data.scenario_places (scenario_id bigint NOT NULL REFERENCES sespm_data.scenarios, code text NOT NULL,
  places bigint NOT NULL, version bigint NOT NULL DEFAULT 1, changed_by text NOT NULL DEFAULT session_user,
  changed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (scenario_id, code));
CREATE TABLE sespm_data.scenario_ratios (scenario_id bigint NOT NULL REFERENCES sespm_data.scenarios, code text NOT NULL,
  ratio double precision NOT NULL, version bigint NOT NULL DEFAULT 1, changed_by text NOT NULL DEFAULT session_user,
  changed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (scenario_id, code));
CREATE TABLE sespm_data.scenario_clusters (scenario_id bigint NOT NULL REFERENCES sespm_data.scenarios, position integer NOT NULL,
  name text NOT NULL, codes text NOT NULL, version bigint NOT NULL DEFAULT 1, changed_by text NOT NULL DEFAULT session_user,
  changed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (scenario_id, position), UNIQUE (scenario_id, name));
CREATE TABLE sespm_data.triggers (key text PRIMARY KEY, pct double precision NOT NULL CHECK (pct > 0 AND pct <= 100),
  version bigint NOT NULL DEFAULT 1, changed_by text NOT NULL DEFAULT session_user, changed_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE sespm_data.history (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp(),
  who text NOT NULL DEFAULT session_user, tbl text NOT NULL, scenario text, key text NOT NULL,
  old jsonb, new jsonb, txid bigint NOT NULL DEFAULT txid_current());
CREATE INDEX history_key ON sespm_data.history (key);
CREATE TABLE sespm_data.users (username text PRIMARY KEY, role text NOT NULL CHECK (role IN ('viewer', 'planner', 'admin')),
  councils text[] NOT NULL DEFAULT '{}');
INSERT INTO sespm_data.meta VALUES ('application', 'sespm-map'), ('schema_version', '5');
)SQL";

const char* kTriggers = R"SQL(
DO $$ DECLARE t text; BEGIN
  FOREACH t IN ARRAY ARRAY['pledges', 'scenarios', 'scenario_places', 'scenario_ratios', 'scenario_clusters', 'triggers'] LOOP
    EXECUTE format('CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON sespm_data.%I FOR EACH ROW EXECUTE FUNCTION sespm.stamp()', t);
    EXECUTE format('CREATE TRIGGER record AFTER INSERT OR UPDATE OR DELETE ON sespm_data.%I FOR EACH ROW EXECUTE FUNCTION sespm.record_change()', t);
  END LOOP;
END $$;
)SQL";

// Schema 4 to 5: the tables move to sespm_data (rows, sequences, triggers and history with
// them); the row-level security policies go, as nobody but the owner reaches a table now.
const char* kUpgradeFrom4 = R"SQL(
CREATE SCHEMA sespm_data AUTHORIZATION sespm_owner;
SET LOCAL ROLE sespm_owner;
DO $$ DECLARE t text; BEGIN
  FOREACH t IN ARRAY ARRAY['meta', 'pledges', 'scenarios', 'scenario_places', 'scenario_ratios', 'scenario_clusters',
                           'triggers', 'history', 'users'] LOOP
    EXECUTE format('ALTER TABLE sespm.%I SET SCHEMA sespm_data', t);
  END LOOP;
END $$;
DO $$ DECLARE u text; BEGIN  -- each user gets the timeouts schema 5 gives at a grant
  FOR u IN SELECT s.username FROM sespm_data.users s JOIN pg_roles r ON r.rolname = s.username WHERE NOT r.rolsuper LOOP
    EXECUTE format('ALTER ROLE %I SET lock_timeout = %L', u, '30s');
    EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', u, '5min');
    EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', u, '5min');
  END LOOP;
END $$;
DROP POLICY read_all ON sespm_data.pledges;
DROP POLICY own_councils ON sespm_data.pledges;
DROP POLICY read_all ON sespm_data.triggers;
DROP POLICY own_councils ON sespm_data.triggers;
UPDATE sespm_data.meta SET value = '5' WHERE key = 'schema_version';
)SQL";

// What the roles see: a read-only view of each table, under the table's own name.
const char* kViews = R"SQL(
CREATE VIEW sespm.meta AS SELECT key, value FROM sespm_data.meta;
CREATE VIEW sespm.pledges AS SELECT code, places, version, changed_by, changed_at FROM sespm_data.pledges;
CREATE VIEW sespm.scenarios AS SELECT id, name, critical_mass, notes, version, changed_by, changed_at FROM sespm_data.scenarios;
CREATE VIEW sespm.scenario_places AS SELECT scenario_id, code, places, version, changed_by, changed_at FROM sespm_data.scenario_places;
CREATE VIEW sespm.scenario_ratios AS SELECT scenario_id, code, ratio, version, changed_by, changed_at FROM sespm_data.scenario_ratios;
CREATE VIEW sespm.scenario_clusters AS SELECT scenario_id, position, name, codes, version, changed_by, changed_at FROM sespm_data.scenario_clusters;
CREATE VIEW sespm.triggers AS SELECT key, pct, version, changed_by, changed_at FROM sespm_data.triggers;
CREATE VIEW sespm.history AS SELECT id, at, who, tbl, scenario, key, old, new, txid FROM sespm_data.history;
CREATE VIEW sespm.users AS SELECT username, role, councils FROM sespm_data.users;
)SQL";

// No role holds a privilege on a table or sequence; they read the views and call the functions.
// Row-level security with no policy stays on every table: a privilege granted there by mistake
// would still show and change nothing.
const char* kRights = R"SQL(
REVOKE ALL ON SCHEMA sespm_data FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA sespm_data FROM PUBLIC, sespm_viewer, sespm_planner, sespm_admin;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA sespm_data FROM PUBLIC, sespm_viewer, sespm_planner, sespm_admin;
DO $$ DECLARE t text; BEGIN
  FOREACH t IN ARRAY ARRAY['meta', 'pledges', 'scenarios', 'scenario_places', 'scenario_ratios', 'scenario_clusters',
                           'triggers', 'history', 'users'] LOOP
    EXECUTE format('ALTER TABLE sespm_data.%I ENABLE ROW LEVEL SECURITY', t);
  END LOOP;
END $$;
REVOKE ALL ON SCHEMA sespm FROM PUBLIC;
GRANT USAGE ON SCHEMA sespm TO sespm_viewer, sespm_planner, sespm_admin;
REVOKE ALL ON ALL TABLES IN SCHEMA sespm FROM PUBLIC;
GRANT SELECT ON ALL TABLES IN SCHEMA sespm TO sespm_viewer, sespm_planner, sespm_admin;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA sespm FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sespm.my_role(), sespm.is_admin(), sespm.may_edit(text) TO sespm_viewer, sespm_planner, sespm_admin;
DO $$ DECLARE f regprocedure; BEGIN
  FOR f IN SELECT p.oid::regprocedure FROM pg_proc p WHERE p.pronamespace = 'sespm'::regnamespace
           AND p.proname ~ '^(pledge|trigger|scenario|places|ratio|cluster)_' LOOP
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO sespm_planner, sespm_admin', f);
  END LOOP;
END $$;
GRANT EXECUTE ON FUNCTION sespm.grant_role(text, text, text[]), sespm.revoke_role(text), sespm.adopt_history(jsonb) TO sespm_admin;
GRANT USAGE ON SCHEMA published TO PUBLIC;
GRANT CREATE ON SCHEMA published TO sespm_admin;
)SQL";

// Everything after the tables exist in sespm_data, the same for a new project and an upgrade.
void create_views_functions_rights(Connection& c) {
    for (const char* part : {sql::kCoreFunctions, sql::kPledgeTriggerFunctions, sql::kScenarioFunctions,
                             sql::kScenarioPartFunctions, sql::kAdminFunctions, kViews, kRights})
        c.script("creating the project", part);
}

} // namespace

// Creates the schema, upgrades schema 4, or reports the version there is; one transaction.
std::string PgProjectStore::init_schema() {
    Connection& c = *conn_;
    c.script("creating the project", "BEGIN");
    try {
        c.script("creating the project", "SET LOCAL search_path = pg_catalog, pg_temp");
        Result r = c.exec("creating the project", "SELECT to_regclass('sespm.meta') IS NOT NULL");
        int v = 0;
        if (r.text(0, 0) == "t") {
            v = std::atoi(c.exec("reading the schema version", "SELECT value FROM sespm.meta WHERE key = 'schema_version'").text(0, 0).c_str());
            if (v > kPgSchemaVersion) throw newer_error(v);  // (rolled back below)
            if (v == kPgSchemaVersion) {
                c.script("", "ROLLBACK");
                return "the project is at schema " + std::to_string(v) + " already; nothing to do";
            }
        }
        if (c.exec("checking the user", "SELECT rolsuper FROM pg_roles WHERE rolname = current_user").text(0, 0) != "t")
            throw ProjectError(Kind::Denied, where(location_, 0, "", std::string(v ? "upgrading" : "creating") +
                                                                        " the project needs a superuser (it creates PostGIS, the sespm_* roles and "
                                                                        "the schema owner); connect as one for project init"));
        if (v == 4) {
            c.script("upgrading the project", kUpgradeFrom4);
        } else if (v != 0) {
            throw ProjectError(Kind::Io, where(location_, 0, "schema_version", "the project is at schema " + std::to_string(v) +
                                                                                  ", which this program cannot upgrade"));
        } else {
            for (const char* part : {kRoles, kTables}) c.script("creating the project", part);
            c.script("creating the project", sql::kCoreFunctions);
            c.script("creating the project", kTriggers);
        }
        create_views_functions_rights(c);
        c.script("creating the project", "COMMIT");
        if (v == 4) return "upgraded the project from schema 4 to " + std::to_string(kPgSchemaVersion) +
                           ": every pledge, scenario, trigger, user and history entry kept; the tables are now reached only through the program's functions";
    } catch (...) {
        PQclear(PQexec(c.raw(), "ROLLBACK"));
        throw;
    }
    return "created the project (schema " + std::to_string(kPgSchemaVersion) + ", PostGIS, roles sespm_viewer, sespm_planner, sespm_admin)";
}

} // namespace sespm::pg_store
