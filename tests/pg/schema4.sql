-- tests/pg/schema4.sql: the PostgreSQL project schema 4 exactly as `project init` created it before
-- schema 5 (issue 21), for the test that upgrades such a server (test_pg_upgrade.cpp). Run as a superuser.
BEGIN;
CREATE EXTENSION IF NOT EXISTS postgis;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sespm_owner') THEN CREATE ROLE sespm_owner NOLOGIN CREATEROLE; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sespm_viewer') THEN CREATE ROLE sespm_viewer NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sespm_planner') THEN CREATE ROLE sespm_planner NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sespm_admin') THEN CREATE ROLE sespm_admin NOLOGIN; END IF;
END $$;
GRANT sespm_viewer, sespm_planner, sespm_admin TO sespm_owner WITH ADMIN OPTION;
CREATE SCHEMA sespm AUTHORIZATION sespm_owner;
CREATE SCHEMA published AUTHORIZATION sespm_owner;
SET LOCAL ROLE sespm_owner;
CREATE TABLE sespm.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE sespm.pledges (code text PRIMARY KEY, places integer NOT NULL CHECK (places >= 0),
  version bigint NOT NULL DEFAULT 1, changed_by text NOT NULL DEFAULT session_user, changed_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE sespm.scenarios (id bigserial PRIMARY KEY, name text NOT NULL UNIQUE,
  critical_mass bigint NOT NULL DEFAULT 0, notes text NOT NULL DEFAULT '',
  version bigint NOT NULL DEFAULT 1, changed_by text NOT NULL DEFAULT session_user, changed_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE sespm.scenario_places (scenario_id bigint NOT NULL REFERENCES sespm.scenarios, code text NOT NULL,
  places bigint NOT NULL, version bigint NOT NULL DEFAULT 1, changed_by text NOT NULL DEFAULT session_user,
  changed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (scenario_id, code));
CREATE TABLE sespm.scenario_ratios (scenario_id bigint NOT NULL REFERENCES sespm.scenarios, code text NOT NULL,
  ratio double precision NOT NULL, version bigint NOT NULL DEFAULT 1, changed_by text NOT NULL DEFAULT session_user,
  changed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (scenario_id, code));
CREATE TABLE sespm.scenario_clusters (scenario_id bigint NOT NULL REFERENCES sespm.scenarios, position integer NOT NULL,
  name text NOT NULL, codes text NOT NULL, version bigint NOT NULL DEFAULT 1, changed_by text NOT NULL DEFAULT session_user,
  changed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (scenario_id, position), UNIQUE (scenario_id, name));
CREATE TABLE sespm.triggers (key text PRIMARY KEY, pct double precision NOT NULL CHECK (pct > 0 AND pct <= 100),
  version bigint NOT NULL DEFAULT 1, changed_by text NOT NULL DEFAULT session_user, changed_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE sespm.history (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp(),
  who text NOT NULL DEFAULT session_user, tbl text NOT NULL, scenario text, key text NOT NULL,
  old jsonb, new jsonb, txid bigint NOT NULL DEFAULT txid_current());
CREATE INDEX history_key ON sespm.history (key);
CREATE TABLE sespm.users (username text PRIMARY KEY, role text NOT NULL CHECK (role IN ('viewer', 'planner', 'admin')),
  councils text[] NOT NULL DEFAULT '{}');
INSERT INTO sespm.meta VALUES ('application', 'sespm-map'), ('schema_version', '4');
CREATE FUNCTION sespm.my_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sespm, pg_temp
  AS $$ SELECT role FROM sespm.users WHERE username = session_user $$;
CREATE FUNCTION sespm.may_edit(code text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sespm, pg_temp
  AS $$ SELECT EXISTS (SELECT 1 FROM sespm.users u WHERE u.username = session_user
                       AND (u.role = 'admin' OR (u.role = 'planner' AND (code = ANY (u.councils) OR code LIKE 'cluster:%')))) $$;
CREATE FUNCTION sespm.stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.changed_by := session_user; NEW.changed_at := now(); RETURN NEW; END $$;
CREATE FUNCTION sespm.record_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = sespm, pg_temp AS $$
DECLARE o jsonb; n jsonb; r jsonb; sc text; k text; id bigint;
BEGIN
  IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD) - 'version' - 'changed_by' - 'changed_at'; END IF;
  IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW) - 'version' - 'changed_by' - 'changed_at'; END IF;
  IF o = n THEN RETURN NULL; END IF;
  r := coalesce(n, o);
  IF TG_TABLE_NAME LIKE 'scenario\_%' THEN
    SELECT s.name INTO sc FROM sespm.scenarios s WHERE s.id = (r->>'scenario_id')::bigint;
    k := coalesce(r->>'code', r->>'name');
  ELSIF TG_TABLE_NAME = 'scenarios' THEN k := coalesce(o->>'name', n->>'name');
  ELSE k := coalesce(r->>'code', r->>'key');
  END IF;
  INSERT INTO sespm.history (tbl, scenario, key, old, new) VALUES (TG_TABLE_NAME, sc, k, o, n) RETURNING history.id INTO id;
  PERFORM pg_notify('sespm_changes', json_build_object('id', id, 'table', TG_TABLE_NAME, 'key', k, 'who', session_user)::text);
  RETURN NULL;
END $$;
CREATE FUNCTION sespm.is_admin() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sespm, pg_temp
  AS $$ SELECT coalesce(sespm.my_role() = 'admin', false) OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) $$;
DO $$ DECLARE t text; BEGIN
  FOREACH t IN ARRAY ARRAY['pledges', 'scenarios', 'scenario_places', 'scenario_ratios', 'scenario_clusters', 'triggers'] LOOP
    EXECUTE format('CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON sespm.%I FOR EACH ROW EXECUTE FUNCTION sespm.stamp()', t);
    EXECUTE format('CREATE TRIGGER record AFTER INSERT OR UPDATE OR DELETE ON sespm.%I FOR EACH ROW EXECUTE FUNCTION sespm.record_change()', t);
  END LOOP;
END $$;
REVOKE ALL ON ALL TABLES IN SCHEMA sespm FROM PUBLIC;
GRANT USAGE ON SCHEMA sespm TO sespm_viewer, sespm_planner, sespm_admin;
GRANT SELECT ON ALL TABLES IN SCHEMA sespm TO sespm_viewer, sespm_planner, sespm_admin;
GRANT INSERT, UPDATE, DELETE ON sespm.pledges, sespm.triggers, sespm.scenarios, sespm.scenario_places,
  sespm.scenario_ratios, sespm.scenario_clusters TO sespm_planner, sespm_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA sespm TO sespm_planner, sespm_admin;
REVOKE ALL ON FUNCTION sespm.record_change() FROM PUBLIC;
GRANT USAGE ON SCHEMA published TO PUBLIC;
GRANT CREATE ON SCHEMA published TO sespm_admin;
ALTER TABLE sespm.pledges ENABLE ROW LEVEL SECURITY;
ALTER TABLE sespm.triggers ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON sespm.pledges FOR SELECT USING (true);
CREATE POLICY own_councils ON sespm.pledges FOR ALL USING (sespm.may_edit(code)) WITH CHECK (sespm.may_edit(code));
CREATE POLICY read_all ON sespm.triggers FOR SELECT USING (true);
CREATE POLICY own_councils ON sespm.triggers FOR ALL USING (sespm.may_edit(key)) WITH CHECK (sespm.may_edit(key));
CREATE FUNCTION sespm.grant_role(who text, what text, councils text[]) RETURNS void LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm, pg_temp AS $$
BEGIN
  IF NOT sespm.is_admin() THEN
    RAISE EXCEPTION 'granting rights needs the admin role (you are %)', session_user USING ERRCODE = '42501'; END IF;
  IF what NOT IN ('viewer', 'planner', 'admin') THEN RAISE EXCEPTION 'no role %', what USING ERRCODE = '22023'; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN EXECUTE format('CREATE ROLE %I LOGIN', who); END IF;
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = who) THEN
    RAISE EXCEPTION '% is a superuser, which row-level security does not bind', who USING ERRCODE = '22023'; END IF;
  EXECUTE format('REVOKE sespm_viewer, sespm_planner, sespm_admin FROM %I', who);
  EXECUTE format('GRANT %I TO %I', 'sespm_' || what, who);
  INSERT INTO sespm.users VALUES (who, what, coalesce(councils, '{}'))
    ON CONFLICT (username) DO UPDATE SET role = EXCLUDED.role, councils = EXCLUDED.councils;
END $$;
CREATE FUNCTION sespm.revoke_role(who text) RETURNS boolean LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm, pg_temp AS $$
BEGIN
  IF NOT sespm.is_admin() THEN
    RAISE EXCEPTION 'revoking rights needs the admin role (you are %)', session_user USING ERRCODE = '42501'; END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN
    EXECUTE format('REVOKE sespm_viewer, sespm_planner, sespm_admin FROM %I', who); END IF;
  DELETE FROM sespm.users WHERE username = who;
  RETURN FOUND;
END $$;
CREATE FUNCTION sespm.adopt_history(entries jsonb) RETURNS void LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = sespm, pg_temp AS $$
BEGIN
  IF NOT sespm.is_admin() THEN
    RAISE EXCEPTION 'copying history into the server needs the admin role (you are %)', session_user USING ERRCODE = '42501'; END IF;
  IF EXISTS (SELECT 1 FROM sespm.history WHERE txid <> txid_current()) THEN
    RAISE EXCEPTION 'the project already has a history' USING ERRCODE = '55000'; END IF;
  DELETE FROM sespm.history WHERE txid = txid_current();
  INSERT INTO sespm.history (id, at, who, tbl, scenario, key, old, new)
    SELECT (e->>'id')::bigint, (e->>'at')::timestamptz, e->>'who', e->>'table', e->>'scenario', e->>'key',
           (e->>'old')::jsonb, (e->>'new')::jsonb FROM jsonb_array_elements(entries) e;
  PERFORM setval('sespm.history_id_seq', greatest((SELECT max(id) FROM sespm.history), 1));
END $$;
REVOKE ALL ON FUNCTION sespm.grant_role(text, text, text[]), sespm.revoke_role(text), sespm.adopt_history(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sespm.grant_role(text, text, text[]), sespm.revoke_role(text), sespm.adopt_history(jsonb) TO sespm_admin;
COMMIT;
