// scenario_explain.cpp: see scenario_explain.h.
#include "map/scenario_explain.h"

#include "core/error.h"

namespace sespm {

ScenarioExplanation explain_scenario(Session& s, const std::string& name) {
    Scenario sc = load_scenario(s, name);
    ScenarioExplanation out;
    auto how = allocation_note(sc.notes);
    std::optional<FairShareModel> model = how ? parse_model_text(how->model) : std::nullopt;
    if (!how || !model)
        throw SettingError("name", name, "this scenario was not allocated by the fair-share rule (its notes keep no " +
                           std::string("'Fair-share model:' line); allocate with the factors rule and save it to explain it"));
    out.how = *how;
    AllocateRequest req;
    req.total = how->total;
    req.rule = how->rule;
    if (!how->within.empty()) req.within = how->within;
    req.ratio_overrides = sc.ratio_overrides;
    req.factors = model->factors;
    req.meaning = model->meaning;
    req.floor = model->floor;
    out.allocation = allocate_places(s, req);
    out.shares = explain_fair_share(out.allocation.inputs, req.total, out.allocation.factors, req.meaning, req.floor);
    out.saved = sc.extra_places;
    return out;
}

} // namespace sespm
