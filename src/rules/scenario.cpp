// scenario.cpp: see scenario.h.
#include "rules/scenario.h"

#include <cmath>
#include <set>
#include <unordered_map>

#include "rules/allocation.h"
#include "rules/measures.h"

namespace sespm {

std::vector<AllocationInput> allocation_inputs(const std::vector<DistrictBase>& base, const Scenario& s,
                                               double default_ratio) {
    std::vector<AllocationInput> in;
    for (const auto& b : base) {
        auto r = s.ratio_overrides.find(b.code);
        double ratio = r == s.ratio_overrides.end() ? default_ratio : r->second;
        in.push_back({b.code, b.population, b.current.value_or(0), std::floor(b.population / ratio)});
    }
    return in;
}

ScenarioOutcome evaluate_scenario(const Scenario& s, const std::vector<DistrictBase>& base, double default_ratio,
                                  double near_pct) {
    ScenarioOutcome out;
    std::unordered_map<std::string, size_t> index;
    for (const auto& b : base) {
        DistrictOutcome d;
        d.code = b.code;
        d.name = b.name;
        d.population = b.population;
        d.current = b.current;
        auto e = s.extra_places.find(b.code);
        d.extra = e == s.extra_places.end() ? 0 : e->second;
        auto r = s.ratio_overrides.find(b.code);
        d.ratio = r == s.ratio_overrides.end() ? default_ratio : r->second;
        d.new_total = b.current.value_or(0) + static_cast<double>(d.extra);
        d.per_10k = b.population > 0 ? d.new_total / b.population * 10000 : 0;
        d.limit = std::floor(b.population / d.ratio);
        d.share_pct = d.limit > 0 ? d.new_total / d.limit * 100 : 0;
        d.status = limit_status(d.new_total, d.limit, near_pct);
        d.change = static_cast<double>(d.extra);
        if (d.status == "over") out.breaches.push_back(d.code);
        out.population += d.population;
        out.current += b.current.value_or(0);
        out.extra += static_cast<double>(d.extra);
        out.new_total += d.new_total;
        out.limit += d.limit;
        index[d.code] = out.districts.size();
        out.districts.push_back(std::move(d));
    }
    for (const auto& c : s.clusters) {
        ClusterOutcome co;
        co.name = c.name;
        co.districts = c.districts;
        for (const auto& code : c.districts) {
            auto it = index.find(code);
            if (it == index.end()) { co.unknown_districts.push_back(code); continue; }
            const DistrictOutcome& d = out.districts[it->second];
            co.population += d.population;
            co.new_total += d.new_total;
            co.limit += d.limit;  // judged as one, against the sum of its districts' own limits (the one group rule)
        }
        co.per_10k = co.population > 0 ? co.new_total / co.population * 10000 : 0;
        co.share_pct = co.limit > 0 ? co.new_total / co.limit * 100 : 0;
        co.status = limit_status(co.new_total, co.limit, near_pct);
        co.below_critical_mass = s.critical_mass > 0 && co.new_total < static_cast<double>(s.critical_mass);
        out.clusters.push_back(std::move(co));
    }
    return out;
}

std::vector<DistrictDifference> compare_outcomes(const ScenarioOutcome& a, const ScenarioOutcome& b) {
    std::unordered_map<std::string, const DistrictOutcome*> bi;
    for (const auto& d : b.districts) bi[d.code] = &d;
    std::vector<DistrictDifference> out;
    for (const auto& d : a.districts) {
        auto it = bi.find(d.code);
        if (it == bi.end()) continue;
        out.push_back({d.code, d.name, d.new_total, it->second->new_total, it->second->new_total - d.new_total,
                       d.share_pct, it->second->share_pct, d.status, it->second->status});
    }
    return out;
}

std::vector<std::string> scenario_problems(const Scenario& s, const std::vector<DistrictBase>& base) {
    std::vector<std::string> p;
    std::set<std::string> known;
    for (const auto& b : base) known.insert(b.code);
    if (s.name.empty()) p.push_back("the scenario has no name");
    for (const auto& [code, n] : s.extra_places) {
        if (!known.count(code)) p.push_back("extra places for " + code + ", which is not a district here");
        if (n < 0) p.push_back("extra places for " + code + " are negative (" + std::to_string(n) + ")");
    }
    for (const auto& [code, r] : s.ratio_overrides) {
        if (!known.count(code)) p.push_back("a ratio for " + code + ", which is not a district here");
        if (!(r >= 1)) p.push_back("the ratio for " + code + " must be at least 1 resident per place");
    }
    std::set<std::string> names;
    for (const auto& c : s.clusters) {
        if (c.name.empty()) p.push_back("a cluster has no name");
        if (!names.insert(c.name).second) p.push_back("two clusters are called '" + c.name + "'");
        if (c.districts.empty()) p.push_back("cluster '" + c.name + "' has no districts");
        for (const auto& d : c.districts)
            if (!known.count(d)) p.push_back("cluster '" + c.name + "': " + d + " is not a district here");
    }
    if (s.critical_mass < 0) p.push_back("the critical mass must not be negative");
    return p;
}

} // namespace sespm
