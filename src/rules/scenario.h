// scenario.h: a dispersal scenario as planners build it: proposed extra bed spaces per district,
// per-area ratio overrides, clusters (named sets of districts judged as one) with a critical-mass
// minimum, and notes; and its results against the baseline (the published figures): per district
// and per cluster new totals, rates, shares of the limit and status, breaches, clusters below
// critical mass, and region totals. Pure computation: the figures come in as DistrictBase rows.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sespm {

struct Cluster {
    std::string name;
    std::vector<std::string> districts;
    bool operator==(const Cluster&) const = default;
};

struct Scenario {
    std::string name;
    std::map<std::string, long long> extra_places;     // district code -> proposed extra places
    std::map<std::string, double> ratio_overrides;     // district code -> residents per place
    std::vector<Cluster> clusters;
    long long critical_mass = 0;                       // minimum places in a cluster (0: none)
    std::string notes;
    bool operator==(const Scenario&) const = default;
};

// The published baseline of one district.
struct DistrictBase {
    std::string code, name;
    double population = 0;
    std::optional<double> current;                     // dispersed now; missing = no published figure
};

// What the allocation rules need of each district under a scenario's ratios: population, the
// current figure (a missing one counts as 0) and the limit floor(population / ratio).
struct AllocationInput;
std::vector<AllocationInput> allocation_inputs(const std::vector<DistrictBase>& base, const Scenario& s,
                                               double default_ratio = 200);

struct DistrictOutcome {
    std::string code, name;
    double population = 0;
    std::optional<double> current;
    long long extra = 0;
    double new_total = 0;                              // current (0 when missing) + extra
    double per_10k = 0;
    double ratio = 200;
    double limit = 0;                                  // floor(population / ratio)
    double share_pct = 0;
    std::string status;                                // over, near, under
    double change = 0;                                 // new_total - baseline total
};

struct ClusterOutcome {
    std::string name;
    std::vector<std::string> districts;
    double population = 0, new_total = 0, limit = 0, per_10k = 0, share_pct = 0;
    std::string status;
    bool contiguous = true;                            // set by the caller (GEOS adjacency)
    bool below_critical_mass = false;
    std::vector<std::string> unknown_districts;        // codes not in the baseline
    std::optional<double> trigger_pct;                 // the agreed trigger ("cluster:NAME"), set by the caller
    std::string trigger_status;                        // against share_pct (map/triggers.h)
};

struct ScenarioOutcome {
    std::vector<DistrictOutcome> districts;
    std::vector<ClusterOutcome> clusters;
    std::vector<std::string> breaches;                 // districts over their limit
    double population = 0, current = 0, extra = 0, new_total = 0, limit = 0;
};

// `default_ratio` residents per place (200); `near_pct` the "near" threshold (90).
ScenarioOutcome evaluate_scenario(const Scenario& s, const std::vector<DistrictBase>& base,
                                  double default_ratio = 200, double near_pct = 90);

struct DistrictDifference {
    std::string code, name;
    double a_total = 0, b_total = 0, difference = 0;   // b - a
    double a_share = 0, b_share = 0;
    std::string a_status, b_status;
};
std::vector<DistrictDifference> compare_outcomes(const ScenarioOutcome& a, const ScenarioOutcome& b);

// Checks a scenario's own consistency: names present, places and ratios valid, cluster names
// unique, districts known. Returns problems as messages (empty = fine).
std::vector<std::string> scenario_problems(const Scenario& s, const std::vector<DistrictBase>& base);

} // namespace sespm
