// cmd_scenario.cpp: `sespm-map scenario ...`: allocate a total of dispersal places over the
// districts (by population, by headroom, or equalising rates) within their cluster limits, and
// create, edit, list, show, compare and export the scenarios saved in a project file.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <set>

#include "cli/cli.h"
#include "cli/common.h"
#include "rules/allocation.h"
#include "core/error.h"
#include "rules/scenario.h"
#include "core/text.h"
#include "map/export_view.h"
#include "map/scenario_commands.h"
#include "map/scenario_eval.h"
#include "map/scenario_explain.h"
#include "map/triggers.h"

namespace sespm {

static const char* kScenarioHelp = R"(usage: sespm-map scenario allocate --total N --rule population|headroom|equalise|factors
                                  [--factor LAYER=WEIGHT]... [--as extra|stock] [--floor N]
                                  [--cap-ratio N] [--model SCENARIO]
                                  [--within CODE] [--ratio CODE=N]... [--format csv|json]
                                  [--project FILE --save NAME [--replace]]
       sespm-map scenario list      --project FILE
       sespm-map scenario create    --project FILE --name NAME [--notes TEXT] [--critical-mass N]
       sespm-map scenario set       --project FILE --name NAME --code DISTRICT --places N
       sespm-map scenario ratio     --project FILE --name NAME --code DISTRICT --ratio N (0 removes)
       sespm-map scenario cluster   --project FILE --name NAME --cluster CNAME --codes A,B,...
                                    (no --codes removes the cluster) [--critical-mass N]
       sespm-map scenario duplicate --project FILE --name NAME --as NEW
       sespm-map scenario rename    --project FILE --name NAME --as NEW
       sespm-map scenario delete    --project FILE --name NAME
       sespm-map scenario show      --project FILE --name NAME [--within CODE] [--format csv|json]
       sespm-map scenario compare   --project FILE --name A --with B [--within CODE]
       sespm-map scenario export    --project FILE --name NAME [--within CODE] -o FILE
       sespm-map scenario explain   --project FILE --name NAME [--format csv|json]
                                    (a scenario allocated by --rule factors: why each district got its number)
       sespm-map scenario sensitivity --project FILE --name NAME [--vary PCT] [--format csv|json]
                                    (each weight PCT% (default 20) down and up: each district's lowest and highest)
       (all accept --data DIR and --layers DIR; --within defaults to E12000008, the South East;
        allocate, show, compare and export accept --period DATE|latest|earliest: the published
        figures the scenario starts from, default latest)

Spreads N new dispersal places over the districts (all of England, or those --within CODE
selects, e.g. E12000008 for the South East) without taking any past its cluster limit
(floor(population / 200), or --ratio CODE=N residents per place) while room remains elsewhere:
  population  in proportion to population
  headroom    in proportion to each district's room under its limit
  equalise    each place where the resulting rate is lowest (water-filling), which makes the
              highest rate as low as it can be
--save NAME keeps the allocation as a scenario, with its total, rule and areas as the first line
of its notes (the window reopens it with them); a scenario of that name already there is left
alone unless --replace (its places replaced, its other notes kept).
Allocations are whole places summing exactly to N, or to all the room there is; the summary on
stderr says how many places did not fit. Districts with no published current figure count as 0
current places (the Home Office publishes no zero rows) and are listed on stderr.
--rule factors (the partnership's fair share) starts from each district's population and moves
its share down for more pressure and up for less: each --factor LAYER=WEIGHT is a rate or value
layer whose file says which way its pressure runs ("pressure": "higher"), its figure at its own
latest period (whatever --period says of the current places) scaled 0 to 1 over the districts
(1: the most pressure among them; no figure: the others' mean, or 0 where the layer's source
publishes no zero rows, "pressure_if_missing": "zero"),
and a district's weight is population * exp(-sum of WEIGHT * pressure). Weight 1 counts the
district under most pressure at 0.37 of its population against the least; all weights 0 is
exactly --rule population. No district goes over its cluster limit: what a full one cannot take
is shared again by the same weights; whole places by Sainte-Lague, so more pressure never means
more places. --as stock: the total is what the districts should hold in
all; each one's target is its share (within its limit) and its allocation what it still needs
(never below 0); a target column is added and the surplus held above the targets is said.
--floor N (places to add only): every district first gets N, or its room if less (refused when
the total cannot give every district its floor). At most 12 factors. --cap-ratio N (200 or more) caps every
district without an agreed --ratio at floor(population / N) instead of its cluster limit (a
stricter cap, 250 say, spreads the total wider; the status columns still read against the
cluster limit); kept with the model.
--model SCENARIO (with --project) reuses the fair-share model a saved scenario was allocated by:
its factors and weights, stock or extra, and floor (--as and --floor given here replace its own;
--rule may be left out). Every scenario saved from --rule factors is a model by its name.
Prints code,name,population,current,allocated,new_total,per_10k,cluster_limit,share_of_limit_pct,status.
)";

namespace {

// --factor LAYER=WEIGHT, repeatable; a layer given twice is a usage error.
static std::vector<FactorWeight> factor_options(const Args& a) {
    std::vector<FactorWeight> out;
    for (const auto& v : a.all("--factor")) {
        auto eq = v.find('=');
        if (eq == std::string::npos || eq == 0)
            throw UsageError("--factor " + clip(v) + ": write LAYER=WEIGHT, e.g. asylum_supported=1");
        std::string num = v.substr(eq + 1);
        char* end = nullptr;
        double w = std::strtod(num.c_str(), &end);
        if (num.empty() || *end != '\0' || !std::isfinite(w) || w < 0)
            throw UsageError("--factor " + clip(v) + ": the weight '" + clip(num) + "' is not a number, 0 or more");
        for (const auto& f : out)
            if (f.layer == v.substr(0, eq)) throw UsageError("--factor " + clip(v) + ": the layer is given twice");
        out.push_back({v.substr(0, eq), w});
    }
    return out;
}

// --model SCENARIO: the saved scenario's factors, weights, meaning and floor; --as and --floor
// given on the command line come first; --factor beside it is a usage error (which one counts?).
void use_saved_model(const Args& a, Session& s, const std::string& name, AllocateRequest& req) {
    if (req.rule != AllocationRule::Factors)
        throw UsageError("--model " + clip(name) + ": a fair-share model is used by --rule factors, not --rule " + allocation_rule_name(req.rule));
    if (!req.factors.empty())
        throw UsageError("--model " + clip(name) + ": give the model's factors or --factor, not both");
    FairShareModel m = scenario_model(s, name, "model").model;
    req.factors = m.factors;
    if (!a.get("--as")) req.meaning = m.meaning;
    if (!a.get("--floor")) req.floor = m.floor;
    if (!a.get("--cap-ratio")) req.cap_ratio = m.cap_ratio;
}

long long whole(const Args& a, const std::string& opt, long long min) {
    std::string v = a.require(opt, "scenario");
    errno = 0;
    char* end = nullptr;
    long long n = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end) throw UsageError(opt + " " + v + ": a whole number, " + std::to_string(min) + " or more");
    if (errno == ERANGE) throw UsageError(opt + " " + v.substr(0, 40) + ": too large");
    if (n < min) throw UsageError(opt + " " + v + ": a whole number, " + std::to_string(min) + " or more");
    return n;
}

static void print_no_figure(const std::vector<std::string>& no_figure) {
    if (no_figure.empty()) return;
    std::cerr << no_figure.size() << " districts have no published current figure and count as 0 current places:";
    for (const auto& c : no_figure) std::cerr << " " << c;
    std::cerr << "\n";
}

void print_allocation(const Allocation& al, long long total, const std::string& rule, const std::string& format) {
    std::vector<std::string> cols{"code", "name", "population", "current", "allocated", "new_total", "per_10k",
                                  "cluster_limit", "share_of_limit_pct", "status"};
    std::vector<std::vector<Cell>> rows;
    std::vector<std::string> no_figure;
    std::map<std::string, long long> target;
    for (size_t i = 0; i < al.targets.size(); ++i) target[al.inputs[i].code] = al.targets[i];
    if (!al.targets.empty()) cols.insert(cols.begin() + 4, "target");
    for (const auto& d : al.outcome.districts) {
        if (!d.current) no_figure.push_back(d.code);
        rows.push_back(outcome_cells(d));
        if (!al.targets.empty()) rows.back().insert(rows.back().begin() + 4, Cell::of_num(static_cast<double>(target[d.code]), 0));
    }
    write_table(std::cout, format, cols, rows);
    for (const auto& line : al.said) std::cerr << line << "\n";
    if (!al.targets.empty()) {
        std::cerr << "targets add up to " << total - al.result.shortfall << " of " << total << " by " << rule
                  << " (did not fit under the limits: " << al.result.shortfall << "); to reach them: "
                  << al.result.total_allocated << " places to add over " << al.inputs.size()
                  << " districts; held above the targets: " << al.surplus << " places in all\n";
        print_no_figure(no_figure);
        return;
    }
    std::cerr << "allocated " << al.result.total_allocated << " of " << total << " places by " << rule << " over "
              << al.inputs.size() << " districts; did not fit: " << al.result.shortfall << "\n";
    print_no_figure(no_figure);
}

int scenario_allocate(const Args& a) {
    AllocateRequest req;
    req.total = whole(a, "--total", 0);
    if (req.total > 1000000000LL) throw UsageError("--total " + std::to_string(req.total) + ": too large (at most 1000000000 places)");
    std::string rule_s = a.get("--model") ? a.get("--rule").value_or("") : a.require("--rule", "scenario allocate");
    auto model = a.get("--model");
    if (model && rule_s.empty()) rule_s = "factors";
    auto rule = parse_allocation_rule(rule_s);
    if (!rule) throw UsageError("--rule " + rule_s + ": use population, headroom, equalise or factors");
    req.rule = *rule;
    req.factors = factor_options(a);
    if (auto as = a.get("--as")) {
        if (*as != "extra" && *as != "stock")
            throw UsageError("--as " + clip(*as) + ": use extra (places to add, the default) or stock (what the districts should hold in all)");
        req.meaning = *as == "stock" ? TotalMeaning::Stock : TotalMeaning::Extra;
    }
    if (a.get("--floor")) req.floor = whole(a, "--floor", 0);
    if (auto cap = a.get("--cap-ratio")) {
        char* end = nullptr;
        req.cap_ratio = std::strtod(cap->c_str(), &end);
        if (cap->empty() || *end != '\0' || !std::isfinite(req.cap_ratio) || req.cap_ratio < 1)
            throw UsageError("--cap-ratio " + clip(*cap) + ": residents per place, a number 200 (the cluster limit) or more");
    }
    req.within = within_option(a, std::nullopt);
    req.ratio_overrides = ratio_options(a);
    req.period = a.get("--period").value_or("");
    std::string format = format_option(a);
    auto save = a.get("--save");
    if (save) a.require("--project", "scenario allocate --save");
    if (model) a.require("--project", "scenario allocate --model");
    auto s = open_session(a);
    if (model) use_saved_model(a, *s, *model, req);
    Allocation al = allocate_places(*s, req);
    if (save)
        save_allocation(*s, *save, al, {req.total, req.rule, req.within.value_or(""), al.result.total_allocated, al.model}, a.has("--replace"));
    print_allocation(al, req.total, rule_s, format);
    return 0;
}

void print_outcome(const ScenarioOutcome& o, const std::string& format) {
    std::vector<std::string> cols = kOutcomeColumns;
    cols.push_back("change");
    std::vector<std::vector<Cell>> rows;
    for (const auto& d : o.districts) {
        rows.push_back(outcome_cells(d));
        rows.back().push_back(Cell::of_num(d.change, 0));
    }
    write_table(std::cout, format, cols, rows);
    std::cerr << "region: " << static_cast<long long>(o.new_total) << " places (" << static_cast<long long>(o.extra)
              << " extra) against a limit of " << static_cast<long long>(o.limit) << " (the sum of the districts' limits); breaches: " << o.breaches.size();
    for (const auto& b : o.breaches) std::cerr << " " << b;
    std::cerr << "\n";
    for (const auto& c : o.clusters) {
        std::cerr << "cluster '" << printable(c.name) << "': " << static_cast<long long>(c.new_total) << " places, limit "
                  << static_cast<long long>(c.limit) << ", " << c.status << (c.contiguous ? "" : ", NOT CONTIGUOUS")
                  << (c.below_critical_mass ? ", BELOW CRITICAL MASS" : "");
        if (c.trigger_pct) std::cerr << ", " << cluster_trigger_text(c);
        for (const auto& u : c.unknown_districts) std::cerr << ", unknown district " << u;
        std::cerr << "\n";
    }
}

void print_comparison(const ScenarioOutcome& oa, const ScenarioOutcome& ob, const std::string& format) {
    std::vector<std::string> cols{"code", "name", "total_a", "total_b", "difference", "share_a_pct", "share_b_pct",
                                  "status_a", "status_b"};
    std::vector<std::vector<Cell>> rows;
    for (const auto& d : compare_outcomes(oa, ob))
        rows.push_back({Cell::of_text(d.code), Cell::of_text(d.name), Cell::of_num(d.a_total, 0), Cell::of_num(d.b_total, 0),
                        Cell::of_num(d.difference, 0), Cell::of_num(d.a_share, 1), Cell::of_num(d.b_share, 1),
                        Cell::of_text(d.a_status), Cell::of_text(d.b_status)});
    write_table(std::cout, format, cols, rows);
}

int scenario_list(Session& s) {
    std::cout << "name,extra_places,clusters,notes\n";
    ProjectStore* store = s.project_for_reading();
    if (!store) throw DataError(where(s.project_location(), 0, "", "the project file does not exist"));
    for (const auto& n : store->scenario_names()) {
        Scenario sc = load_scenario(s, n);
        long long extra = 0;
        for (const auto& [c, p] : sc.extra_places) extra += p;
        std::cout << csv_escape(n) << "," << extra << "," << sc.clusters.size() << "," << csv_escape(sc.notes) << "\n";
    }
    return 0;
}

// set, ratio and cluster: one ScenarioEdit from the options.
ScenarioEdit edit_from_options(const Args& a, const std::string& what) {
    if (what == "set") return ScenarioEdit::set_places(a.require("--code", "scenario set"), whole(a, "--places", 0));
    if (what == "ratio") {
        std::string code = a.require("--code", "scenario ratio");
        double r = a.number("--ratio", -1);
        if (!a.get("--ratio") || (r != 0 && r < 1)) throw UsageError("--ratio: residents per place, 1 or more (0 removes the override)");
        return ScenarioEdit::set_ratio(code, r);
    }
    std::string cname = a.require("--cluster", "scenario cluster");
    if (auto codes = a.get("--codes")) return ScenarioEdit::set_cluster({cname, split_list(*codes)});
    return ScenarioEdit::remove_cluster(cname);
}

int scenario_edit(Session& s, const Args& a, const std::string& what, const std::string& name) {
    load_scenario(s, name);  // "no scenario by that name" before any other complaint
    bool cluster_mass_only = what == "cluster" && !a.get("--codes") && a.get("--critical-mass");
    if (!cluster_mass_only) {
        ScenarioEdit e = edit_from_options(a, what);
        if (e.kind == ScenarioEdit::Kind::RemoveCluster) {
            Scenario sc = load_scenario(s, name);
            bool exists = false;
            for (const auto& c : sc.clusters) exists |= c.name == e.cluster.name;
            if (!exists) throw UsageError("--cluster " + e.cluster.name + ": no such cluster; give --codes to create it");
        }
        edit_scenario(s, name, e);
    }
    if (what == "cluster" && a.get("--critical-mass"))
        edit_scenario(s, name, ScenarioEdit::set_critical_mass(whole(a, "--critical-mass", 0)));
    return 0;
}

int scenario_export(Session& s, const Args& a, const std::string& name) {
    MapRequest req;
    req.layer_id = "dispersal";
    req.within = within_option(a, std::string("E12000008"));
    req.scenario = load_scenario(s, name);
    req.period = a.get("--period").value_or("");
    req.for_drawing = false;
    MapView v = build_map_view(*s.atlas, s.layers, req);
    export_view(v, *a.get("-o"));
    return 0;
}

// Why each district got its number: population share, each factor's push, the cap, the floor and
// rounding (one decimal each; they add up to the places), and the places the scenario holds.
int scenario_explain(Session& s, const std::string& name, const std::string& format) {
    ScenarioExplanation e = explain_scenario(s, name);
    bool stock = !e.allocation.targets.empty();
    ExplanationTable t = explanation_table(*s.atlas, e);
    std::vector<std::string> cols = t.columns;
    cols.push_back("in_scenario");   // the places the saved scenario adds
    std::vector<std::vector<Cell>> rows = std::move(t.rows);
    for (size_t i = 0; i < rows.size(); ++i) {
        auto it = e.saved.find(e.allocation.inputs[i].code);
        rows[i].push_back(Cell::of_num(static_cast<double>(it == e.saved.end() ? 0 : it->second), 0));
    }
    write_table(std::cout, format, cols, rows);
    for (const auto& line : e.allocation.said) std::cerr << line << "\n";
    std::cerr << "model: " << e.how.model << "; " << e.how.total << " places over "
              << (e.how.within.empty() ? std::string("all of England") : e.how.within)
              << "; pressure_index: the sum of weight x pressure (0 to 1 each factor), as render --pressure draws it"
              << "; each row adds up: population_share + the pushes + cap + floor_and_rounding = "
              << (stock ? "target (to_add: what it still needs over what it holds)" : "allocated")
              << "; run again on today's figures; in_scenario: the places the saved scenario adds\n";
    return 0;
}

// Each district's places (or target) under the model and its lowest and highest with each
// weight varied up and down.
int scenario_sensitivity_table(Session& s, const std::string& name, double vary, const std::string& format) {
    Sensitivity sv = scenario_sensitivity(s, name, vary);
    bool stock = !sv.base.allocation.targets.empty();
    std::vector<std::string> cols{"code", "name", stock ? "target" : "allocated", "lowest", "highest"};
    std::vector<std::vector<Cell>> rows;
    for (size_t i = 0; i < sv.base.allocation.inputs.size(); ++i) {
        const auto& code = sv.base.allocation.inputs[i].code;
        rows.push_back({Cell::of_text(code), Cell::of_text(s.atlas->name_of(code)),
                        Cell::of_num(static_cast<double>(sv.base.shares.rows[i].result), 0),
                        Cell::of_num(static_cast<double>(sv.lowest[i]), 0), Cell::of_num(static_cast<double>(sv.highest[i]), 0)});
    }
    write_table(std::cout, format, cols, rows);
    std::cerr << "model: " << sv.base.how.model << "; each weight " << vary << "% down and up, one at a time: " << sv.runs
              << " runs on today's figures\n";
    return 0;
}

} // namespace

static int scenario_manage(const Args& a, const std::string& what) {
    static const std::set<std::string> actions{"list", "create", "set", "ratio", "cluster", "duplicate", "rename",
                                               "delete", "show", "compare", "export", "explain", "sensitivity"};
    if (!actions.count(what)) throw UsageError("scenario: unknown action '" + what + "' (see scenario --help)");
    a.require("--project", "scenario " + what);
    std::string name = what == "list" ? "" : a.require("--name", "scenario " + what);
    std::string format = format_option(a);
    if (what == "export") check_output_path(a.require("-o", "scenario export"));
    std::optional<std::string> within = within_option(a, std::string("E12000008"));
    std::string period = a.get("--period").value_or("");
    auto s = open_session(a);
    const LayerSpec& spec = s->layer("dispersal");
    if (what == "list") return scenario_list(*s);
    if (what == "create") {
        Scenario sc;
        sc.name = name;
        sc.notes = a.get("--notes").value_or("");
        if (a.get("--critical-mass")) sc.critical_mass = whole(a, "--critical-mass", 0);
        create_scenario(*s, sc);
        std::cerr << "created scenario '" << printable(name) << "' in " << s->project_location() << "\n";
        return 0;
    }
    if (what == "set" || what == "ratio" || what == "cluster") return scenario_edit(*s, a, what, name);
    if (what == "duplicate") { duplicate_scenario(*s, name, a.require("--as", "scenario duplicate")); return 0; }
    if (what == "rename") { rename_scenario(*s, name, a.require("--as", "scenario rename")); return 0; }
    if (what == "delete") { delete_scenario(*s, name); return 0; }
    if (what == "explain") return scenario_explain(*s, name, format);
    if (what == "sensitivity") return scenario_sensitivity_table(*s, name, a.number("--vary", 20), format);
    if (what == "show") {
        ScenarioOutcome o = evaluate_scenario_in(*s->atlas, spec, load_scenario(*s, name), within, period);
        if (ProjectStore* p = s->project_for_reading()) add_cluster_triggers(p->triggers(), o);
        print_outcome(o, format);
        return 0;
    }
    if (what == "compare") {
        Scenario other = load_scenario(*s, a.require("--with", "scenario compare"));
        print_comparison(evaluate_scenario_in(*s->atlas, spec, load_scenario(*s, name), within, period),
                         evaluate_scenario_in(*s->atlas, spec, other, within, period), format);
        return 0;
    }
    return scenario_export(*s, a, name);
}

int cmd_scenario(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"--total", "--rule", "--within", "--ratio", "--format", "--project", "--save",
                                           "--name", "--notes", "--critical-mass", "--code", "--places", "--cluster",
                                           "--codes", "--as", "--with", "-o", "--period", "--factor", "--floor", "--vary", "--model", "--cap-ratio"}),
                        {"--replace"}, "scenario");
    if (a.has("--help") || a.positional.empty()) {
        std::cout << kScenarioHelp;
        return a.has("--help") ? 0 : 2;
    }
    if (a.positional.size() > 1) throw UsageError("scenario: unexpected argument '" + a.positional[1] + "'");
    resolve_area_options(a, AreaKinds::Districts);  // names as well as codes (--within any area)
    if (a.positional[0] == "allocate") return scenario_allocate(a);
    return scenario_manage(a, a.positional[0]);
}

} // namespace sespm
