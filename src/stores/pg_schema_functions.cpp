// pg_schema_functions.cpp: the functions of the PostgreSQL project (schema 5), the only way
// anyone but the owner changes it. The tables live in `sespm_data`, which no role but
// sespm_owner may even look into; every write is one of the SECURITY DEFINER functions below,
// owned by sespm_owner, which check the caller's role (session_user in sespm_data.users), their
// councils and the key's kind (a pledge's key is a district code, a trigger's an area code or
// "cluster:NAME", a scenario's places, ratios and clusters district codes) before touching a row.
// Each versioned write returns the row's version after it (zero rows: nothing matched, which the
// store tells apart as a conflict by re-reading). Created by `project init`, fresh or upgrading.
#include "stores/pg_schema_sql.h"

namespace sespm::pg_store::sql {

// Who the caller is and what they may do; the history trigger and its NOTIFY (the id only: a
// listener reads the change itself from the history).
const char* const kCoreFunctions = R"SQL(
CREATE OR REPLACE FUNCTION sespm.my_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sespm_data, pg_temp
  AS $$ SELECT role FROM sespm_data.users WHERE username = session_user $$;
CREATE OR REPLACE FUNCTION sespm.may_edit(code text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sespm_data, pg_temp
  AS $$ SELECT EXISTS (SELECT 1 FROM sespm_data.users u WHERE u.username = session_user
                       AND (u.role = 'admin' OR (u.role = 'planner' AND (code = ANY (u.councils) OR code LIKE 'cluster:%')))) $$;
CREATE OR REPLACE FUNCTION sespm.is_admin() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sespm_data, pg_temp
  AS $$ SELECT coalesce(sespm.my_role() = 'admin', false) OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) $$;
CREATE OR REPLACE FUNCTION sespm.stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.changed_by := session_user; NEW.changed_at := now(); RETURN NEW; END $$;
CREATE OR REPLACE FUNCTION sespm.record_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
DECLARE o jsonb; n jsonb; r jsonb; sc text; k text; id bigint;
BEGIN
  IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD) - 'version' - 'changed_by' - 'changed_at'; END IF;
  IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW) - 'version' - 'changed_by' - 'changed_at'; END IF;
  IF o = n THEN RETURN NULL; END IF;
  r := coalesce(n, o);
  IF TG_TABLE_NAME LIKE 'scenario\_%' THEN
    SELECT s.name INTO sc FROM sespm_data.scenarios s WHERE s.id = (r->>'scenario_id')::bigint;
    k := coalesce(r->>'code', r->>'name');
  ELSIF TG_TABLE_NAME = 'scenarios' THEN k := coalesce(o->>'name', n->>'name');
  ELSE k := coalesce(r->>'code', r->>'key');
  END IF;
  INSERT INTO sespm_data.history (tbl, scenario, key, old, new) VALUES (TG_TABLE_NAME, sc, k, o, n) RETURNING history.id INTO id;
  PERFORM pg_notify('sespm_changes', id::text);
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION sespm.require_writer() RETURNS void LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  IF coalesce(sespm.my_role(), '') NOT IN ('planner', 'admin') THEN
    RAISE EXCEPTION 'changing the project needs the planner or admin role (you are %)', session_user USING ERRCODE = '42501'; END IF;
END $$;
CREATE OR REPLACE FUNCTION sespm.require_council(code text) RETURNS void LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_writer();
  IF NOT sespm.may_edit(code) THEN
    RAISE EXCEPTION '% is not one of your councils (you are %)', code, session_user USING ERRCODE = '42501'; END IF;
END $$;
CREATE OR REPLACE FUNCTION sespm.require_kind(what text, code text, pattern text, expected text) RETURNS void LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF code IS NULL OR code !~ pattern THEN
    RAISE EXCEPTION '% is for %: % is not one', what, expected, quote_nullable(left(code, 60)) USING ERRCODE = '22023'; END IF;
END $$;
CREATE OR REPLACE FUNCTION sespm.require_name(what text, name text) RETURNS void LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF name IS NULL OR name = '' THEN RAISE EXCEPTION '% needs a name', what USING ERRCODE = '22023'; END IF;
  IF char_length(name) > 200 THEN
    RAISE EXCEPTION '% name is % characters long; the most is 200', what, char_length(name) USING ERRCODE = '22023'; END IF;
END $$;
)SQL";

// Pledges and triggers: one district (a planner's own) or one area or cluster per row.
const char* const kPledgeTriggerFunctions = R"SQL(
CREATE OR REPLACE FUNCTION sespm.pledge_insert(p_code text, p_places integer) RETURNS SETOF bigint LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_kind('a pledge', p_code, '^E0[6-9][0-9]{6}$', 'a district code (E06, E07, E08 or E09 and six digits)');
  PERFORM sespm.require_council(p_code);
  RETURN QUERY INSERT INTO sespm_data.pledges (code, places) VALUES (p_code, p_places) ON CONFLICT DO NOTHING RETURNING version;
END $$;
CREATE OR REPLACE FUNCTION sespm.pledge_update(p_code text, p_places integer, p_version bigint) RETURNS SETOF bigint LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_council(p_code);
  RETURN QUERY UPDATE sespm_data.pledges t SET places = p_places, version = t.version + 1
    WHERE t.code = p_code AND t.version = p_version RETURNING t.version;
END $$;
CREATE OR REPLACE FUNCTION sespm.pledge_delete(p_code text, p_version bigint) RETURNS SETOF bigint LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_council(p_code);
  RETURN QUERY DELETE FROM sespm_data.pledges t WHERE t.code = p_code AND t.version = p_version RETURNING t.version;
END $$;
CREATE OR REPLACE FUNCTION sespm.trigger_insert(p_key text, p_pct double precision) RETURNS SETOF bigint LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_kind('a trigger', p_key, '^([EWSN][0-9]{8}|SESPM(-[A-Z0-9]+)+|cluster:.{1,200})$',
                             'an area code or cluster:NAME');
  PERFORM sespm.require_council(p_key);
  RETURN QUERY INSERT INTO sespm_data.triggers (key, pct) VALUES (p_key, p_pct) ON CONFLICT DO NOTHING RETURNING version;
END $$;
CREATE OR REPLACE FUNCTION sespm.trigger_update(p_key text, p_pct double precision, p_version bigint) RETURNS SETOF bigint LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_council(p_key);
  RETURN QUERY UPDATE sespm_data.triggers t SET pct = p_pct, version = t.version + 1
    WHERE t.key = p_key AND t.version = p_version RETURNING t.version;
END $$;
CREATE OR REPLACE FUNCTION sespm.trigger_delete(p_key text, p_version bigint) RETURNS SETOF bigint LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_council(p_key);
  RETURN QUERY DELETE FROM sespm_data.triggers t WHERE t.key = p_key AND t.version = p_version RETURNING t.version;
END $$;
)SQL";

// A scenario's own row: create, rename, delete, its critical mass and notes.
const char* const kScenarioFunctions = R"SQL(
CREATE OR REPLACE FUNCTION sespm.scenario_create(p_name text, p_mass bigint, p_notes text) RETURNS SETOF bigint LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_writer();
  PERFORM sespm.require_name('a scenario', p_name);
  RETURN QUERY INSERT INTO sespm_data.scenarios (name, critical_mass, notes) VALUES (p_name, p_mass, p_notes)
    ON CONFLICT (name) DO NOTHING RETURNING id;
END $$;
CREATE OR REPLACE FUNCTION sespm.scenario_reset(p_id bigint, p_mass bigint, p_notes text) RETURNS void LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_writer();
  UPDATE sespm_data.scenarios t SET critical_mass = p_mass, notes = p_notes, version = t.version + 1 WHERE t.id = p_id;
  DELETE FROM sespm_data.scenario_places WHERE scenario_id = p_id;
  DELETE FROM sespm_data.scenario_ratios WHERE scenario_id = p_id;
  DELETE FROM sespm_data.scenario_clusters WHERE scenario_id = p_id;
END $$;
CREATE OR REPLACE FUNCTION sespm.scenario_rename(p_id bigint, p_to text) RETURNS void LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_writer();
  PERFORM sespm.require_name('a scenario', p_to);
  UPDATE sespm_data.scenarios t SET name = p_to, version = t.version + 1 WHERE t.id = p_id;
END $$;
CREATE OR REPLACE FUNCTION sespm.scenario_delete(p_id bigint) RETURNS void LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_writer();
  DELETE FROM sespm_data.scenario_places WHERE scenario_id = p_id;
  DELETE FROM sespm_data.scenario_ratios WHERE scenario_id = p_id;
  DELETE FROM sespm_data.scenario_clusters WHERE scenario_id = p_id;
  DELETE FROM sespm_data.scenarios WHERE id = p_id;
END $$;
CREATE OR REPLACE FUNCTION sespm.scenario_mass_update(p_id bigint, p_mass bigint, p_version bigint) RETURNS SETOF bigint LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_writer();
  RETURN QUERY UPDATE sespm_data.scenarios t SET critical_mass = p_mass, version = t.version + 1
    WHERE t.id = p_id AND t.version = p_version RETURNING t.version;
END $$;
CREATE OR REPLACE FUNCTION sespm.scenario_notes_update(p_id bigint, p_notes text, p_version bigint) RETURNS SETOF bigint LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_writer();
  RETURN QUERY UPDATE sespm_data.scenarios t SET notes = p_notes, version = t.version + 1
    WHERE t.id = p_id AND t.version = p_version RETURNING t.version;
END $$;
)SQL";

// A scenario's places, ratios and clusters, one row at a time.
const char* const kScenarioPartFunctions = R"SQL(
CREATE OR REPLACE FUNCTION sespm.places_insert(p_id bigint, p_code text, p_places bigint) RETURNS SETOF bigint LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_writer();
  PERFORM sespm.require_kind('a scenario''s places', p_code, '^[EWSN]0[6-9][0-9]{6}$', 'a district code');
  RETURN QUERY INSERT INTO sespm_data.scenario_places (scenario_id, code, places) VALUES (p_id, p_code, p_places)
    ON CONFLICT DO NOTHING RETURNING version;
END $$;
CREATE OR REPLACE FUNCTION sespm.places_update(p_id bigint, p_code text, p_places bigint, p_version bigint) RETURNS SETOF bigint LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_writer();
  RETURN QUERY UPDATE sespm_data.scenario_places t SET places = p_places, version = t.version + 1
    WHERE t.scenario_id = p_id AND t.code = p_code AND t.version = p_version RETURNING t.version;
END $$;
CREATE OR REPLACE FUNCTION sespm.places_delete(p_id bigint, p_code text, p_version bigint) RETURNS SETOF bigint LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_writer();
  RETURN QUERY DELETE FROM sespm_data.scenario_places t
    WHERE t.scenario_id = p_id AND t.code = p_code AND (p_version IS NULL OR t.version = p_version) RETURNING t.version;
END $$;
-- An allocation's row: added, or changed only when the figure differs (one history entry per change).
CREATE OR REPLACE FUNCTION sespm.places_put(p_id bigint, p_code text, p_places bigint) RETURNS void LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_writer();
  PERFORM sespm.require_kind('a scenario''s places', p_code, '^[EWSN]0[6-9][0-9]{6}$', 'a district code');
  INSERT INTO sespm_data.scenario_places AS t (scenario_id, code, places) VALUES (p_id, p_code, p_places)
    ON CONFLICT (scenario_id, code) DO UPDATE SET places = EXCLUDED.places, version = t.version + 1 WHERE t.places <> EXCLUDED.places;
END $$;
CREATE OR REPLACE FUNCTION sespm.ratio_insert(p_id bigint, p_code text, p_ratio double precision) RETURNS SETOF bigint LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_writer();
  PERFORM sespm.require_kind('a ratio', p_code, '^[EWSN]0[6-9][0-9]{6}$', 'a district code');
  RETURN QUERY INSERT INTO sespm_data.scenario_ratios (scenario_id, code, ratio) VALUES (p_id, p_code, p_ratio)
    ON CONFLICT DO NOTHING RETURNING version;
END $$;
CREATE OR REPLACE FUNCTION sespm.ratio_update(p_id bigint, p_code text, p_ratio double precision, p_version bigint) RETURNS SETOF bigint LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_writer();
  RETURN QUERY UPDATE sespm_data.scenario_ratios t SET ratio = p_ratio, version = t.version + 1
    WHERE t.scenario_id = p_id AND t.code = p_code AND t.version = p_version RETURNING t.version;
END $$;
CREATE OR REPLACE FUNCTION sespm.ratio_delete(p_id bigint, p_code text, p_version bigint) RETURNS SETOF bigint LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_writer();
  RETURN QUERY DELETE FROM sespm_data.scenario_ratios t
    WHERE t.scenario_id = p_id AND t.code = p_code AND t.version = p_version RETURNING t.version;
END $$;
CREATE OR REPLACE FUNCTION sespm.cluster_insert(p_id bigint, p_name text, p_codes text) RETURNS SETOF bigint LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_writer();
  PERFORM sespm.require_name('a cluster', p_name);
  PERFORM sespm.require_kind('a cluster', p_codes, '^([EWSN]0[6-9][0-9]{6})(;[EWSN]0[6-9][0-9]{6})*$', 'district codes separated by ;');
  RETURN QUERY INSERT INTO sespm_data.scenario_clusters (scenario_id, position, name, codes)
    SELECT p_id, coalesce(max(position), -1) + 1, p_name, p_codes FROM sespm_data.scenario_clusters WHERE scenario_id = p_id
    ON CONFLICT DO NOTHING RETURNING version;
END $$;
CREATE OR REPLACE FUNCTION sespm.cluster_update(p_id bigint, p_name text, p_codes text, p_version bigint) RETURNS SETOF bigint LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_writer();
  PERFORM sespm.require_kind('a cluster', p_codes, '^([EWSN]0[6-9][0-9]{6})(;[EWSN]0[6-9][0-9]{6})*$', 'district codes separated by ;');
  RETURN QUERY UPDATE sespm_data.scenario_clusters t SET codes = p_codes, version = t.version + 1
    WHERE t.scenario_id = p_id AND t.name = p_name AND t.version = p_version RETURNING t.version;
END $$;
CREATE OR REPLACE FUNCTION sespm.cluster_delete(p_id bigint, p_name text, p_version bigint) RETURNS SETOF bigint LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  PERFORM sespm.require_writer();
  RETURN QUERY DELETE FROM sespm_data.scenario_clusters t
    WHERE t.scenario_id = p_id AND t.name = p_name AND t.version = p_version RETURNING t.version;
END $$;
)SQL";

} // namespace sespm::pg_store::sql
