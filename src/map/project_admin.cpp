// project_admin.cpp: see project_admin.h. A history entry's old and new rows are JSON objects
// with the table's own columns (pledges: code, places; triggers: key, pct; scenarios: name,
// critical_mass, notes; scenario_places: code, places; scenario_ratios: code, ratio;
// scenario_clusters: name, codes), the same in the SQLite file and on the server.
#include "map/project_admin.h"

#include <nlohmann/json.hpp>

#include "core/text.h"

namespace sespm {

namespace {

using nlohmann::json;
using Kind = ProjectError::Kind;

json parse_row(const std::string& text, const HistoryEntry& e) {
    if (text.empty()) return json();
    try {
        return json::parse(text);
    } catch (const json::exception&) {
        throw ProjectError(Kind::Io, "history entry " + std::to_string(e.id) + ": its row is not JSON: " + clip(text));
    }
}

// The value of a row as a comparable string ("" = no row).
std::string field(const json& row, const char* name) {
    if (row.is_null() || !row.contains(name)) return "";
    const json& v = row[name];
    return v.is_string() ? v.get<std::string>() : v.dump();
}

void must_be(const HistoryEntry& e, const std::string& now, const std::string& then, const std::string& what) {
    if (now == then) return;
    throw ProjectError(Kind::Conflict, "change " + std::to_string(e.id) + " (" + e.table + " " + e.key + ") cannot be restored: the " + what +
                                           " was changed again since (it is now " + (now.empty() ? "removed" : clip(now)) +
                                           "); restore the later changes to " + e.key + " first (see the project's history)");
}

void restore_scenario_row(ProjectStore& st, const HistoryEntry& e, const json& o, const json& n) {
    std::string name = field(n.is_null() ? o : n, "name");
    std::optional<Scenario> cur = st.load_scenario(name);
    if (n.is_null()) {  // a deletion: the scenario comes back (its parts have their own entries)
        if (cur) must_be(e, name, "", "scenario");
        Scenario sc;
        sc.name = field(o, "name");
        sc.critical_mass = std::stoll(field(o, "critical_mass"));
        sc.notes = field(o, "notes");
        st.create_scenario(sc);
        return;
    }
    must_be(e, cur ? std::to_string(cur->critical_mass) + "|" + cur->notes : "", field(n, "critical_mass") + "|" + field(n, "notes"), "scenario");
    if (o.is_null()) { st.delete_scenario(name); return; }
    if (field(o, "name") != name) st.rename_scenario(name, field(o, "name"));
    st.set_scenario_critical_mass(field(o, "name"), std::stoll(field(o, "critical_mass")));
    st.set_scenario_notes(field(o, "name"), field(o, "notes"));
}

void restore_part(ProjectStore& st, const HistoryEntry& e, const json& o, const json& n) {
    std::optional<Scenario> sc = st.load_scenario(e.scenario);
    if (!sc) throw ProjectError(Kind::NotFound, "change " + std::to_string(e.id) + ": scenario '" + e.scenario + "' no longer exists; restore it first");
    const std::string& k = e.key;
    if (e.table == "scenario_places") {
        must_be(e, sc->extra_places.count(k) ? std::to_string(sc->extra_places[k]) : "", field(n, "places"), "places of " + k);
        st.set_scenario_places(e.scenario, k, o.is_null() ? 0 : std::stoll(field(o, "places")));
    } else if (e.table == "scenario_ratios") {
        std::string now = sc->ratio_overrides.count(k) ? json(sc->ratio_overrides[k]).dump() : "";
        must_be(e, now.empty() ? "" : json::parse(now).dump(), n.is_null() ? "" : json(n["ratio"].get<double>()).dump(), "ratio of " + k);
        st.set_scenario_ratio(e.scenario, k, o.is_null() ? 0 : o["ratio"].get<double>());
    } else {
        std::string now;
        for (const auto& c : sc->clusters) if (c.name == k) for (const auto& d : c.districts) now += (now.empty() ? "" : ";") + d;
        must_be(e, now, field(n, "codes"), "cluster " + k);
        if (o.is_null()) st.remove_scenario_cluster(e.scenario, k);
        else st.set_scenario_cluster(e.scenario, {k, split_list(field(o, "codes"), ';')});
    }
}

void restore_entry(ProjectStore& st, const HistoryEntry& e) {
    json o = parse_row(e.old_json, e), n = parse_row(e.new_json, e);
    if (e.table == "pledges") {
        auto p = st.pledges();
        must_be(e, p.count(e.key) ? std::to_string(p[e.key]) : "", field(n, "places"), "pledge");
        st.set_pledge(e.key, o.is_null() ? std::nullopt : std::optional<int>(std::stoi(field(o, "places"))));
    } else if (e.table == "triggers") {
        auto t = st.triggers();
        must_be(e, t.count(e.key) ? json(t[e.key]).dump() : "", n.is_null() ? "" : json(n["pct"].get<double>()).dump(), "trigger");
        st.set_trigger(e.key, o.is_null() ? std::nullopt : std::optional<double>(o["pct"].get<double>()));
    } else if (e.table == "scenarios") {
        restore_scenario_row(st, e, o, n);
    } else if (e.table.rfind("scenario_", 0) == 0) {
        restore_part(st, e, o, n);
    } else {
        throw ProjectError(Kind::Io, "change " + std::to_string(e.id) + ": unknown table '" + clip(e.table) + "'");
    }
}

} // namespace

void restore_change(ProjectStore& store, long long id) {
    run_transaction(store, [&] {
        HistoryFilter f;
        f.id = id;
        auto entries = store.history(f);
        if (entries.empty()) throw ProjectError(Kind::NotFound, where(store.location(), 0, "change", "no change " + std::to_string(id) + " in the history"));
        try {
            restore_entry(store, entries[0]);
        } catch (const json::exception& e) {
            throw ProjectError(Kind::Io, where(store.location(), 0, "change", "change " + std::to_string(id) + ": a row of an unexpected shape (" + e.what() + ")"));
        }
    });
}

CopyCounts copy_project(const ProjectStore& from, ProjectStore& to) {
    auto pledges = from.pledges();
    auto triggers = from.triggers();
    auto history = from.history({});
    std::vector<Scenario> scenarios;
    for (const auto& name : from.scenario_names()) if (auto sc = from.load_scenario(name)) scenarios.push_back(*sc);
    CopyCounts n;
    run_transaction(to, [&] {
        if (!to.pledges().empty() || !to.triggers().empty() || !to.scenario_names().empty() || !to.history({}).empty())
            throw ProjectError(Kind::Exists, where(to.location(), 0, "", "the project to copy into is not empty; copy into a new file or an empty server project"));
        for (const auto& [code, places] : pledges) to.set_pledge(code, places);
        for (const auto& [key, pct] : triggers) to.set_trigger(key, pct);
        for (const auto& sc : scenarios) to.create_scenario(sc);
        to.adopt_history(history);
        n = {pledges.size(), scenarios.size(), triggers.size(), history.size()};
    });
    return n;
}

} // namespace sespm
