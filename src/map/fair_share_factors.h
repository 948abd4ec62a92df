// fair_share_factors.h: the fair-share rule's factors read from layers: each factor is a layer
// whose file says which way its pressure runs ("pressure": "higher" or "lower"), its value per
// district the layer's rate (per 10,000 residents, say) at its latest period, over the districts
// being allocated. What each factor used (layer, period, areas without a figure) is said.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "map/session.h"
#include "rules/fair_share.h"

namespace sespm {

// One Factor per weight, values in the order of `areas`. SettingError naming the factor for a
// layer that is not there, not a rate, or does not say which way its pressure runs, and for a
// weight that is negative or not a number. `said` gets one line per factor: its layer, period,
// direction, and the districts without a figure (they take the others' mean pressure).
// `within` is the allocation's (none: all of England).
std::vector<Factor> read_factors(Session& s, const std::vector<FactorWeight>& weights, const std::optional<std::string>& within,
                                 const std::vector<AllocationInput>& areas, std::vector<std::string>& said);
std::vector<Factor> read_factors(Atlas& atlas, const std::vector<LayerSpec>& layers, const std::vector<FactorWeight>& weights,
                                 const std::optional<std::string>& within, const std::vector<AllocationInput>& areas,
                                 std::vector<std::string>& said);

// A fair-share model as kept in a scenario's notes: "dispersal=1, asylum_supported=0.5; places to
// add; at least 2 each; capped at 1 per 250 residents", or "population only; the total to hold in
// all (stock)" (the floor and the cap only when set).
struct FairShareModel {
    std::vector<FactorWeight> factors;
    TotalMeaning meaning = TotalMeaning::Extra;
    long long floor = 0;
    double cap_ratio = 0;    // 0: the cluster limit
};
std::string model_text(const FairShareModel& m);
std::optional<FairShareModel> parse_model_text(const std::string& text);   // none: not such a text

} // namespace sespm
