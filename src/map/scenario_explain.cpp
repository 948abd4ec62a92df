// scenario_explain.cpp: see scenario_explain.h.
#include "map/scenario_explain.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sespm {

std::optional<SavedModel> model_of(const Scenario& sc) {
    auto how = allocation_note(sc.notes);
    std::optional<FairShareModel> model = how ? parse_model_text(how->model) : std::nullopt;
    if (!how || !model) return std::nullopt;
    return SavedModel{*how, *model};
}

static SavedModel required_model(const Scenario& sc, const std::string& setting) {
    auto m = model_of(sc);
    if (!m)
        throw SettingError(setting, sc.name, "this scenario was not allocated by the fair-share rule (its notes keep no " +
                           std::string("'Fair-share model:' line); allocate with the factors rule and save it"));
    return *m;
}

SavedModel scenario_model(Session& s, const std::string& name, const std::string& setting) {
    return required_model(load_scenario(s, name), setting);
}

ScenarioExplanation explain_scenario(Session& s, const std::string& name) {
    return explain_scenario(s, load_scenario(s, name));
}

ScenarioExplanation explain_scenario(Session& s, const Scenario& sc) {
    ScenarioExplanation out;
    auto [how, model] = required_model(sc, "name");
    out.how = how;
    out.model = model;
    AllocateRequest req;
    req.total = how.total;
    req.rule = how.rule;
    if (!how.within.empty()) req.within = how.within;
    req.ratio_overrides = sc.ratio_overrides;
    req.factors = model.factors;
    req.meaning = model.meaning;
    req.floor = model.floor;
    req.cap_ratio = model.cap_ratio;
    out.allocation = allocate_places(s, req);
    out.shares = explain_fair_share(out.allocation.inputs, req.total, out.allocation.factors, req.meaning, req.floor);
    out.saved = sc.extra_places;
    return out;
}

ExplanationTable explanation_table(Atlas& atlas, const ScenarioExplanation& e) {
    const Allocation& a = e.allocation;
    bool stock = !a.targets.empty();
    ExplanationTable t;
    t.columns = {"code", "name", "pressure_index", "population_share"};
    for (const auto& f : a.factors) t.columns.push_back("push_" + f.name);
    for (const char* c : {"cap", "floor_and_rounding", stock ? "target" : "allocated"}) t.columns.push_back(c);
    if (stock) { t.columns.push_back("held"); t.columns.push_back("to_add"); }
    std::vector<double> index = pressure_index(a.inputs, a.factors);
    for (size_t i = 0; i < a.inputs.size(); ++i) {
        const auto& in = a.inputs[i];
        const auto& r = e.shares.rows[i];
        std::vector<Cell> row{Cell::of_text(in.code), Cell::of_text(atlas.name_of(in.code)), Cell::of_num(index[i], 2),
                              Cell::of_num(r.population, 1)};
        for (double p : r.pushes) row.push_back(Cell::of_num(p, 1));
        row.push_back(Cell::of_num(r.cap, 1));
        row.push_back(Cell::of_num(r.floor_and_rounding, 1));
        row.push_back(Cell::of_num(static_cast<double>(r.result), 0));
        if (stock) {
            row.push_back(Cell::of_num(std::ceil(in.current), 0));
            row.push_back(Cell::of_num(static_cast<double>(a.result.allocated[i]), 0));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

Sensitivity scenario_sensitivity(Session& s, const std::string& name, double vary_pct) {
    if (!(vary_pct > 0 && vary_pct < 100)) {
        char v[32];
        std::snprintf(v, sizeof v, "%g", vary_pct);
        throw SettingError("vary", v, "a per cent, more than 0 and less than 100");
    }
    Sensitivity out;
    out.base = explain_scenario(s, name);
    const Allocation& a = out.base.allocation;
    auto result_of = [&](const FairShare& fs) { return a.targets.empty() ? fs.result.allocated : fs.targets; };
    TotalMeaning meaning = a.targets.empty() ? TotalMeaning::Extra : TotalMeaning::Stock;
    long long floor = out.base.model.floor;
    std::vector<long long> own;
    for (const auto& r : out.base.shares.rows) own.push_back(r.result);
    out.lowest = out.highest = own;
    out.runs = 1;
    for (size_t k = 0; k < a.factors.size(); ++k)
        for (double scale : {1 - vary_pct / 100, 1 + vary_pct / 100}) {
            std::vector<Factor> varied = a.factors;
            varied[k].weight *= scale;
            std::vector<long long> r = result_of(allocate_fair_share(a.inputs, out.base.how.total, varied, meaning, floor));
            for (size_t i = 0; i < r.size(); ++i) {
                out.lowest[i] = std::min(out.lowest[i], r[i]);
                out.highest[i] = std::max(out.highest[i], r[i]);
            }
            ++out.runs;
        }
    return out;
}

} // namespace sespm
