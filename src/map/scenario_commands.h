// scenario_commands.h: what planners do to scenarios and pledges, as functions on a Session,
// shared by the command line and the window: allocate a total, create / duplicate / rename /
// delete scenarios, apply one ScenarioEdit, set a pledge. Each checks its district codes
// against the boundaries (UsageError naming the option) and writes only the rows it changes.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rules/allocation.h"
#include "rules/scenario.h"
#include "rules/scenario_edit.h"
#include "map/fair_share_factors.h"
#include "map/session.h"
#include "rules/fair_share.h"

namespace sespm {

// SettingError (name N: no scenario by that name in FILE) when it does not exist.
Scenario load_scenario(Session& s, const std::string& name);
void create_scenario(Session& s, const Scenario& sc);                 // UsageError when the name is taken
void duplicate_scenario(Session& s, const std::string& from, const std::string& to);
void rename_scenario(Session& s, const std::string& from, const std::string& to);
void delete_scenario(Session& s, const std::string& name);

// Checks the edit's districts and values, writes it row by row, returns the scenario as stored.
Scenario edit_scenario(Session& s, const std::string& name, const ScenarioEdit& e);
// The same edit written to a store (no checks): used by edit_scenario and by undo.
void write_scenario_edit(ProjectStore& store, const std::string& name, const ScenarioEdit& e);

// UsageError naming `option` when `code` is not a district of the May 2022 boundaries.
void check_district(Session& s, const std::string& code, const std::string& setting = "code");

// Sets one pledge over the value the store last read (the window: what it shows; the command
// line: the pledges as the command began): someone else's change since then refuses it
// (ProjectError::Conflict, worded with the district's name).
void set_pledge(Session& s, const std::string& code, std::optional<int> places);

// An agreed trigger point: `key` an area code of any geography or "cluster:NAME", `pct` a share
// of the limit (more than 0, at most 100; nullopt clears it). UsageError for a code that is no
// area or a share out of range; written to the project as one row.
void set_trigger(Session& s, const std::string& key, std::optional<double> pct);

// A refused edit's conflict reworded with the area's name for its code ("Portsmouth's pledge
// was changed to 40 by jsmith at 14:02; ..."); other errors rethrown as they are.
[[noreturn]] void rethrow_named(Session& s, const ProjectError& e);

struct AllocateRequest {
    long long total = 0;
    AllocationRule rule = AllocationRule::Equalise;
    std::optional<std::string> within;                 // none = every district of England
    std::map<std::string, double> ratio_overrides;     // district -> residents per place
    std::string period;                                // the current figures' period ("" = latest)
    // The fair-share rule (AllocationRule::Factors; Population with `meaning` or `floor` too):
    // the factors and their weights, what the total means, every area's least places.
    std::vector<FactorWeight> factors;
    TotalMeaning meaning = TotalMeaning::Extra;
    long long floor = 0;
    // The fair-share rule's cap: residents per place for every district without an agreed ratio
    // (0: the cluster limit, 1 per 200). A stricter cap (250) shares the total under it; the
    // outcome's status still reads against the cluster limit.
    double cap_ratio = 0;
};

struct Allocation {
    std::vector<DistrictBase> base;                    // the published figures it started from
    std::vector<AllocationInput> inputs;
    AllocationResult result;
    Scenario scenario;                                 // the places and ratios as a scenario
    ScenarioOutcome outcome;                           // the districts after it (as `scenario show`)
    std::vector<long long> targets;                    // the total as stock: each district's share of it
    long long surplus = 0;                             // the total as stock: held above the targets, in all
    std::vector<std::string> said;                     // what the factors used (fair_share_factors.h)
    std::string model;                                 // the fair-share model, for the scenario's notes ("" for the other rules)
    std::vector<Factor> factors;                       // the fair-share rule's factors as read
};

Allocation allocate_places(Session& s, const AllocateRequest& req);
// Saves an allocation as scenario `name`, with how it was made (total, rule, areas) as the
// allocation line of its notes. An existing scenario of that name is a UsageError unless
// `replace`: then its places are replaced, its ratio overrides joined, its own notes kept. One
// transaction, so two planners saving the same name cannot both create it.
void save_allocation(Session& s, const std::string& name, const Allocation& a, const AllocationNote& how, bool replace);

} // namespace sespm
