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
#include "core/allocation.h"
#include "core/error.h"
#include "core/styling.h"
#include "core/measures.h"
#include "core/scenario.h"
#include "io/attribution.h"
#include "io/export.h"
#include "io/project_store.h"
#include "io/scenario_eval.h"

namespace sespm {

static const char* kScenarioHelp = R"(usage: sespm-map scenario allocate --total N --rule population|headroom|equalise
                                  [--within CODE] [--ratio CODE=N]... [--format csv|json]
                                  [--project FILE --save NAME]
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
       (all accept --data DIR and --layers DIR; --within defaults to E12000008, the South East)

Spreads N new dispersal places over the districts (all of England, or those --within CODE
selects, e.g. E12000008 for the South East) without taking any past its cluster limit
(floor(population / 200), or --ratio CODE=N residents per place) while room remains elsewhere:
  population  in proportion to population
  headroom    in proportion to each district's room under its limit
  equalise    each place where the resulting rate is lowest (water-filling), which makes the
              highest rate as low as it can be
Allocations are whole places summing exactly to N, or to all the room there is; the summary on
stderr says how many places did not fit. Districts with no published current figure count as 0
current places (the Home Office publishes no zero rows) and are listed on stderr.
Prints code,name,population,current,allocated,new_total,per_10k,cluster_limit,share_of_limit_pct,status.
)";

static int scenario_manage(const Args& a, const std::string& what);

int cmd_scenario(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"--total", "--rule", "--within", "--ratio", "--format", "--project", "--save",
                                           "--name", "--notes", "--critical-mass", "--code", "--places", "--cluster",
                                           "--codes", "--as", "--with", "-o"}),
                        {}, "scenario");
    if (a.has("--help") || a.positional.empty()) {
        std::cout << kScenarioHelp;
        return a.has("--help") ? 0 : 2;
    }
    if (a.positional.size() > 1) throw UsageError("scenario: unexpected argument '" + a.positional[1] + "'");
    if (a.positional[0] != "allocate") return scenario_manage(a, a.positional[0]);
    std::string total_s = a.require("--total", "scenario allocate");
    long long total = 0;
    {
        char* end = nullptr;
        errno = 0;
        total = std::strtoll(total_s.c_str(), &end, 10);
        if (total_s.empty() || *end || total < 0) throw UsageError("--total " + total_s + ": a whole number of places, 0 or more");
        if (errno == ERANGE || total > 1000000000LL)  // strtoll clamps silently (issue 9)
            throw UsageError("--total " + total_s + ": too large (at most 1000000000 places)");
    }
    std::string rule_s = a.require("--rule", "scenario allocate");
    auto rule = parse_allocation_rule(rule_s);
    if (!rule) throw UsageError("--rule " + rule_s + ": use population, headroom or equalise");
    std::string format = a.get("--format").value_or("csv");
    if (format != "csv" && format != "json") throw UsageError("--format " + format + ": use csv or json");

    auto s = open_session(a);
    const LayerSpec& spec = find_layer(*s, "dispersal");
    Scenario sc;
    sc.ratio_overrides = ratio_options(a);
    for (const auto& [code, ratio] : sc.ratio_overrides) {
        if (!s->atlas->areas_lonlat(Geography::District).find(code))
            throw UsageError("--ratio " + code + "=...: no district has the code " + code);
        if (!(ratio >= 1)) throw UsageError("--ratio " + code + ": the ratio must be at least 1 resident per place");
    }
    std::vector<DistrictBase> base = dispersal_baseline(*s->atlas, spec, a.get("--within"));
    std::vector<AllocationInput> in = allocation_inputs(base, sc, spec.limit_per);
    AllocationResult r = allocate(in, total, *rule);
    for (size_t i = 0; i < in.size(); ++i) if (r.allocated[i] > 0) sc.extra_places[in[i].code] = r.allocated[i];
    if (auto save = a.get("--save")) {
        std::string file = a.require("--project", "scenario allocate --save");
        ProjectStore store(file, true);
        Scenario saved = store.load_scenario(*save).value_or(Scenario{});
        saved.name = *save;
        saved.extra_places = sc.extra_places;
        for (const auto& [code, ratio] : sc.ratio_overrides) saved.ratio_overrides[code] = ratio;
        if (saved.notes.empty()) saved.notes = "allocated " + std::to_string(r.total_allocated) + " of " +
                                               std::to_string(total) + " places by " + rule_s;
        store.save_scenario(saved);
    }

    // The districts after the allocation: the same figures `scenario show` gives.
    ScenarioOutcome o = evaluate_scenario(sc, base, spec.limit_per, spec.near_share_pct);
    std::vector<std::string> cols{"code", "name", "population", "current", "allocated", "new_total", "per_10k",
                                  "cluster_limit", "share_of_limit_pct", "status"};
    std::vector<std::vector<Cell>> rows;
    std::vector<std::string> no_figure;
    for (const auto& d : o.districts) {
        if (!d.current) no_figure.push_back(d.code);
        rows.push_back(outcome_cells(d));
    }
    if (format == "csv") write_csv(std::cout, cols, rows);
    else write_json(std::cout, cols, rows);
    std::cerr << "allocated " << r.total_allocated << " of " << total << " places by " << rule_s << " over "
              << in.size() << " districts; did not fit: " << r.shortfall << "\n";
    if (!no_figure.empty()) {
        std::cerr << no_figure.size() << " districts have no published current figure and count as 0 current places:";
        for (const auto& c : no_figure) std::cerr << " " << c;
        std::cerr << "\n";
    }
    return 0;
}

} // namespace sespm

namespace sespm {

static long long whole(const Args& a, const std::string& opt, long long min) {
    std::string v = a.require(opt, "scenario");
    char* end = nullptr;
    long long n = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end || n < min) throw UsageError(opt + " " + v + ": a whole number, " + std::to_string(min) + " or more");
    return n;
}

static std::vector<std::string> split_codes(const std::string& list) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : list + ",") {
        if (c == ',') { if (!cur.empty()) out.push_back(cur); cur.clear(); }
        else if (c != ' ') cur += c;
    }
    return out;
}

static void print_outcome(const ScenarioOutcome& o, const std::string& format) {
    std::vector<std::string> cols = kOutcomeColumns;
    cols.push_back("change");
    std::vector<std::vector<Cell>> rows;
    for (const auto& d : o.districts) {
        rows.push_back(outcome_cells(d));
        rows.back().push_back(Cell::of_num(d.change, 0));
    }
    if (format == "json") write_json(std::cout, cols, rows);
    else write_csv(std::cout, cols, rows);
    std::cerr << "region: " << static_cast<long long>(o.new_total) << " places (" << static_cast<long long>(o.extra)
              << " extra) against a summed limit of " << static_cast<long long>(o.limit) << "; breaches: " << o.breaches.size();
    for (const auto& b : o.breaches) std::cerr << " " << b;
    std::cerr << "\n";
    for (const auto& c : o.clusters) {
        std::cerr << "cluster '" << c.name << "': " << static_cast<long long>(c.new_total) << " places, limit "
                  << static_cast<long long>(c.limit) << ", " << c.status << (c.contiguous ? "" : ", NOT CONTIGUOUS")
                  << (c.below_critical_mass ? ", BELOW CRITICAL MASS" : "");
        for (const auto& u : c.unknown_districts) std::cerr << ", unknown district " << u;
        std::cerr << "\n";
    }
}

static int scenario_manage(const Args& a, const std::string& what) {
    static const std::set<std::string> actions{"list", "create", "set", "ratio", "cluster", "duplicate", "rename",
                                               "delete", "show", "compare", "export"};
    if (!actions.count(what)) throw UsageError("scenario: unknown action '" + what + "' (see scenario --help)");
    std::string file = a.require("--project", "scenario " + what);
    std::string name = what == "list" ? "" : a.require("--name", "scenario " + what);
    std::string format = a.get("--format").value_or("csv");
    if (format != "csv" && format != "json") throw UsageError("--format " + format + ": use csv or json");
    if (what == "export") check_output_path(a.require("-o", "scenario export"));
    std::optional<std::string> within = a.get("--within").value_or("E12000008");
    if (*within == "all") within.reset();

    auto s = open_session(a);
    const LayerSpec& spec = find_layer(*s, "dispersal");
    ProjectStore store(file, what == "create");
    auto load = [&](const std::string& n) {
        auto sc = store.load_scenario(n);
        if (!sc) throw UsageError("--name " + n + ": no scenario by that name in " + file + " (see scenario list)");
        return *sc;
    };
    const AreaSet& lad = s->atlas->areas_lonlat(Geography::District);
    auto check_district = [&](const std::string& code) {
        if (!lad.find(code)) throw UsageError("--code " + code + ": not a district code (May 2022 boundaries)");
    };

    if (what == "list") {
        std::cout << "name,extra_places,clusters,notes\n";
        for (const auto& n : store.scenario_names()) {
            Scenario sc = load(n);
            long long extra = 0;
            for (const auto& [c, p] : sc.extra_places) extra += p;
            std::cout << csv_escape(n) << "," << extra << "," << sc.clusters.size() << "," << csv_escape(sc.notes) << "\n";
        }
        return 0;
    }
    if (what == "create") {
        if (store.load_scenario(name)) throw UsageError("--name " + name + ": a scenario by that name exists already");
        Scenario sc;
        sc.name = name;
        sc.notes = a.get("--notes").value_or("");
        if (a.get("--critical-mass")) sc.critical_mass = whole(a, "--critical-mass", 0);
        store.save_scenario(sc);
        std::cerr << "created scenario '" << name << "' in " << file << "\n";
        return 0;
    }
    if (what == "set" || what == "ratio" || what == "cluster") {
        Scenario sc = load(name);
        if (what == "set") {
            std::string code = a.require("--code", "scenario set");
            check_district(code);
            long long n = whole(a, "--places", 0);
            if (n == 0) sc.extra_places.erase(code);
            else sc.extra_places[code] = n;
        } else if (what == "ratio") {
            std::string code = a.require("--code", "scenario ratio");
            check_district(code);
            double r = a.number("--ratio", -1);
            if (!a.get("--ratio") || (r != 0 && r < 1)) throw UsageError("--ratio: residents per place, 1 or more (0 removes the override)");
            if (r == 0) sc.ratio_overrides.erase(code);
            else sc.ratio_overrides[code] = r;
        } else {
            std::string cname = a.require("--cluster", "scenario cluster");
            auto it = std::find_if(sc.clusters.begin(), sc.clusters.end(), [&](const Cluster& c) { return c.name == cname; });
            if (auto codes = a.get("--codes")) {
                Cluster c{cname, split_codes(*codes)};
                if (c.districts.empty()) throw UsageError("--codes: list at least one district");
                for (const auto& d : c.districts) check_district(d);
                if (it == sc.clusters.end()) sc.clusters.push_back(c);
                else *it = c;
            } else if (it != sc.clusters.end()) {
                sc.clusters.erase(it);
            } else if (!a.get("--critical-mass")) {
                throw UsageError("--cluster " + cname + ": no such cluster; give --codes to create it");
            }
            if (a.get("--critical-mass")) sc.critical_mass = whole(a, "--critical-mass", 0);
        }
        store.save_scenario(sc);
        return 0;
    }
    if (what == "duplicate" || what == "rename") {
        std::string to = a.require("--as", "scenario " + what);
        if (what == "rename") { store.rename_scenario(name, to); return 0; }
        if (store.load_scenario(to)) throw UsageError("--as " + to + ": a scenario by that name exists already");
        Scenario sc = load(name);
        sc.name = to;
        store.save_scenario(sc);
        return 0;
    }
    if (what == "delete") {
        load(name);
        store.delete_scenario(name);
        return 0;
    }
    if (what == "show") {
        print_outcome(evaluate_scenario_in(*s->atlas, spec, load(name), within), format);
        return 0;
    }
    if (what == "compare") {
        std::string other = a.require("--with", "scenario compare");
        ScenarioOutcome oa = evaluate_scenario_in(*s->atlas, spec, load(name), within);
        ScenarioOutcome ob = evaluate_scenario_in(*s->atlas, spec, load(other), within);
        std::vector<std::string> cols{"code", "name", "total_a", "total_b", "difference", "share_a_pct", "share_b_pct",
                                      "status_a", "status_b"};
        std::vector<std::vector<Cell>> rows;
        for (const auto& d : compare_outcomes(oa, ob))
            rows.push_back({Cell::of_text(d.code), Cell::of_text(d.name), Cell::of_num(d.a_total, 0), Cell::of_num(d.b_total, 0),
                            Cell::of_num(d.difference, 0), Cell::of_num(d.a_share, 1), Cell::of_num(d.b_share, 1),
                            Cell::of_text(d.a_status), Cell::of_text(d.b_status)});
        if (format == "json") write_json(std::cout, cols, rows);
        else write_csv(std::cout, cols, rows);
        return 0;
    }
    // export: the scenario's districts with their outcome, classified by share of the limit
    Scenario sc = load(name);
    ScenarioOutcome o = evaluate_scenario_in(*s->atlas, spec, sc, within);
    ExportData d;
    d.set = &lad;
    d.columns = kOutcomeColumns;
    std::vector<std::optional<double>> shares;
    for (const auto& x : o.districts) {
        d.selection.push_back(static_cast<size_t>(lad.find(x.code) - lad.areas.data()));
        d.rows.push_back(outcome_cells(x));
        shares.push_back(round_to(x.share_pct, 1));
    }
    Styled st = style_values(shares, ClassMethod::Quantile, 5, "orange-red");
    d.class_index = st.class_index;
    d.fill = st.fill;
    d.layer_id = "scenario";
    d.title = "Dispersal scenario: " + sc.name;
    d.period = spec.period;
    d.measure = "share_of_limit_pct";
    d.classification = "quantile, " + std::to_string(st.classification.class_count()) + " classes";
    d.attribution = full_attribution(s->data_dir, spec.attribution) + " Scenario places are proposals entered by planners.";
    export_areas(d, *a.get("-o"));
    return 0;
}

} // namespace sespm
