// scenario_edit.cpp: see scenario_edit.h.
#include "rules/scenario_edit.h"

namespace sespm {

ScenarioEdit ScenarioEdit::set_places(std::string code, long long n) {
    ScenarioEdit e; e.kind = Kind::Places; e.code = std::move(code); e.places = n; return e;
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

std::vector<std::string> edit_districts(const ScenarioEdit& e) {
    using K = ScenarioEdit::Kind;
    if (e.kind == K::Places || e.kind == K::Ratio) return {e.code};
    if (e.kind == K::SetCluster) return e.cluster.districts;
    return {};
}

} // namespace sespm
