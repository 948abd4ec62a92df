// fair_share.cpp: see fair_share.h.
#include "rules/fair_share.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace sespm {

std::vector<double> factor_pressure(const Factor& f, const std::vector<AllocationInput>& areas, std::vector<std::string>* imputed) {
    if (f.values.size() != areas.size()) throw std::invalid_argument(f.name + ": one value per area is needed");
    if (f.missing_is_zero) {
        Factor zeroed = f;
        zeroed.missing_is_zero = false;
        for (size_t i = 0; i < areas.size(); ++i)
            if (!zeroed.values[i]) {
                zeroed.values[i] = 0.0;
                if (imputed) imputed->push_back(areas[i].code);
            }
        return factor_pressure(zeroed, areas, nullptr);
    }
    double lo = 0, hi = 0;
    bool any = false;
    for (const auto& v : f.values) {
        if (!v) continue;
        if (!std::isfinite(*v)) throw std::invalid_argument(f.name + ": a value is not a number");
        lo = any ? std::min(lo, *v) : *v;
        hi = any ? std::max(hi, *v) : *v;
        any = true;
    }
    std::vector<double> p(areas.size(), 0);
    double sum = 0;
    int with_figure = 0;
    for (size_t i = 0; i < areas.size(); ++i) {
        if (!f.values[i] || !(hi > lo)) continue;
        double scaled = (*f.values[i] - lo) / (hi - lo);
        p[i] = f.higher_is_pressure ? scaled : 1 - scaled;
        sum += p[i];
        ++with_figure;
    }
    double mean = with_figure ? sum / with_figure : 0;
    for (size_t i = 0; i < areas.size(); ++i)
        if (!f.values[i]) {
            p[i] = mean;
            if (imputed) imputed->push_back(areas[i].code);
        }
    return p;
}

std::vector<double> pressure_index(const std::vector<AllocationInput>& areas, const std::vector<Factor>& factors) {
    std::vector<double> index(areas.size(), 0);
    for (const Factor& f : factors) {
        if (!(f.weight >= 0) || !std::isfinite(f.weight)) throw std::invalid_argument(f.name + ": a weight is a number, 0 or more");
        if (f.weight == 0) continue;
        std::vector<double> p = factor_pressure(f, areas);
        for (size_t i = 0; i < areas.size(); ++i) index[i] += f.weight * p[i];
    }
    return index;
}

std::vector<double> fair_share_weights(const std::vector<AllocationInput>& areas, const std::vector<Factor>& factors) {
    std::vector<double> exponent = pressure_index(areas, factors);
    // the smallest exponent taken off every one: the same proportions, and large weights do not
    // turn every w into 0
    double least = exponent.empty() ? 0 : *std::min_element(exponent.begin(), exponent.end());
    std::vector<double> w(areas.size());
    for (size_t i = 0; i < areas.size(); ++i) {
        double e = exponent[i] - least;
        w[i] = e == 0 ? areas[i].population : areas[i].population * std::exp(-e);
    }
    return w;
}

namespace {

// Extra places with a floor: min(floor, room) each first, the rest by weight over what is left.
AllocationResult extra_with_floor(const std::vector<AllocationInput>& areas, long long total, const std::vector<double>& w,
                                  long long floor) {
    std::vector<long long> first(areas.size(), 0);
    std::vector<AllocationInput> left = areas;
    long long given = 0;
    for (size_t i = 0; i < areas.size() && given < total; ++i) {
        first[i] = std::min({floor, headroom_places(areas[i]), total - given});
        given += first[i];
        left[i].current += static_cast<double>(first[i]);
    }
    AllocationResult r = allocate_by_weight(left, total - given, w);
    for (size_t i = 0; i < areas.size(); ++i) r.allocated[i] += first[i];
    r.total_allocated += given;
    r.shortfall = total - r.total_allocated;
    return r;
}

// Stock: targets by weight within each area's limit; allocations are what each still needs.
FairShare stock_targets(const std::vector<AllocationInput>& areas, long long total, const std::vector<double>& w) {
    std::vector<long long> limits(areas.size());
    long long room = 0;
    for (size_t i = 0; i < areas.size(); ++i) {
        limits[i] = std::max(0LL, static_cast<long long>(std::floor(areas[i].limit)));
        room += limits[i];
    }
    long long fits = std::min(total, room);
    FairShare out;
    out.targets = webster_rounding(w, fits, limits);
    out.result.allocated.assign(areas.size(), 0);
    for (size_t i = 0; i < areas.size(); ++i) {
        long long held = static_cast<long long>(std::ceil(areas[i].current));
        out.result.allocated[i] = std::max(0LL, out.targets[i] - held);
        out.surplus += std::max(0LL, held - out.targets[i]);
        out.result.total_allocated += out.result.allocated[i];
    }
    out.result.shortfall = total - fits;
    return out;
}

} // namespace

FairShare allocate_fair_share(const std::vector<AllocationInput>& areas, long long total, const std::vector<Factor>& factors,
                              TotalMeaning meaning, long long floor) {
    if (total < 0) throw std::invalid_argument("the total to allocate must not be negative");
    if (floor < 0) throw std::invalid_argument("a floor is a whole number of places, 0 or more");
    for (const auto& a : areas)
        if (!(a.population > 0)) throw std::invalid_argument(a.code + ": population must be positive");
    std::vector<double> w = fair_share_weights(areas, factors);
    if (meaning == TotalMeaning::Stock) {
        if (floor > 0) throw std::invalid_argument("a floor cannot be given with a total to hold in all (stock): the targets would add up to more than the total");
        return stock_targets(areas, total, w);
    }
    FairShare out;
    out.result = floor > 0 ? extra_with_floor(areas, total, w, floor) : allocate_by_weight(areas, total, w);
    return out;
}

namespace {

// B * w / sum(w): the uncapped, unrounded shares.
std::vector<double> uncapped_shares(const std::vector<double>& w, double b) {
    double sum = 0;
    for (double x : w) sum += x;
    std::vector<double> out(w.size(), 0);
    if (sum > 0)
        for (size_t i = 0; i < w.size(); ++i) out[i] = b * w[i] / sum;
    return out;
}

// Each factor's Shapley push on the uncapped shares of `b`.
std::vector<std::vector<double>> shapley_pushes(const std::vector<AllocationInput>& areas, const std::vector<Factor>& factors, double b) {
    size_t k = factors.size(), n = areas.size();
    std::vector<std::vector<double>> by_subset(size_t{1} << k);
    for (size_t mask = 0; mask < by_subset.size(); ++mask) {
        std::vector<Factor> some = factors;
        for (size_t j = 0; j < k; ++j)
            if (!(mask & (size_t{1} << j))) some[j].weight = 0;
        by_subset[mask] = uncapped_shares(fair_share_weights(areas, some), b);
    }
    std::vector<double> fact(k + 1, 1);
    for (size_t j = 1; j <= k; ++j) fact[j] = fact[j - 1] * static_cast<double>(j);
    std::vector<std::vector<double>> push(n, std::vector<double>(k, 0));
    for (size_t j = 0; j < k; ++j)
        for (size_t mask = 0; mask < by_subset.size(); ++mask) {
            if (mask & (size_t{1} << j)) continue;
            size_t s = static_cast<size_t>(__builtin_popcountll(mask));
            double coeff = fact[s] * fact[k - s - 1] / fact[k];
            for (size_t i = 0; i < n; ++i) push[i][j] += coeff * (by_subset[mask | (size_t{1} << j)][i] - by_subset[mask][i]);
        }
    return push;
}

} // namespace

ShareExplanation explain_fair_share(const std::vector<AllocationInput>& areas, long long total, const std::vector<Factor>& factors,
                                    TotalMeaning meaning, long long floor) {
    if (factors.size() > 12) throw std::invalid_argument("at most 12 factors can be explained");
    FairShare fs = allocate_fair_share(areas, total, factors, meaning, floor);
    const std::vector<long long>& result = meaning == TotalMeaning::Stock ? fs.targets : fs.result.allocated;
    long long shared = 0;
    for (long long x : result) shared += x;
    double b = static_cast<double>(shared);
    std::vector<double> pop(areas.size());
    std::vector<long long> caps(areas.size());
    for (size_t i = 0; i < areas.size(); ++i) {
        pop[i] = areas[i].population;
        caps[i] = meaning == TotalMeaning::Stock ? std::max(0LL, static_cast<long long>(std::floor(areas[i].limit))) : headroom_places(areas[i]);
    }
    std::vector<double> by_population = uncapped_shares(pop, b);
    std::vector<double> weights = fair_share_weights(areas, factors);
    std::vector<double> by_factors = uncapped_shares(weights, b);
    std::vector<double> capped = capped_proportional(weights, caps, b);
    std::vector<std::vector<double>> push = shapley_pushes(areas, factors, b);
    ShareExplanation out;
    for (size_t i = 0; i < areas.size(); ++i) {
        ShareExplanation::Row r;
        r.population = by_population[i];
        r.pushes = push[i];
        r.cap = capped[i] - by_factors[i];
        r.result = result[i];
        r.floor_and_rounding = static_cast<double>(result[i]) - capped[i];
        out.rows.push_back(std::move(r));
    }
    return out;
}

} // namespace sespm
