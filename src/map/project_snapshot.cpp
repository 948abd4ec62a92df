// project_snapshot.cpp: see project_snapshot.h.
#include "map/project_snapshot.h"

#include <optional>

namespace sespm {

ProjectSnapshot take_snapshot(const ProjectStore* store) {
    ProjectSnapshot s;
    if (!store) return s;
    store->record_reads(false);  // not what the user read: an edit after it keeps its own base
    try {
        s.pledges = store->pledges();
        s.triggers = store->triggers();
        for (const auto& name : store->scenario_names())
            if (auto sc = store->load_scenario(name)) s.scenarios[name] = *sc;
    } catch (...) {
        store->record_reads(true);
        throw;
    }
    store->record_reads(true);
    return s;
}

void restore_changes(ProjectStore& store, const ProjectSnapshot& from, const ProjectSnapshot& to) {
    auto tx = store.transaction();
    for (const auto& [code, n] : from.pledges)
        if (!to.pledges.count(code)) store.set_pledge(code, std::nullopt);
    for (const auto& [code, n] : to.pledges) {
        auto it = from.pledges.find(code);
        if (it == from.pledges.end() || it->second != n) store.set_pledge(code, n);
    }
    for (const auto& [key, pct] : from.triggers)
        if (!to.triggers.count(key)) store.set_trigger(key, std::nullopt);
    for (const auto& [key, pct] : to.triggers) {
        auto it = from.triggers.find(key);
        if (it == from.triggers.end() || it->second != pct) store.set_trigger(key, pct);
    }
    for (const auto& [name, sc] : from.scenarios)
        if (!to.scenarios.count(name)) store.delete_scenario(name);
    for (const auto& [name, sc] : to.scenarios) {
        auto it = from.scenarios.find(name);
        if (it == from.scenarios.end() || !(it->second == sc)) store.replace_scenario(sc);
    }
    tx->commit();
}

} // namespace sespm
