// fair_share.h: the partnership's fair-share rule (issue 23): a regional total shared over areas
// from each area's population, moved down for more pressure and up for less.
//
// The formula. Each factor k is one layer's value per area with a weight W_k >= 0. Over the areas
// being allocated its values are scaled to a pressure p_ik in [0, 1] in the direction its layer
// declares: 1 for the area under most pressure among them, 0 for the least (all equal: 0). An
// area without a figure takes the mean pressure of the others, or counts as a figure of 0 where
// the layer says so (a source that publishes no zero rows); either way it is named. Each
// area's weight is
//
//     w_i = population_i * exp(-sum_k W_k * p_ik)
//
// and the total is shared in proportion to w_i, each area capped at its room under its cluster
// limit, what a full area cannot take shared again by the same weights, in whole places by the
// Sainte-Lague divisor method (webster_rounding). All weights 0 give w_i = population_i: exactly
// the population rule.
// A weight of 1 means the area under most pressure on that factor counts e^-1 (0.37) times its
// population, against 1 times for the area under least. Raising one area's value never raises
// its allocation: its own pressure rises or stays, every other area's falls or stays, so its
// weight falls against each of theirs, and a divisor method never gives a place to an area whose
// weight fell against every other (largest remainder could: tests/test_fair_share.cpp has the case).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rules/allocation.h"

namespace sespm {

// A factor as chosen: a layer's id and its weight (map/fair_share_factors reads its values).
struct FactorWeight {
    std::string layer;
    double weight = 0;
};

struct Factor {
    std::string name;                             // the layer it comes from
    double weight = 0;                            // W, 0 or more
    bool higher_is_pressure = true;               // as its layer file declares
    std::vector<std::optional<double>> values;    // one per area, in the areas' order (none: no figure)
    bool missing_is_zero = false;                 // no figure counts as 0, not as the others' mean
};

// Each area's pressure on one factor, 0 to 1 (see above); `imputed` gets the codes of the areas
// without a figure.
std::vector<double> factor_pressure(const Factor& f, const std::vector<AllocationInput>& areas,
                                    std::vector<std::string>* imputed = nullptr);

// Each area's pressure index: sum_k W_k * p_ik, from 0 (the least pressure on every factor) to
// the sum of the weights; what the pressure map shows. w_i = population_i * exp(-index_i).
std::vector<double> pressure_index(const std::vector<AllocationInput>& areas, const std::vector<Factor>& factors);

// w_i of the formula, one per area. Throws std::invalid_argument for a negative or non-finite
// weight, or a factor without one value per area.
std::vector<double> fair_share_weights(const std::vector<AllocationInput>& areas, const std::vector<Factor>& factors);

// What the total means: places to add (today's meaning), or what the region should hold in all,
// each area's target its share of it and its allocation what it still needs to reach it.
enum class TotalMeaning { Extra, Stock };

struct FairShare {
    AllocationResult result;                     // the places each area gets now
    std::vector<long long> targets;              // Stock: each area's share of the total, within its limit
    long long surplus = 0;                       // Stock: places held above the targets, in all
};

// Extra: `allocate_by_weight` with the fair-share weights; with `floor`, every area first gets
// min(floor, its room), and the rest is shared. Stock: targets are the total shared by the same
// weights with each area capped at its cluster limit; an area's allocation is its target minus
// what it holds, never below 0; the shortfall is what no area's limit had room for. A floor
// with Stock is refused (std::invalid_argument): it would make the targets add up to more than
// the total.
FairShare allocate_fair_share(const std::vector<AllocationInput>& areas, long long total, const std::vector<Factor>& factors,
                              TotalMeaning meaning = TotalMeaning::Extra, long long floor = 0);

// Why each area got its number (with Stock: its target). Of the places shared (B, what the areas
// got in all): the area's population share (B * population / all populations); each factor's
// push (Shapley: its weight's effect on the uncapped share, averaged over every order of adding
// the factors, so the pushes do not depend on the order they are listed in); the cap's effect
// (what its limit or a full neighbour moved); and the floor and rounding to whole places. For
// each area they add up to its result. Throws std::invalid_argument beyond 12 factors.
struct ShareExplanation {
    struct Row {
        double population = 0;
        std::vector<double> pushes;        // one per factor, in the factors' order
        double cap = 0;
        double floor_and_rounding = 0;
        long long result = 0;              // the allocation (Extra) or the target (Stock)
    };
    std::vector<Row> rows;                 // one per area
};
ShareExplanation explain_fair_share(const std::vector<AllocationInput>& areas, long long total, const std::vector<Factor>& factors,
                                    TotalMeaning meaning = TotalMeaning::Extra, long long floor = 0);

} // namespace sespm
