// sqlite_versions.cpp: no lost update in the SQLite project file, the same rule as the server's:
// a versioned single-row write (UPDATE ... WHERE key AND version = what this store read, inside
// BEGIN IMMEDIATE; zero rows means someone changed it first, refused with who, when and what),
// and schema 4 (row versions and the history table with its triggers), upgraded from 3.
#include <pwd.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "stores/sqlite_project_store.h"

namespace sespm::sqlite_store {

namespace {

// Each history trigger: the table, its columns as a JSON object of a row (R = NEW or OLD), its
// key, and (for the parts of a scenario) the scenario it belongs to.
struct Logged { const char* table; const char* json; const char* key; bool part; const char* changed; };
const Logged kLogged[] = {
    {"pledges", "json_object('code', R.code, 'places', R.places)", "R.code", false, "OLD.places IS NOT NEW.places"},
    {"triggers", "json_object('key', R.key, 'pct', R.pct)", "R.key", false, "OLD.pct IS NOT NEW.pct"},
    {"scenarios", "json_object('id', R.id, 'name', R.name, 'critical_mass', R.critical_mass, 'notes', R.notes)", "R.name", false,
     "OLD.name IS NOT NEW.name OR OLD.critical_mass IS NOT NEW.critical_mass OR OLD.notes IS NOT NEW.notes"},
    {"scenario_places", "json_object('scenario_id', R.scenario_id, 'code', R.code, 'places', R.places)", "R.code", true, "OLD.places IS NOT NEW.places"},
    {"scenario_ratios", "json_object('scenario_id', R.scenario_id, 'code', R.code, 'ratio', R.ratio)", "R.code", true, "OLD.ratio IS NOT NEW.ratio"},
    {"scenario_clusters", "json_object('scenario_id', R.scenario_id, 'position', R.position, 'name', R.name, 'codes', R.codes)", "R.name", true,
     "OLD.codes IS NOT NEW.codes OR OLD.position IS NOT NEW.position OR OLD.name IS NOT NEW.name"},
};

std::string with_row(std::string s, const char* row) {
    for (size_t at = s.find("R."); at != std::string::npos; at = s.find("R.", at + 1))
        if (at == 0 || !std::isalnum(static_cast<unsigned char>(s[at - 1]))) s.replace(at, 1, row);
    return s;
}

std::string history_triggers() {
    std::string sql;
    for (const auto& t : kLogged) {
        for (const char* op : {"INSERT", "UPDATE", "DELETE"}) {
            std::string op_s = op;
            const char* row = op_s == "DELETE" ? "OLD" : "NEW";
            std::string oldj = op_s == "INSERT" ? "NULL" : with_row(t.json, "OLD");
            std::string newj = op_s == "DELETE" ? "NULL" : with_row(t.json, "NEW");
            // a scenario's history key is the name it had before the change (as on the server)
            std::string key = with_row(t.key, std::string(t.table) == "scenarios" && op_s == "UPDATE" ? "OLD" : row);
            std::string scen = t.part ? with_row("(SELECT name FROM scenarios WHERE id = R.scenario_id)", row) : "NULL";
            sql += "CREATE TRIGGER " + std::string(t.table) + "_" + op_s + "_history AFTER " + op_s + " ON " + t.table +
                   (op_s == "UPDATE" ? std::string(" WHEN ") + t.changed : "") +
                   " BEGIN INSERT INTO history (at, who, tbl, scenario, key, old, new) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),"
                   " (SELECT value FROM meta WHERE key = 'writer'), '" + t.table + "', " + scen + ", " + key + ", " + oldj + ", " + newj + "); END;\n";
        }
    }
    return sql;
}

} // namespace

std::string os_user() {
    if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name) return pw->pw_name;
    const char* u = std::getenv("USER");
    return u && *u ? u : "unknown";
}

// 4: a version, who and when on every user-edited row; the history table and its triggers.
void SqliteProjectStore::upgrade_to_4() {
    std::string sql;
    // (a file whose version number was set back by hand may have some of it: only what is missing)
    for (const char* t : {"pledges", "triggers", "scenarios", "scenario_places", "scenario_ratios", "scenario_clusters"}) {
        Stmt st(db_, "SELECT count(*) FROM pragma_table_info(?1) WHERE name = 'version'", path_);
        st.text(1, t);
        if (st.row() && st.col_int(0, 0, 1, "table_info") == 1) continue;
        sql += std::string("ALTER TABLE ") + t + " ADD COLUMN version INTEGER NOT NULL DEFAULT 1;" + "ALTER TABLE " + t +
               " ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';" + "ALTER TABLE " + t + " ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';";
    }
    sql += "CREATE TABLE IF NOT EXISTS history (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, who TEXT NOT NULL, tbl TEXT NOT NULL,"
           " scenario TEXT, key TEXT NOT NULL, old TEXT, new TEXT);"
           "CREATE INDEX IF NOT EXISTS history_key ON history (key);"
           "INSERT OR REPLACE INTO meta VALUES ('writer', '');";
    for (const auto& t : kLogged)
        for (const char* op : {"INSERT", "UPDATE", "DELETE"}) sql += std::string("DROP TRIGGER IF EXISTS ") + t.table + "_" + op + "_history;";
    sql += history_triggers();
    sql += "UPDATE meta SET value = '4' WHERE key = 'schema_version'";
    exec(sql.c_str(), "upgrading the project");
}

void SqliteProjectStore::checked_write(const RowSql& q, const std::vector<std::string>& keys, const std::optional<std::string>& value,
                                       const std::string& what, const std::string& key, const std::string& doing) {
    std::string table = q.what + std::string("/") + (keys.size() > 1 ? keys[0] : "");
    auto bind = [&](Stmt& st, const std::vector<std::string>& v) -> Stmt& {
        for (size_t i = 0; i < v.size(); ++i) st.text(static_cast<int>(i + 1), v[i]);
        return st;
    };
    write(doing, [&] {
        std::optional<long long> expected = seen_.get(table, keys.back());
        auto current = [&]() -> std::optional<long long> {
            Stmt st(db_, q.read, path_);
            return bind(st, keys).row() ? std::optional<long long>(st.col_int(1, 0, LLONG_MAX, "version")) : std::nullopt;
        };
        if (!expected) expected = current().value_or(0);
        std::vector<std::string> p = keys;
        if (value) p.push_back(*value);
        if (*expected != 0) p.push_back(std::to_string(*expected));
        if (!value && *expected == 0) {
            if (current()) refused(q, keys, value, what, key);
            return;
        }
        Stmt st(db_, !value ? q.remove : *expected == 0 ? q.insert : q.update, path_);
        long long now = 0;
        if (value) {
            if (!bind(st, p).row()) refused(q, keys, value, what, key);
            now = st.col_int(0, 0, LLONG_MAX, "version");
            st.reset();
        } else {
            bind(st, p).run();
            if (sqlite3_changes(db_) == 0) refused(q, keys, value, what, key);
        }
        seen_.wrote(table, keys.back(), now);
    });
}

void SqliteProjectStore::refused(const RowSql& q, const std::vector<std::string>& keys, const std::optional<std::string>& yours,
                                 const std::string& what, const std::string& key) {
    Stmt st(db_, q.read, path_);
    for (size_t i = 0; i < keys.size(); ++i) st.text(static_cast<int>(i + 1), keys[i]);
    ConflictInfo c;
    c.what = what;
    c.key = key;
    c.yours = yours.value_or("");
    if (st.row()) {
        c.theirs = st.col_text(0);
        c.by = st.col_text(2);
        c.at = st.col_text(3);
    }
    throw ProjectError(path_, c);
}

} // namespace sespm::sqlite_store
