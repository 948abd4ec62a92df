// allocation.h: spreading a regional total of N dispersal bed spaces over a set of districts
// without pushing any past its cluster limit while room remains elsewhere. Three rules:
// in proportion to population, in proportion to headroom, and "equalise" (water-filling: each
// place goes where the resulting rate per resident is lowest, which minimises the highest rate).
// Results are whole places that sum exactly to N, or to the total headroom when N does not fit,
// in which case the shortfall says by how much. Pure computation, no I/O.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sespm {

// Factors: the fair-share rule (rules/fair_share.h), population moved by pressures.
enum class AllocationRule { Population, Headroom, Equalise, Factors };
std::optional<AllocationRule> parse_allocation_rule(std::string_view s);
std::string allocation_rule_name(AllocationRule r);  // population, headroom, equalise, factors

// How a scenario's places were allocated, kept as one line of its notes ("Allocated 1000
// places by equalise over E12000008 (992 placed)") so the window reopens it with that rule and
// total rather than its defaults; the rest of the notes are the planner's own.
struct AllocationNote {
    long long total = 0;
    AllocationRule rule = AllocationRule::Population;
    std::string within;        // empty: all of England
    long long placed = 0;
    std::string model;         // the factors rule's model ("dispersal=1, uasc=0.5; as stock; floor 5"), a line of its own
};
std::string allocation_note_line(const AllocationNote& n);
// The notes with their allocation line replaced (or added, first), the other lines kept.
std::string with_allocation_note(const std::string& notes, const AllocationNote& n);
std::optional<AllocationNote> allocation_note(const std::string& notes);

struct AllocationInput {
    std::string code;
    double population = 0;      // residents
    double current = 0;         // places already used (a missing figure counts as 0; see note)
    double limit = 0;           // cluster limit in places (floor(population / ratio))
};

struct AllocationResult {
    std::vector<long long> allocated;   // per input, whole places
    long long total_allocated = 0;
    long long shortfall = 0;            // N - total_allocated (> 0 when N does not fit)
};

// Headroom of one district in whole places (never negative).
long long headroom_places(const AllocationInput& in);

// Throws std::invalid_argument for a negative N or a district with non-positive population, and
// for Factors (its factors are allocate_fair_share's).
AllocationResult allocate(const std::vector<AllocationInput>& districts, long long total, AllocationRule rule);

// N shared in proportion to `weight` (one per district, >= 0), each district capped at its
// headroom; what a full district cannot take is shared again by the same weights; whole places
// by webster_rounding. The population rule is this with weight = population.
AllocationResult allocate_by_weight(const std::vector<AllocationInput>& districts, long long total,
                                    const std::vector<double>& weight);

// Whole numbers summing to min(total, sum of caps), in proportion to `weight`, each within its
// cap, by the Sainte-Lague (Webster) divisor method: one at a time to the highest
// weight / (places + 0.5) among those below their cap, ties to the earlier. Unlike largest
// remainder it is monotone in the weights: when one weight falls and the others rise, the
// first never gains a place (largest remainder could give it one).
std::vector<long long> webster_rounding(const std::vector<double>& weight, long long total, const std::vector<long long>& caps);

// Proportional shares of `total` by `weight`, each capped (before rounding); what a capped one
// cannot take is shared again among the others in the same proportion.
std::vector<double> capped_proportional(const std::vector<double>& weight, const std::vector<long long>& caps, double total);

} // namespace sespm
