// scenario_edit.cpp: see scenario_edit.h.
#include "core/scenario_edit.h"

#include <algorithm>

namespace sespm {

ScenarioEdit ScenarioEdit::set_places(std::string code, long long n) {
    ScenarioEdit e; e.kind = Kind::Places; e.code = std::move(code); e.places = n; return e;
}
ScenarioEdit ScenarioEdit::set_all_places(std::map<std::string, long long> places) {
    ScenarioEdit e; e.kind = Kind::AllPlaces; e.all_places = std::move(places); return e;
}
ScenarioEdit ScenarioEdit::set_ratio(std::string code, double ratio) {
    ScenarioEdit e; e.kind = Kind::Ratio; e.code = std::move(code); e.ratio = ratio; return e;
}
ScenarioEdit ScenarioEdit::set_cluster(Cluster c) {
    ScenarioEdit e; e.kind = Kind::SetCluster; e.cluster = std::move(c); return e;
}
ScenarioEdit ScenarioEdit::remove_cluster(std::string name) {
    ScenarioEdit e; e.kind = Kind::RemoveCluster; e.cluster.name = std::move(name); return e;
}
ScenarioEdit ScenarioEdit::set_critical_mass(long long n) {
    ScenarioEdit e; e.kind = Kind::CriticalMass; e.places = n; return e;
}
ScenarioEdit ScenarioEdit::set_notes(std::string notes) {
    ScenarioEdit e; e.kind = Kind::Notes; e.notes = std::move(notes); return e;
}

void apply_edit(Scenario& s, const ScenarioEdit& e) {
    using K = ScenarioEdit::Kind;
    auto same_name = [&](const Cluster& c) { return c.name == e.cluster.name; };
    switch (e.kind) {
    case K::Places:
        if (e.places == 0) s.extra_places.erase(e.code);
        else s.extra_places[e.code] = e.places;
        break;
    case K::AllPlaces:
        s.extra_places.clear();
        for (const auto& [code, n] : e.all_places) if (n != 0) s.extra_places[code] = n;
        break;
    case K::Ratio:
        if (e.ratio == 0) s.ratio_overrides.erase(e.code);
        else s.ratio_overrides[e.code] = e.ratio;
        break;
    case K::SetCluster: {
        auto it = std::find_if(s.clusters.begin(), s.clusters.end(), same_name);
        if (it == s.clusters.end()) s.clusters.push_back(e.cluster);
        else it->districts = e.cluster.districts;
        break;
    }
    case K::RemoveCluster:
        s.clusters.erase(std::remove_if(s.clusters.begin(), s.clusters.end(), same_name), s.clusters.end());
        break;
    case K::CriticalMass: s.critical_mass = e.places; break;
    case K::Notes: s.notes = e.notes; break;
    }
}

std::vector<std::string> edit_districts(const ScenarioEdit& e) {
    using K = ScenarioEdit::Kind;
    if (e.kind == K::Places || e.kind == K::Ratio) return {e.code};
    if (e.kind == K::SetCluster) return e.cluster.districts;
    std::vector<std::string> out;
    if (e.kind == K::AllPlaces) for (const auto& [code, n] : e.all_places) out.push_back(code);
    return out;
}

} // namespace sespm
