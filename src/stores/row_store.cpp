// row_store.cpp: see row_store.h.
#include "stores/row_store.h"

#include <cstdio>

#include "core/error.h"

namespace sespm {

std::string joined_codes(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& d : codes) out += (out.empty() ? "" : ";") + d;
    return out;
}

std::string exact_number(double v) {
    char b[40];
    std::snprintf(b, sizeof b, "%.17g", v);
    return b;
}

long long RowProjectStore::existing_id(const std::string& name) const {
    long long id = scenario_id(name);
    if (id < 0) throw ProjectError(ProjectError::Kind::NotFound, where(location(), 0, "name", "no scenario is called '" + name + "'"));
    return id;
}

void RowProjectStore::scenario_exists(const std::string& name) const {
    throw ProjectError(ProjectError::Kind::Exists, where(location(), 0, "name", "a scenario called '" + name + "' exists already"));
}

void RowProjectStore::set_pledge(const std::string& code, std::optional<int> places) {
    check_pledge(location(), code, places);
    write_row(Row::Pledge, {code}, places ? std::optional<std::string>(std::to_string(*places)) : std::nullopt, "pledge", code, "saving the pledge");
}

void RowProjectStore::set_trigger(const std::string& key, std::optional<double> pct) {
    check_trigger(location(), key, pct);
    write_row(Row::Trigger, {key}, pct ? std::optional<std::string>(exact_number(*pct)) : std::nullopt, "trigger", key, "saving the trigger");
}

void RowProjectStore::create_scenario(const Scenario& s) {
    check_name(location(), "scenario", s.name);
    in_write("creating the scenario", [&] {
        if (scenario_id(s.name) >= 0) scenario_exists(s.name);
        insert_scenario(s);
    });
}

void RowProjectStore::rename_scenario(const std::string& from, const std::string& to) {
    check_name(location(), "scenario", to);
    in_write("renaming the scenario", [&] {
        long long id = existing_id(from);
        if (scenario_id(to) >= 0) scenario_exists(to);
        rename_scenario_row(id, to);
    });
}

void RowProjectStore::delete_scenario(const std::string& name) {
    in_write("deleting the scenario", [&] { delete_scenario_rows(existing_id(name)); });
}

void RowProjectStore::replace_scenario_places(const std::string& name, const std::map<std::string, long long>& places) {
    in_write("saving the allocation", [&] { upsert_scenario_places(existing_id(name), places); });
}

void RowProjectStore::set_scenario_places(const std::string& name, const std::string& code, long long places) {
    std::string id = std::to_string(existing_id(name));
    write_row(Row::Places, {id, code}, places == 0 ? std::nullopt : std::optional<std::string>(std::to_string(places)),
              "places in scenario '" + name + "'", code, "saving the places");
}

void RowProjectStore::set_scenario_ratio(const std::string& name, const std::string& code, double ratio) {
    std::string id = std::to_string(existing_id(name));
    write_row(Row::Ratio, {id, code}, ratio == 0 ? std::nullopt : std::optional<std::string>(exact_number(ratio)),
              "ratio in scenario '" + name + "'", code, "saving the ratio");
}

void RowProjectStore::set_scenario_cluster(const std::string& name, const Cluster& c) {
    check_name(location(), "cluster", c.name);
    std::string id = std::to_string(existing_id(name));
    write_row(Row::Cluster, {id, c.name}, joined_codes(c.districts), "cluster in scenario '" + name + "'", c.name, "saving the cluster");
}

void RowProjectStore::remove_scenario_cluster(const std::string& name, const std::string& cluster) {
    std::string id = std::to_string(existing_id(name));
    if (!row_exists(Row::Cluster, {id, cluster}))
        throw ProjectError(ProjectError::Kind::NotFound, where(location(), 0, "cluster", "scenario '" + name + "' has no cluster called '" + cluster + "'"));
    write_row(Row::Cluster, {id, cluster}, std::nullopt, "cluster in scenario '" + name + "'", cluster, "removing the cluster");
}

void RowProjectStore::set_scenario_critical_mass(const std::string& name, long long places) {
    write_row(Row::CriticalMass, {std::to_string(existing_id(name))}, std::to_string(places), "critical mass", name, "saving the critical mass");
}

void RowProjectStore::set_scenario_notes(const std::string& name, const std::string& notes) {
    write_row(Row::Notes, {std::to_string(existing_id(name))}, notes, "notes", name, "saving the notes");
}

} // namespace sespm
