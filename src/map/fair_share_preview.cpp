// fair_share_preview.cpp: see fair_share_preview.h.
#include "map/fair_share_preview.h"

#include <stdexcept>

namespace sespm {

ModelPreview preview_model(Session& s, const AllocateRequest& req) {
    if (req.rule != AllocationRule::Factors) throw std::logic_error("preview_model: the factors rule only");
    ModelPreview p;
    p.allocation = allocate_places(s, req);
    const Allocation& a = p.allocation;
    p.shares = explain_fair_share(a.inputs, req.total, a.factors, req.meaning, req.floor);
    p.pressure = pressure_index(a.inputs, a.factors);
    FairShare by_pop = allocate_fair_share(a.inputs, req.total, {}, req.meaning, req.meaning == TotalMeaning::Extra ? req.floor : 0);
    p.by_population = req.meaning == TotalMeaning::Stock ? by_pop.targets : by_pop.result.allocated;
    return p;
}

} // namespace sespm
