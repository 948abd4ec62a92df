// scenario_commands.cpp: see scenario_commands.h.
#include "map/scenario_commands.h"

#include "rules/cell.h"

#include "core/error.h"
#include "map/scenario_eval.h"

namespace sespm {

Scenario load_scenario(Session& s, const std::string& name) {
    ProjectStore* store = s.project_for_reading();
    std::optional<Scenario> sc = store ? store->load_scenario(name) : std::nullopt;
    if (!sc) throw SettingError("name", name, "no scenario by that name in " + s.project_location() + " (see scenario list)");
    return *sc;
}

void create_scenario(Session& s, const Scenario& sc) {
    if (sc.name.empty()) throw SettingError("name", "", "a scenario needs a name");
    try {
        s.project_for_writing().create_scenario(sc);
    } catch (const ProjectError& e) {
        if (e.kind == ProjectError::Kind::Exists) throw SettingError("name", sc.name, "a scenario by that name exists already");
        throw;
    }
}

void duplicate_scenario(Session& s, const std::string& from, const std::string& to) {
    ProjectStore& store = s.project_for_writing();
    run_transaction(store, [&] {  // one transaction, run again if the server asks
        Scenario sc = load_scenario(s, from);
        sc.name = to;
        try {
            store.create_scenario(sc);
        } catch (const ProjectError& e) {
            if (e.kind == ProjectError::Kind::Exists) throw SettingError("as", to, "a scenario by that name exists already");
            throw;
        }
    });
}

void rename_scenario(Session& s, const std::string& from, const std::string& to) {
    if (to.empty()) throw SettingError("as", "", "a scenario needs a name");
    s.project_for_writing().rename_scenario(from, to);  // a taken or missing name: ProjectError (exit 1)
}

void delete_scenario(Session& s, const std::string& name) {
    try {
        s.project_for_writing().delete_scenario(name);
    } catch (const ProjectError& e) {
        if (e.kind == ProjectError::Kind::NotFound) throw SettingError("name", name, "no scenario by that name in " + s.project_location());
        throw;
    }
}

void check_district(Session& s, const std::string& code, const std::string& setting) {
    if (!s.atlas->areas_lonlat(Geography::District).find(code))
        throw SettingError(setting, code, "not a district code (May 2022 boundaries)");
}

static void check_edit(Session& s, const ScenarioEdit& e) {
    using K = ScenarioEdit::Kind;
    for (const auto& code : edit_districts(e)) check_district(s, code, e.kind == K::SetCluster ? "codes" : "code");
    if ((e.kind == K::Places || e.kind == K::CriticalMass) && e.places < 0) throw UsageError("places: a whole number, 0 or more");
    if (e.kind == K::Ratio && e.ratio != 0 && !(e.ratio >= 1)) throw SettingError("ratio", "", "residents per place, 1 or more (0 removes the override)");
    if (e.kind == K::SetCluster && e.cluster.districts.empty()) throw SettingError("codes", "", "list at least one district");
    if ((e.kind == K::SetCluster || e.kind == K::RemoveCluster) && e.cluster.name.empty()) throw SettingError("cluster", "", "a cluster needs a name");
}

void write_scenario_edit(ProjectStore& store, const std::string& name, const ScenarioEdit& e) {
    using K = ScenarioEdit::Kind;
    switch (e.kind) {
    case K::Places: store.set_scenario_places(name, e.code, e.places); break;
    case K::Ratio: store.set_scenario_ratio(name, e.code, e.ratio); break;
    case K::SetCluster: store.set_scenario_cluster(name, e.cluster); break;
    case K::RemoveCluster: store.remove_scenario_cluster(name, e.cluster.name); break;
    case K::CriticalMass: store.set_scenario_critical_mass(name, e.places); break;
    }
}

Scenario edit_scenario(Session& s, const std::string& name, const ScenarioEdit& e) {
    check_edit(s, e);
    ProjectStore& store = s.project_for_writing();
    try {
        write_scenario_edit(store, name, e);
    } catch (const ProjectError& err) {
        if (err.kind == ProjectError::Kind::Conflict) rethrow_named(s, err);
        if (err.kind != ProjectError::Kind::NotFound) throw;
        if (!store.load_scenario(name)) throw SettingError("name", name, "no scenario by that name in " + s.project_location() + " (see scenario list)");
        throw SettingError("cluster", e.cluster.name, "no such cluster; give its districts to create it");
    }
    return load_scenario(s, name);
}

void rethrow_named(Session& s, const ProjectError& e) {
    if (e.kind != ProjectError::Kind::Conflict || !e.conflict) throw e;
    std::string name;
    try {
        if (e.conflict->key.rfind("cluster:", 0) != 0) name = s.atlas->name_of(e.conflict->key);
    } catch (const std::exception&) {
        name.clear();  // not an area: the key itself names the row
    }
    ProjectError named(ProjectError::Kind::Conflict, where(s.project_location(), 0, "", conflict_message(*e.conflict, name)));
    named.conflict = e.conflict;
    throw named;
}

void set_pledge(Session& s, const std::string& code, std::optional<int> places) {
    ProjectStore& store = s.project_for_writing();
    check_district(s, code);
    if (places && *places < 0) throw SettingError("places", "", "a pledge is a whole number of places, 0 or more");
    try {
        store.set_pledge(code, places);
    } catch (const ProjectError& e) {
        rethrow_named(s, e);
    }
}

void set_trigger(Session& s, const std::string& key, std::optional<double> pct) {
    ProjectStore& store = s.project_for_writing();
    if (key.rfind("cluster:", 0) == 0) {
        if (key.size() == 8) throw SettingError("cluster", "", "a cluster needs a name");
    } else {
        s.atlas->members_of(key);  // UsageError for a code that is no area
    }
    if (pct && !(*pct > 0 && *pct <= 100))
        throw SettingError("pct", Cell::of_num(*pct, 1).format(), "a share of the limit, more than 0 and at most 100");
    try {
        store.set_trigger(key, pct);
    } catch (const ProjectError& e) {
        rethrow_named(s, e);
    }
}

static bool uses_fair_share(const AllocateRequest& req) {
    bool fair = req.rule == AllocationRule::Factors || req.meaning == TotalMeaning::Stock || req.floor > 0;
    if (!req.factors.empty() && req.rule != AllocationRule::Factors)
        throw SettingError("factor", "", "factors go with the factors rule; this allocation is by " + allocation_rule_name(req.rule));
    if (fair && req.rule != AllocationRule::Factors && req.rule != AllocationRule::Population)
        throw SettingError("rule", allocation_rule_name(req.rule), "a floor and a total to hold in all go with the factors or population rule");
    if (req.rule == AllocationRule::Factors && req.factors.empty())
        throw SettingError("factor", "", "the factors rule needs at least one {factor} LAYER=WEIGHT");
    if (req.factors.size() > 12) throw SettingError("factor", "", "at most 12 factors (so that each one's push can be explained)");
    if (req.cap_ratio != 0 && req.rule != AllocationRule::Factors)
        throw SettingError("cap-ratio", "", "a cap ratio goes with the factors rule (the other rules cap at the cluster limit and {ratio})");
    if (req.cap_ratio != 0 && !(req.cap_ratio >= 1 && req.cap_ratio <= 1e9))
        throw SettingError("cap-ratio", "", "residents per place, 1 or more");
    if (req.floor < 0) throw SettingError("floor", std::to_string(req.floor), "a floor is a whole number of places, 0 or more");
    if (req.floor > 0 && req.meaning == TotalMeaning::Stock)
        throw SettingError("floor", std::to_string(req.floor), "a floor goes with places to add, not with a total to hold in all: the targets would add up to more than the total");
    return fair;
}

// A floor the total cannot give every district with room is refused: it would go to the first
// districts by code, and the rest would get nothing.
static void check_floor(const AllocateRequest& req, const std::vector<AllocationInput>& inputs) {
    long long needed = 0;
    for (const auto& in : inputs) needed += std::min(req.floor, headroom_places(in));
    if (needed > req.total)
        throw SettingError("floor", std::to_string(req.floor), "the districts with room need " + std::to_string(needed) +
                           " places to have it each, more than the total of " + std::to_string(req.total));
}

// The fair-share rule over the allocation's inputs (rules/fair_share.h), its model worded for the notes.
static void allocate_fair_share_places(Session& s, const AllocateRequest& req, Allocation& a) {
    if (req.floor > 0) check_floor(req, a.inputs);
    std::vector<Factor> factors = read_factors(s, req.factors, req.within, a.inputs, a.said);
    FairShare fs = allocate_fair_share(a.inputs, req.total, factors, req.meaning, req.floor);
    a.result = fs.result;
    a.targets = fs.targets;
    a.surplus = fs.surplus;
    a.model = model_text({req.factors, req.meaning, req.floor, req.cap_ratio});
    a.factors = std::move(factors);
}

Allocation allocate_places(Session& s, const AllocateRequest& req) {
    const LayerSpec& spec = s.layer("dispersal");
    Allocation a;
    a.scenario.ratio_overrides = req.ratio_overrides;
    for (const auto& [code, ratio] : req.ratio_overrides) {
        check_district(s, code, "ratio");
        if (!(ratio >= 1)) throw SettingError("ratio", code, "the ratio must be at least 1 resident per place");
    }
    a.base = dispersal_baseline(*s.atlas, spec, req.within, req.period);
    bool fair = uses_fair_share(req);
    if (req.cap_ratio != 0 && req.cap_ratio < spec.limit_per)  // looser: places above the cluster limit, which no rule gives
        throw SettingError("cap-ratio", Cell::of_num(req.cap_ratio, 2).display(),
                           "a cap may be stricter than the cluster limit (1 per " + Cell::of_num(spec.limit_per, 0).display() +
                           " residents), never looser: give " + Cell::of_num(spec.limit_per, 0).display() + " or more");
    a.inputs = allocation_inputs(a.base, a.scenario, req.cap_ratio > 0 ? req.cap_ratio : spec.limit_per);
    if (fair) allocate_fair_share_places(s, req, a);
    else a.result = allocate(a.inputs, req.total, req.rule);
    for (size_t i = 0; i < a.inputs.size(); ++i)
        if (a.result.allocated[i] > 0) a.scenario.extra_places[a.inputs[i].code] = a.result.allocated[i];
    a.outcome = evaluate_scenario(a.scenario, a.base, spec.limit_per, spec.near_share_pct);
    return a;
}

static void save_allocation_once(Session& s, ProjectStore& store, const std::string& name, const Allocation& a, const AllocationNote& how, bool replace);

void save_allocation(Session& s, const std::string& name, const Allocation& a, const AllocationNote& how, bool replace) {
    ProjectStore& store = s.project_for_writing();
    run_transaction(store, [&] { save_allocation_once(s, store, name, a, how, replace); });
}

// One try of save_allocation, inside its transaction.
static void save_allocation_once(Session& s, ProjectStore& store, const std::string& name, const Allocation& a, const AllocationNote& how, bool replace) {
    std::optional<Scenario> existing = store.load_scenario(name);
    if (existing && !replace)
        throw SettingError("save", name, "a scenario called '" + name + "' already exists in " + s.project_location() + " (" +
                           std::to_string(existing->extra_places.size()) +
                           " districts with places); give {replace} to replace its places with this allocation, or another name");
    if (!existing) {
        Scenario sc = a.scenario;
        sc.name = name;
        sc.notes = allocation_note_line(how);
        store.create_scenario(sc);
    } else {
        store.replace_scenario_places(name, a.scenario.extra_places);
        for (const auto& [code, ratio] : a.scenario.ratio_overrides) store.set_scenario_ratio(name, code, ratio);
        store.set_scenario_notes(name, with_allocation_note(existing->notes, how));
    }
}

} // namespace sespm
