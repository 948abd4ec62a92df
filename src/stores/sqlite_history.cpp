// sqlite_history.cpp: the SQLite project file's history (schema 4: a table written by SQLite
// triggers, the user being the OS user name the program records as the writer of each
// transaction) and adopting a copied project's history. A file has no users or rights (stores/project_store.h: rights_of).
#include "stores/sqlite_project_store.h"

namespace sespm::sqlite_store {

std::vector<HistoryEntry> SqliteProjectStore::history(const HistoryFilter& f) const {
    std::vector<HistoryEntry> out;
    if (version_ < 4) return out;
    Stmt st(db_, "SELECT id, at, who, tbl, coalesce(scenario, ''), key, coalesce(old, ''), coalesce(new, '') FROM history"
                 " WHERE (?1 IS NULL OR key = ?1) AND (?2 IS NULL OR at >= ?2) AND (?3 IS NULL OR id = ?3) ORDER BY id", path_);
    if (f.key) st.text(1, *f.key);
    if (f.since) st.text(2, *f.since);
    if (f.id) st.integer(3, *f.id);
    while (st.row())
        out.push_back({st.col_int(0, 0, LLONG_MAX, "history.id"), st.col_text(1), st.col_text(2), st.col_text(3), st.col_text(4),
                       st.col_text(5), canonical_json(st.col_text(6)), canonical_json(st.col_text(7))});
    return out;
}

void SqliteProjectStore::adopt_history(const std::vector<HistoryEntry>& entries) {
    if (depth_ == 0) throw ProjectError(Kind::Io, where(path_, 0, "", "adopting a history needs an open transaction (a program error)"));
    {
        Stmt st(db_, "SELECT count(*) FROM history WHERE id <= ?1", path_);
        st.integer(1, history_mark_);
        if (st.row() && st.col_int(0, 0, LLONG_MAX, "history") > 0)
            throw ProjectError(Kind::Exists, where(path_, 0, "", "the project already has a history; copy into an empty project"));
    }
    Stmt(db_, "DELETE FROM history WHERE id > ?1", path_).integer(1, history_mark_).run();
    Stmt ins(db_, "INSERT INTO history (id, at, who, tbl, scenario, key, old, new) VALUES (?1, ?2, ?3, ?4, nullif(?5, ''), ?6, nullif(?7, ''), nullif(?8, ''))", path_);
    for (const auto& e : entries)
        ins.integer(1, e.id).text(2, e.at).text(3, e.who).text(4, e.table).text(5, e.scenario).text(6, e.key).text(7, e.old_json).text(8, e.new_json).run();
}

} // namespace sespm::sqlite_store
