// pg_scenarios.cpp: the scenario rows of the PostgreSQL project (see pg_project_store.h): a
// scenario row (name, critical mass, notes) and its places, ratios and clusters. One place,
// ratio or cluster is a versioned single-row write; whole-scenario writes (create, replace,
// an allocation's places) are one REPEATABLE READ transaction, retried when the server asks.
#include <algorithm>
#include <set>

#include "core/text.h"
#include "stores/pg_project_store.h"

namespace sespm::pg_store {

namespace {

const RowSql kPledge{"pledge", 1,
    "SELECT places::text, version, changed_by, " SESPM_PG_STAMP " FROM sespm.pledges WHERE code = $1",
    "SELECT * FROM sespm.pledge_insert($1, $2::integer)",
    "SELECT * FROM sespm.pledge_update($1, $2::integer, $3::bigint)",
    "SELECT * FROM sespm.pledge_delete($1, $2::bigint)"};

const RowSql kTrigger{"trigger", 1,
    "SELECT pct::text, version, changed_by, " SESPM_PG_STAMP " FROM sespm.triggers WHERE key = $1",
    "SELECT * FROM sespm.trigger_insert($1, $2::double precision)",
    "SELECT * FROM sespm.trigger_update($1, $2::double precision, $3::bigint)",
    "SELECT * FROM sespm.trigger_delete($1, $2::bigint)"};

const RowSql kPlaces{"places", 2,
    "SELECT places::text, version, changed_by, " SESPM_PG_STAMP " FROM sespm.scenario_places WHERE scenario_id = $1::bigint AND code = $2",
    "SELECT * FROM sespm.places_insert($1::bigint, $2, $3::bigint)",
    "SELECT * FROM sespm.places_update($1::bigint, $2, $3::bigint, $4::bigint)",
    "SELECT * FROM sespm.places_delete($1::bigint, $2, $3::bigint)"};

const RowSql kRatio{"ratio", 2,
    "SELECT ratio::text, version, changed_by, " SESPM_PG_STAMP " FROM sespm.scenario_ratios WHERE scenario_id = $1::bigint AND code = $2",
    "SELECT * FROM sespm.ratio_insert($1::bigint, $2, $3::double precision)",
    "SELECT * FROM sespm.ratio_update($1::bigint, $2, $3::double precision, $4::bigint)",
    "SELECT * FROM sespm.ratio_delete($1::bigint, $2, $3::bigint)"};

const RowSql kCluster{"cluster", 2,
    "SELECT codes, version, changed_by, " SESPM_PG_STAMP " FROM sespm.scenario_clusters WHERE scenario_id = $1::bigint AND name = $2",
    "SELECT * FROM sespm.cluster_insert($1::bigint, $2, $3)",
    "SELECT * FROM sespm.cluster_update($1::bigint, $2, $3, $4::bigint)",
    "SELECT * FROM sespm.cluster_delete($1::bigint, $2, $3::bigint)"};

// The scenario's own row: its critical mass and its notes (no insert or removal here).
const RowSql kCriticalMass{"scenario", 1,
    "SELECT critical_mass::text, version, changed_by, " SESPM_PG_STAMP " FROM sespm.scenarios WHERE id = $1::bigint", "",
    "SELECT * FROM sespm.scenario_mass_update($1::bigint, $2::bigint, $3::bigint)", ""};
const RowSql kNotes{"scenario", 1,
    "SELECT notes, version, changed_by, " SESPM_PG_STAMP " FROM sespm.scenarios WHERE id = $1::bigint", "",
    "SELECT * FROM sespm.scenario_notes_update($1::bigint, $2, $3::bigint)", ""};

} // namespace

long long PgProjectStore::scenario_id(const std::string& name) const {
    Result r = query("reading the scenarios", "SELECT id FROM sespm.scenarios WHERE name = $1", {name});
    return r.rows() ? r.integer(0, 0) : -1;
}

std::vector<std::string> PgProjectStore::scenario_names() const {
    std::vector<std::string> out;
    Result r = query("reading the scenarios", "SELECT name FROM sespm.scenarios ORDER BY name COLLATE \"C\"");
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
    return out;
}

std::optional<Scenario> PgProjectStore::load_scenario(const std::string& name) const {
    Result head = query("reading the scenario", "SELECT id, name, critical_mass, notes, version FROM sespm.scenarios WHERE name = $1", {name});
    if (!head.rows()) return std::nullopt;
    std::string id = head.text(0, 0);
    Scenario sc;
    sc.name = head.text(0, 1);
    sc.critical_mass = head.integer(0, 2);
    sc.notes = head.text(0, 3);
    seen_.saw("scenario/", id, head.integer(0, 4));
    Result p = query("reading the scenario", "SELECT code, places, version FROM sespm.scenario_places WHERE scenario_id = $1::bigint", {id});
    for (int i = 0; i < p.rows(); ++i) { sc.extra_places[p.text(i, 0)] = p.integer(i, 1); seen_.saw("places/" + id, p.text(i, 0), p.integer(i, 2)); }
    Result r = query("reading the scenario", "SELECT code, ratio, version FROM sespm.scenario_ratios WHERE scenario_id = $1::bigint", {id});
    for (int i = 0; i < r.rows(); ++i) { sc.ratio_overrides[r.text(i, 0)] = r.real(i, 1); seen_.saw("ratio/" + id, r.text(i, 0), r.integer(i, 2)); }
    Result c = query("reading the scenario", "SELECT name, codes, version FROM sespm.scenario_clusters WHERE scenario_id = $1::bigint ORDER BY position", {id});
    for (int i = 0; i < c.rows(); ++i) { sc.clusters.push_back({c.text(i, 0), split_list(c.text(i, 1), ';')}); seen_.saw("cluster/" + id, c.text(i, 0), c.integer(i, 2)); }
    for (const char* t : {"places/", "ratio/", "cluster/"}) seen_.saw_all(t + id);
    return sc;
}

long long PgProjectStore::insert_scenario_row(const Scenario& s) {
    check_name(location_, "scenario", s.name);
    Result r = conn_->exec("creating the scenario", "SELECT * FROM sespm.scenario_create($1, $2::bigint, $3)", {s.name, num(s.critical_mass), s.notes});
    if (!r.rows()) throw ProjectError(Kind::Exists, where(location_, 0, "name", "a scenario called '" + s.name + "' exists already"));
    return r.integer(0, 0);
}

void PgProjectStore::write_scenario_parts(long long id, const Scenario& s) {
    std::string sid = num(id);
    for (const auto& [code, n] : s.extra_places)
        conn_->exec("saving the scenario", kPlaces.insert, {sid, code, num(n)});
    for (const auto& [code, r] : s.ratio_overrides)
        conn_->exec("saving the scenario", kRatio.insert, {sid, code, num(r)});
    for (const auto& c : s.clusters)  // in order: each goes after the last (positions 0, 1, ...)
        conn_->exec("saving the scenario", kCluster.insert, {sid, c.name, joined_codes(c.districts)});
}

void PgProjectStore::replace_scenario(const Scenario& s) {
    write("saving the scenario", [&] {
        long long id = scenario_id(s.name);
        if (id < 0) {
            id = insert_scenario_row(s);
        } else {
            conn_->exec("saving the scenario", "SELECT sespm.scenario_reset($1::bigint, $2::bigint, $3)", {num(id), num(s.critical_mass), s.notes});
        }
        write_scenario_parts(id, s);
    });
}

void PgProjectStore::upsert_scenario_places(long long id, const std::map<std::string, long long>& places) {
    std::string sid = num(id);
    Result cur = conn_->exec("saving the allocation", "SELECT code FROM sespm.scenario_places WHERE scenario_id = $1::bigint", {sid});
    for (int i = 0; i < cur.rows(); ++i) {
        auto it = places.find(cur.text(i, 0));
        if (it == places.end() || it->second == 0)
            conn_->exec("saving the allocation", "SELECT * FROM sespm.places_delete($1::bigint, $2, NULL)", {sid, cur.text(i, 0)});
    }
    for (const auto& [code, n] : places) {
        if (n == 0) continue;
        conn_->exec("saving the allocation", "SELECT sespm.places_put($1::bigint, $2, $3::bigint)", {sid, code, num(n)});
    }
}

// Each RowProjectStore::Row's SQL, in the enum's order.
static const RowSql& row_sql(RowProjectStore::Row row) {
    static const RowSql* const sql[] = {&kPledge, &kTrigger, &kPlaces, &kRatio, &kCluster, &kCriticalMass, &kNotes};
    return *sql[static_cast<size_t>(row)];
}

static Params params_of(const std::vector<std::string>& keys) { return Params(keys.begin(), keys.end()); }

void PgProjectStore::write_row(Row row, const std::vector<std::string>& keys, const std::optional<std::string>& value,
                               const std::string& what, const std::string& key, const std::string& doing) {
    checked_write(row_sql(row), params_of(keys), value, what, key, doing);
}

bool PgProjectStore::row_exists(Row row, const std::vector<std::string>& keys) const {
    return query("reading the " + std::string(row_sql(row).what), row_sql(row).read, params_of(keys)).rows() > 0;
}

void PgProjectStore::rename_scenario_row(long long id, const std::string& to) {
    conn_->exec("renaming the scenario", "SELECT sespm.scenario_rename($1::bigint, $2)", {num(id), to});
}

void PgProjectStore::delete_scenario_rows(long long id) {
    conn_->exec("deleting the scenario", "SELECT sespm.scenario_delete($1::bigint)", {num(id)});
}

} // namespace sespm::pg_store
