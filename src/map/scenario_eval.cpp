// scenario_eval.cpp: see scenario_eval.h.
#include "map/scenario_eval.h"

#include <set>

#include "core/bad_rows.h"
#include "core/error.h"
#include "map/evaluate.h"
#include "geodata/spatial.h"

namespace sespm {

std::vector<DistrictBase> dispersal_baseline(Atlas& atlas, const LayerSpec& dispersal,
                                             const std::optional<std::string>& within, const std::string& period) {
    EvaluateOptions opt;
    opt.within = within;
    opt.period = period;
    LayerResult r = evaluate_layer(atlas, dispersal, opt);
    std::vector<DistrictBase> out;
    std::string no_population;
    for (const auto& m : r.measures) {
        if (m.denominator) out.push_back({m.code, m.name, *m.denominator, m.count});
        else no_population += " " + m.code;
    }
    // Districts whose 2022 boundary code has no population row (merged in 2023: the figures
    // use the new councils' codes) have no cluster limit: they take no places, and say so.
    if (!no_population.empty())
        input_log().note(dispersal.path + ": no population figure (so no cluster limit) for" + no_population +
                         "; these districts take no places in the allocation or scenario");
    if (out.empty()) throw DataError(dispersal.path + ": no district selected has a population figure");
    return out;
}

bool districts_contiguous(Atlas& atlas, const std::vector<std::string>& codes) {
    const AreaSet& set = atlas.areas(Geography::District);
    std::vector<size_t> idx;
    for (const auto& c : codes)
        if (const Area* a = set.find(c)) idx.push_back(static_cast<size_t>(a - set.areas.data()));
    if (idx.size() <= 1) return true;
    std::set<size_t> members(idx.begin(), idx.end()), seen{idx[0]};
    std::vector<size_t> stack{idx[0]};
    while (!stack.empty()) {
        size_t i = stack.back();
        stack.pop_back();
        for (size_t n : neighbours(atlas.geos(), set, i))
            if (members.count(n) && seen.insert(n).second) stack.push_back(n);
    }
    return seen.size() == members.size();
}

std::vector<Cell> outcome_cells(const DistrictOutcome& d) {
    return {Cell::of_text(d.code), Cell::of_text(d.name), Cell::of_num(d.population, 0), Cell::of_num(d.current, 0),
            Cell::of_num(static_cast<double>(d.extra), 0), Cell::of_num(d.new_total, 0), Cell::of_num(d.per_10k, 2),
            Cell::of_num(d.limit, 0), Cell::of_num(d.share_pct, 1), Cell::of_text(d.status)};
}

ScenarioOutcome evaluate_scenario_in(Atlas& atlas, const LayerSpec& dispersal, const Scenario& s,
                                     const std::optional<std::string>& within, const std::string& period) {
    std::vector<DistrictBase> base = dispersal_baseline(atlas, dispersal, within, period);
    ScenarioOutcome o = evaluate_scenario(s, base, dispersal.limit_per, dispersal.near_share_pct);
    for (auto& c : o.clusters) c.contiguous = districts_contiguous(atlas, c.districts);
    return o;
}

} // namespace sespm
