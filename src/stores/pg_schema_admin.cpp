// pg_schema_admin.cpp: the admin functions of the PostgreSQL project (schema 5): giving and
// taking roles, and adopting a copied history. A role goes only to a LOGIN role that is neither
// one of the project's own roles nor a superuser nor a reserved pg_ role, with councils that are
// district codes; each user gets lock, statement and idle-in-transaction timeouts of their own.
// Only memberships that exist are revoked, so the server prints no warnings.
#include "stores/pg_schema_sql.h"

namespace sespm::pg_store::sql {

const char* const kAdminFunctions = R"SQL(
CREATE OR REPLACE FUNCTION sespm.drop_memberships(who text) RETURNS void LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
DECLARE g text;
BEGIN
  FOR g IN SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
           WHERE u.rolname = who AND r.rolname IN ('sespm_viewer', 'sespm_planner', 'sespm_admin') LOOP
    EXECUTE format('REVOKE %I FROM %I', g, who);
  END LOOP;
END $$;
CREATE OR REPLACE FUNCTION sespm.grant_role(who text, what text, councils text[]) RETURNS void LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
DECLARE c text;
BEGIN
  IF NOT sespm.is_admin() THEN
    RAISE EXCEPTION 'granting rights needs the admin role (you are %)', session_user USING ERRCODE = '42501'; END IF;
  IF what IS NULL OR what NOT IN ('viewer', 'planner', 'admin') THEN
    RAISE EXCEPTION 'no role %: the roles are viewer, planner and admin', quote_nullable(what) USING ERRCODE = '22023'; END IF;
  IF who IS NULL OR who = '' OR octet_length(who) > 63 THEN
    RAISE EXCEPTION 'a user name is 1 to 63 bytes (PostgreSQL would cut a longer one)' USING ERRCODE = '22023'; END IF;
  IF who IN ('sespm_owner', 'sespm_viewer', 'sespm_planner', 'sespm_admin') OR who LIKE 'pg\_%' OR who = 'public' THEN
    RAISE EXCEPTION '% is one of the server''s or the project''s own roles, not a person''s login; give the role to a user', who
      USING ERRCODE = '22023'; END IF;
  FOREACH c IN ARRAY coalesce(councils, '{}') LOOP
    IF c IS NULL OR c !~ '^E0[6-9][0-9]{6}$' THEN
      RAISE EXCEPTION 'council %: a council is a district code (E06, E07, E08 or E09 and six digits)', quote_nullable(left(c, 60))
        USING ERRCODE = '22023'; END IF;
  END LOOP;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN EXECUTE format('CREATE ROLE %I LOGIN', who); END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN
    RAISE EXCEPTION 'the role % could not be created', who USING ERRCODE = '22023'; END IF;
  IF coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = who), true) THEN
    RAISE EXCEPTION '% is a superuser, which the project''s rights do not bind', who USING ERRCODE = '22023'; END IF;
  IF NOT coalesce((SELECT rolcanlogin FROM pg_roles WHERE rolname = who), false) THEN
    RAISE EXCEPTION '% cannot log in (a group role); give the role to each person''s login instead', who USING ERRCODE = '22023'; END IF;
  PERFORM sespm.drop_memberships(who);
  EXECUTE format('GRANT %I TO %I', 'sespm_' || what, who);
  EXECUTE format('ALTER ROLE %I SET lock_timeout = %L', who, '30s');
  EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', who, '5min');
  EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', who, '5min');
  INSERT INTO sespm_data.users VALUES (who, what, coalesce(councils, '{}'))
    ON CONFLICT (username) DO UPDATE SET role = EXCLUDED.role, councils = EXCLUDED.councils;
END $$;
CREATE OR REPLACE FUNCTION sespm.revoke_role(who text) RETURNS boolean LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  IF NOT sespm.is_admin() THEN
    RAISE EXCEPTION 'revoking rights needs the admin role (you are %)', session_user USING ERRCODE = '42501'; END IF;
  PERFORM sespm.drop_memberships(who);
  DELETE FROM sespm_data.users WHERE username = who;
  RETURN FOUND;
END $$;
CREATE OR REPLACE FUNCTION sespm.adopt_history(entries jsonb) RETURNS void LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm_data, pg_temp AS $$
BEGIN
  IF NOT sespm.is_admin() THEN
    RAISE EXCEPTION 'copying history into the server needs the admin role (you are %)', session_user USING ERRCODE = '42501'; END IF;
  IF EXISTS (SELECT 1 FROM sespm_data.history WHERE txid <> txid_current()) THEN
    RAISE EXCEPTION 'the project already has a history' USING ERRCODE = '55000'; END IF;
  DELETE FROM sespm_data.history WHERE txid = txid_current();
  INSERT INTO sespm_data.history (id, at, who, tbl, scenario, key, old, new)
    SELECT (e->>'id')::bigint, (e->>'at')::timestamptz, e->>'who', e->>'table', e->>'scenario', e->>'key',
           (e->>'old')::jsonb, (e->>'new')::jsonb FROM jsonb_array_elements(entries) e;
  PERFORM setval('sespm_data.history_id_seq', greatest((SELECT max(id) FROM sespm_data.history), 1));
END $$;
)SQL";

} // namespace sespm::pg_store::sql
