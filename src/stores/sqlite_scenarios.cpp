// sqlite_scenarios.cpp: the SQL behind RowProjectStore's edits in the SQLite project file (see
// sqlite_project_store.h): the versioned rows (pledges, triggers, a scenario's places, ratios,
// clusters, critical mass and notes) and the scenario rows themselves, each edit touching only
// its own rows in one transaction.
#include <algorithm>

#include "core/text.h"
#include "stores/sqlite_project_store.h"

namespace sespm::sqlite_store {

namespace {

const RowSql kPledge{"pledge", "SELECT places" SESPM_SQLITE_STAMP_READ " FROM pledges WHERE code = ?1",
    "INSERT INTO pledges (code, places, changed_by, changed_at) VALUES (?1, ?2, " SESPM_SQLITE_WHO ", " SESPM_SQLITE_NOW ")"
    " ON CONFLICT DO NOTHING RETURNING version",
    "UPDATE pledges SET places = ?2" SESPM_SQLITE_STAMP_SET " WHERE code = ?1 AND version = ?3 RETURNING version",
    "DELETE FROM pledges WHERE code = ?1 AND version = ?2"};

const RowSql kTrigger{"trigger", "SELECT pct" SESPM_SQLITE_STAMP_READ " FROM triggers WHERE key = ?1",
    "INSERT INTO triggers (key, pct, changed_by, changed_at) VALUES (?1, ?2, " SESPM_SQLITE_WHO ", " SESPM_SQLITE_NOW ")"
    " ON CONFLICT DO NOTHING RETURNING version",
    "UPDATE triggers SET pct = ?2" SESPM_SQLITE_STAMP_SET " WHERE key = ?1 AND version = ?3 RETURNING version",
    "DELETE FROM triggers WHERE key = ?1 AND version = ?2"};

const char* kPartTables[] = {"scenario_places", "scenario_ratios", "scenario_clusters"};  // names are ours, not users'

const RowSql kPlaces{"places", "SELECT places" SESPM_SQLITE_STAMP_READ " FROM scenario_places WHERE scenario_id = ?1 AND code = ?2",
    "INSERT INTO scenario_places (scenario_id, code, places, changed_by, changed_at) VALUES (?1, ?2, ?3, " SESPM_SQLITE_WHO ", " SESPM_SQLITE_NOW ")"
    " ON CONFLICT DO NOTHING RETURNING version",
    "UPDATE scenario_places SET places = ?3" SESPM_SQLITE_STAMP_SET " WHERE scenario_id = ?1 AND code = ?2 AND version = ?4 RETURNING version",
    "DELETE FROM scenario_places WHERE scenario_id = ?1 AND code = ?2 AND version = ?3"};

const RowSql kRatio{"ratio", "SELECT ratio" SESPM_SQLITE_STAMP_READ " FROM scenario_ratios WHERE scenario_id = ?1 AND code = ?2",
    "INSERT INTO scenario_ratios (scenario_id, code, ratio, changed_by, changed_at) VALUES (?1, ?2, ?3, " SESPM_SQLITE_WHO ", " SESPM_SQLITE_NOW ")"
    " ON CONFLICT DO NOTHING RETURNING version",
    "UPDATE scenario_ratios SET ratio = ?3" SESPM_SQLITE_STAMP_SET " WHERE scenario_id = ?1 AND code = ?2 AND version = ?4 RETURNING version",
    "DELETE FROM scenario_ratios WHERE scenario_id = ?1 AND code = ?2 AND version = ?3"};

// The scenario's own row: its critical mass and its notes (no insert or removal here).
const RowSql kCriticalMass{"scenario", "SELECT critical_mass" SESPM_SQLITE_STAMP_READ " FROM scenarios WHERE id = ?1", "",
    "UPDATE scenarios SET critical_mass = ?2" SESPM_SQLITE_STAMP_SET " WHERE id = ?1 AND version = ?3 RETURNING version", ""};
const RowSql kNotes{"scenario", "SELECT notes" SESPM_SQLITE_STAMP_READ " FROM scenarios WHERE id = ?1", "",
    "UPDATE scenarios SET notes = ?2" SESPM_SQLITE_STAMP_SET " WHERE id = ?1 AND version = ?3 RETURNING version", ""};

// A new cluster goes after the others (its position); an existing one keeps its place.
const RowSql kCluster{"cluster", "SELECT codes" SESPM_SQLITE_STAMP_READ " FROM scenario_clusters WHERE scenario_id = ?1 AND name = ?2",
    "INSERT INTO scenario_clusters (scenario_id, position, name, codes, changed_by, changed_at)"
    " SELECT ?1, coalesce(max(position), -1) + 1, ?2, ?3, " SESPM_SQLITE_WHO ", " SESPM_SQLITE_NOW " FROM scenario_clusters WHERE scenario_id = ?1"
    " AND NOT EXISTS (SELECT 1 FROM scenario_clusters WHERE scenario_id = ?1 AND name = ?2) RETURNING version",
    "UPDATE scenario_clusters SET codes = ?3" SESPM_SQLITE_STAMP_SET " WHERE scenario_id = ?1 AND name = ?2 AND version = ?4 RETURNING version",
    "DELETE FROM scenario_clusters WHERE scenario_id = ?1 AND name = ?2 AND version = ?3"};

} // namespace

long long SqliteProjectStore::scenario_id(const std::string& name) const {
    if (version_ < 2) return -1;
    Stmt st(db_, "SELECT id FROM scenarios WHERE name = ?1", path_);
    st.text(1, name);
    return st.row() ? st.col_int(0, 0, LLONG_MAX, "scenarios.id") : -1;
}

std::vector<std::string> SqliteProjectStore::scenario_names() const {
    std::vector<std::string> out;
    if (version_ < 2) return out;  // a read-only schema 1 file has no scenarios
    Stmt st(db_, "SELECT name FROM scenarios ORDER BY name", path_);
    while (st.row()) out.push_back(st.col_text(0));
    return out;
}

std::optional<Scenario> SqliteProjectStore::load_scenario(const std::string& name) const {
    long long id = scenario_id(name);
    if (id < 0) return std::nullopt;
    Scenario sc;
    std::string at = "scenario '" + name + "'";
    {
        Stmt st(db_, "SELECT name, critical_mass, notes FROM scenarios WHERE id = ?1", path_);
        st.integer(1, id);
        if (!st.row()) return std::nullopt;
        sc.name = st.col_text(0);
        sc.critical_mass = st.col_int(1, 0, LLONG_MAX, at + " critical_mass");
        sc.notes = st.col_text(2);
    }
    if (version_ >= 4) {
        Stmt st(db_, "SELECT version FROM scenarios WHERE id = ?1", path_);
        st.integer(1, id);
        if (st.row()) seen_.saw("scenario/", std::to_string(id), st.col_int(0, 0, LLONG_MAX, at + " version"));
    }
    bool v4 = version_ >= 4;
    std::string sid = std::to_string(id);
    auto saw = [&](const char* table, const Stmt& st) {
        if (v4) seen_.saw(table + sid, st.col_text(0), st.col_int(2, 0, LLONG_MAX, at + " version"));
    };
    {
        Stmt st(db_, v4 ? "SELECT code, places, version FROM scenario_places WHERE scenario_id = ?1" : "SELECT code, places FROM scenario_places WHERE scenario_id = ?1", path_);
        st.integer(1, id);
        while (st.row()) { sc.extra_places[st.col_text(0)] = st.col_int(1, 0, LLONG_MAX, at + " places of " + st.col_text(0)); saw("places/", st); }
    }
    {
        Stmt st(db_, v4 ? "SELECT code, ratio, version FROM scenario_ratios WHERE scenario_id = ?1" : "SELECT code, ratio FROM scenario_ratios WHERE scenario_id = ?1", path_);
        st.integer(1, id);
        while (st.row()) { sc.ratio_overrides[st.col_text(0)] = st.col_real(1, at + " ratio of " + st.col_text(0)); saw("ratio/", st); }
    }
    {
        Stmt st(db_, v4 ? "SELECT name, codes, version FROM scenario_clusters WHERE scenario_id = ?1 ORDER BY position"
                        : "SELECT name, codes FROM scenario_clusters WHERE scenario_id = ?1 ORDER BY position", path_);
        st.integer(1, id);
        while (st.row()) { sc.clusters.push_back({st.col_text(0), split_list(st.col_text(1), ';')}); saw("cluster/", st); }
    }
    if (v4) for (const char* t : {"places/", "ratio/", "cluster/"}) seen_.saw_all(t + sid);
    return sc;
}

long long SqliteProjectStore::insert_scenario_row(const Scenario& s) {
    check_name(path_, "scenario", s.name);
    Stmt(db_, "INSERT INTO scenarios (name, critical_mass, notes) VALUES (?1, ?2, ?3)", path_)
        .text(1, s.name).integer(2, s.critical_mass).text(3, s.notes).run();
    return sqlite3_last_insert_rowid(db_);
}

void SqliteProjectStore::delete_scenario_parts(long long id) {
    for (const char* table : kPartTables) {
        std::string sql = std::string("DELETE FROM ") + table + " WHERE scenario_id = ?1";
        Stmt(db_, sql.c_str(), path_).integer(1, id).run();
    }
}

void SqliteProjectStore::write_scenario_parts(long long id, const Scenario& s) {
    Stmt places(db_, "INSERT INTO scenario_places (scenario_id, code, places) VALUES (?1, ?2, ?3)", path_);
    for (const auto& [code, n] : s.extra_places) places.integer(1, id).text(2, code).integer(3, n).run();
    Stmt ratios(db_, "INSERT INTO scenario_ratios (scenario_id, code, ratio) VALUES (?1, ?2, ?3)", path_);
    for (const auto& [code, r] : s.ratio_overrides) ratios.integer(1, id).text(2, code).real(3, r).run();
    Stmt clusters(db_, "INSERT INTO scenario_clusters (scenario_id, position, name, codes) VALUES (?1, ?2, ?3, ?4)", path_);
    long long pos = 0;
    for (const auto& c : s.clusters) clusters.integer(1, id).integer(2, pos++).text(3, c.name).text(4, joined_codes(c.districts)).run();
}

void SqliteProjectStore::replace_scenario(const Scenario& s) {
    write("saving the scenario", [&] {
        long long id = scenario_id(s.name);
        if (id < 0) {
            id = insert_scenario_row(s);
        } else {
            Stmt(db_, "UPDATE scenarios SET critical_mass = ?2, notes = ?3" SESPM_SQLITE_STAMP_SET " WHERE id = ?1", path_)
                .integer(1, id).integer(2, s.critical_mass).text(3, s.notes).run();
            delete_scenario_parts(id);
        }
        write_scenario_parts(id, s);
    });
}

// Each RowProjectStore::Row's SQL, in the enum's order.
static const RowSql& row_sql(RowProjectStore::Row row) {
    static const RowSql* const sql[] = {&kPledge, &kTrigger, &kPlaces, &kRatio, &kCluster, &kCriticalMass, &kNotes};
    return *sql[static_cast<size_t>(row)];
}

void SqliteProjectStore::write_row(Row row, const std::vector<std::string>& keys, const std::optional<std::string>& value,
                                   const std::string& what, const std::string& key, const std::string& doing) {
    checked_write(row_sql(row), keys, value, what, key, doing);
}

bool SqliteProjectStore::row_exists(Row row, const std::vector<std::string>& keys) const {
    Stmt st(db_, row_sql(row).read, path_);
    for (size_t i = 0; i < keys.size(); ++i) st.text(static_cast<int>(i + 1), keys[i]);
    return st.row();
}

void SqliteProjectStore::insert_scenario(const Scenario& s) { write_scenario_parts(insert_scenario_row(s), s); }

void SqliteProjectStore::rename_scenario_row(long long id, const std::string& to) {
    Stmt(db_, "UPDATE scenarios SET name = ?2" SESPM_SQLITE_STAMP_SET " WHERE id = ?1", path_).integer(1, id).text(2, to).run();
}

void SqliteProjectStore::delete_scenario_rows(long long id) {
    delete_scenario_parts(id);
    Stmt(db_, "DELETE FROM scenarios WHERE id = ?1", path_).integer(1, id).run();
}

void SqliteProjectStore::upsert_scenario_places(long long id, const std::map<std::string, long long>& places) {
    std::vector<std::string> gone;
    {
        Stmt cur(db_, "SELECT code FROM scenario_places WHERE scenario_id = ?1", path_);
        cur.integer(1, id);
        while (cur.row()) if (auto it = places.find(cur.col_text(0)); it == places.end() || it->second == 0) gone.push_back(cur.col_text(0));
    }
    Stmt del(db_, "DELETE FROM scenario_places WHERE scenario_id = ?1 AND code = ?2", path_);
    for (const auto& code : gone) del.integer(1, id).text(2, code).run();
    Stmt ins(db_, "INSERT INTO scenario_places AS t (scenario_id, code, places, changed_by, changed_at) VALUES (?1, ?2, ?3, "
                  SESPM_SQLITE_WHO ", " SESPM_SQLITE_NOW ") ON CONFLICT (scenario_id, code) DO UPDATE SET places = excluded.places,"
                  " version = t.version + 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at WHERE t.places <> excluded.places", path_);
    for (const auto& [code, n] : places) if (n != 0) ins.integer(1, id).text(2, code).integer(3, n).run();
}

} // namespace sespm::sqlite_store
