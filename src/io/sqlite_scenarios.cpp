// sqlite_scenarios.cpp: the scenario rows of the SQLite project file (see sqlite_project_store.h):
// a scenario row (name, critical mass, notes) and its places, ratios and clusters, each edit
// touching only its own rows in one transaction.
#include <algorithm>

#include "core/text.h"
#include "io/sqlite_project_store.h"

namespace sespm::sqlite_store {

namespace {

const char* kPartTables[] = {"scenario_places", "scenario_ratios", "scenario_clusters"};  // names are ours, not users'

std::string join_codes(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& d : codes) out += (out.empty() ? "" : ";") + d;
    return out;
}

} // namespace

long long SqliteProjectStore::scenario_id(const std::string& name) const {
    if (version_ < 2) return -1;
    Stmt st(db_, "SELECT id FROM scenarios WHERE name = ?1", path_);
    st.text(1, name);
    return st.row() ? st.col_int(0, 0, LLONG_MAX, "scenarios.id") : -1;
}

long long SqliteProjectStore::existing_id(const std::string& name) const {
    long long id = scenario_id(name);
    if (id < 0) throw ProjectError(Kind::NotFound, where(path_, 0, "name", "no scenario is called '" + name + "'"));
    return id;
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
    {
        Stmt st(db_, "SELECT code, places FROM scenario_places WHERE scenario_id = ?1", path_);
        st.integer(1, id);
        while (st.row()) sc.extra_places[st.col_text(0)] = st.col_int(1, 0, LLONG_MAX, at + " places of " + st.col_text(0));
    }
    {
        Stmt st(db_, "SELECT code, ratio FROM scenario_ratios WHERE scenario_id = ?1", path_);
        st.integer(1, id);
        while (st.row()) sc.ratio_overrides[st.col_text(0)] = st.col_real(1, at + " ratio of " + st.col_text(0));
    }
    {
        Stmt st(db_, "SELECT name, codes FROM scenario_clusters WHERE scenario_id = ?1 ORDER BY position", path_);
        st.integer(1, id);
        while (st.row()) sc.clusters.push_back({st.col_text(0), split_list(st.col_text(1), ';')});
    }
    return sc;
}

long long SqliteProjectStore::insert_scenario_row(const Scenario& s) {
    if (s.name.empty()) throw ProjectError(Kind::Io, where(path_, 0, "name", "a scenario needs a name"));
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
    for (const auto& c : s.clusters) clusters.integer(1, id).integer(2, pos++).text(3, c.name).text(4, join_codes(c.districts)).run();
}

void SqliteProjectStore::create_scenario(const Scenario& s) {
    write("creating the scenario", [&] {
        if (scenario_id(s.name) >= 0)
            throw ProjectError(Kind::Exists, where(path_, 0, "name", "a scenario called '" + s.name + "' exists already"));
        write_scenario_parts(insert_scenario_row(s), s);
    });
}

void SqliteProjectStore::replace_scenario(const Scenario& s) {
    write("saving the scenario", [&] {
        long long id = scenario_id(s.name);
        if (id < 0) {
            id = insert_scenario_row(s);
        } else {
            Stmt(db_, "UPDATE scenarios SET critical_mass = ?2, notes = ?3 WHERE id = ?1", path_)
                .integer(1, id).integer(2, s.critical_mass).text(3, s.notes).run();
            delete_scenario_parts(id);
        }
        write_scenario_parts(id, s);
    });
}

void SqliteProjectStore::rename_scenario(const std::string& from, const std::string& to) {
    if (to.empty()) throw ProjectError(Kind::Io, where(path_, 0, "name", "a scenario needs a name"));
    write("renaming the scenario", [&] {
        long long id = existing_id(from);
        if (scenario_id(to) >= 0) throw ProjectError(Kind::Exists, where(path_, 0, "name", "a scenario called '" + to + "' exists already"));
        Stmt(db_, "UPDATE scenarios SET name = ?2 WHERE id = ?1", path_).integer(1, id).text(2, to).run();
    });
}

void SqliteProjectStore::delete_scenario(const std::string& name) {
    write("deleting the scenario", [&] {
        long long id = existing_id(name);
        delete_scenario_parts(id);
        Stmt(db_, "DELETE FROM scenarios WHERE id = ?1", path_).integer(1, id).run();
    });
}

void SqliteProjectStore::set_scenario_places(const std::string& name, const std::string& code, long long places) {
    write("saving the places", [&] {
        long long id = existing_id(name);
        if (places == 0) {
            Stmt(db_, "DELETE FROM scenario_places WHERE scenario_id = ?1 AND code = ?2", path_).integer(1, id).text(2, code).run();
            return;
        }
        Stmt(db_, "INSERT INTO scenario_places (scenario_id, code, places) VALUES (?1, ?2, ?3)"
                  " ON CONFLICT (scenario_id, code) DO UPDATE SET places = excluded.places", path_)
            .integer(1, id).text(2, code).integer(3, places).run();
    });
}

void SqliteProjectStore::replace_scenario_places(const std::string& name, const std::map<std::string, long long>& places) {
    write("saving the allocation", [&] {
        long long id = existing_id(name);
        Stmt(db_, "DELETE FROM scenario_places WHERE scenario_id = ?1", path_).integer(1, id).run();
        Stmt ins(db_, "INSERT INTO scenario_places (scenario_id, code, places) VALUES (?1, ?2, ?3)", path_);
        for (const auto& [code, n] : places) if (n != 0) ins.integer(1, id).text(2, code).integer(3, n).run();
    });
}

void SqliteProjectStore::set_scenario_ratio(const std::string& name, const std::string& code, double ratio) {
    write("saving the ratio", [&] {
        long long id = existing_id(name);
        if (ratio == 0) {
            Stmt(db_, "DELETE FROM scenario_ratios WHERE scenario_id = ?1 AND code = ?2", path_).integer(1, id).text(2, code).run();
            return;
        }
        Stmt(db_, "INSERT INTO scenario_ratios (scenario_id, code, ratio) VALUES (?1, ?2, ?3)"
                  " ON CONFLICT (scenario_id, code) DO UPDATE SET ratio = excluded.ratio", path_)
            .integer(1, id).text(2, code).real(3, ratio).run();
    });
}

void SqliteProjectStore::set_scenario_cluster(const std::string& name, const Cluster& c) {
    write("saving the cluster", [&] {
        long long id = existing_id(name);
        Stmt upd(db_, "UPDATE scenario_clusters SET codes = ?3 WHERE scenario_id = ?1 AND name = ?2", path_);
        upd.integer(1, id).text(2, c.name).text(3, join_codes(c.districts)).run();
        if (sqlite3_changes(db_) > 0) return;
        Stmt(db_, "INSERT INTO scenario_clusters (scenario_id, position, name, codes)"
                  " SELECT ?1, coalesce(max(position), -1) + 1, ?2, ?3 FROM scenario_clusters WHERE scenario_id = ?1", path_)
            .integer(1, id).text(2, c.name).text(3, join_codes(c.districts)).run();
    });
}

void SqliteProjectStore::remove_scenario_cluster(const std::string& name, const std::string& cluster) {
    write("removing the cluster", [&] {
        long long id = existing_id(name);
        Stmt(db_, "DELETE FROM scenario_clusters WHERE scenario_id = ?1 AND name = ?2", path_).integer(1, id).text(2, cluster).run();
        if (sqlite3_changes(db_) == 0)
            throw ProjectError(Kind::NotFound, where(path_, 0, "cluster", "scenario '" + name + "' has no cluster called '" + cluster + "'"));
    });
}

void SqliteProjectStore::set_scenario_critical_mass(const std::string& name, long long places) {
    write("saving the critical mass", [&] {
        Stmt(db_, "UPDATE scenarios SET critical_mass = ?2 WHERE id = ?1", path_).integer(1, existing_id(name)).integer(2, places).run();
    });
}

void SqliteProjectStore::set_scenario_notes(const std::string& name, const std::string& notes) {
    write("saving the notes", [&] {
        Stmt(db_, "UPDATE scenarios SET notes = ?2 WHERE id = ?1", path_).integer(1, existing_id(name)).text(2, notes).run();
    });
}

} // namespace sespm::sqlite_store
