// cmd_scenario.cpp: `sespm-map scenario allocate` spreads a total of dispersal places over the
// districts (by population, by headroom, or equalising rates) within their cluster limits.
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/allocation.h"
#include "core/error.h"
#include "core/measures.h"

namespace sespm {

static const char* kScenarioHelp = R"(usage: sespm-map scenario allocate --total N --rule population|headroom|equalise
                                  [--within CODE] [--ratio CODE=N]... [--format csv|json]
                                  [--data DIR] [--layers DIR]

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

int cmd_scenario(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"--total", "--rule", "--within", "--ratio", "--format"}), {}, "scenario");
    if (a.has("--help") || a.positional.empty()) {
        std::cout << kScenarioHelp;
        return a.has("--help") ? 0 : 2;
    }
    if (a.positional[0] != "allocate") throw UsageError("scenario: unknown action '" + a.positional[0] + "' (allocate)");
    std::string total_s = a.require("--total", "scenario allocate");
    long long total = 0;
    {
        char* end = nullptr;
        total = std::strtoll(total_s.c_str(), &end, 10);
        if (total_s.empty() || *end || total < 0) throw UsageError("--total " + total_s + ": a whole number of places, 0 or more");
    }
    std::string rule_s = a.require("--rule", "scenario allocate");
    auto rule = parse_allocation_rule(rule_s);
    if (!rule) throw UsageError("--rule " + rule_s + ": use population, headroom or equalise");
    std::string format = a.get("--format").value_or("csv");
    if (format != "csv" && format != "json") throw UsageError("--format " + format + ": use csv or json");

    auto s = open_session(a);
    const LayerSpec& spec = find_layer(*s, "dispersal");
    EvaluateOptions opt;
    opt.within = a.get("--within");
    opt.ratio_overrides = ratio_options(a);
    LayerResult base = evaluate_layer(*s->atlas, spec, opt);

    std::vector<AllocationInput> in;
    std::vector<std::string> no_figure;
    for (const auto& m : base.measures) {
        if (!m.denominator || !m.limit)
            throw DataError(spec.path + ": district " + m.code + " has no population figure; it cannot be allocated to");
        if (!m.count) no_figure.push_back(m.code);
        in.push_back({m.code, *m.denominator, m.count.value_or(0), *m.limit});
    }
    AllocationResult r = allocate(in, total, *rule);

    std::vector<std::string> cols{"code", "name", "population", "current", "allocated", "new_total", "per_10k",
                                  "cluster_limit", "share_of_limit_pct", "status"};
    std::vector<std::vector<Cell>> rows;
    for (size_t i = 0; i < in.size(); ++i) {
        const MeasureRow& m = base.measures[i];
        double new_total = in[i].current + static_cast<double>(r.allocated[i]);
        double share = in[i].limit > 0 ? new_total / in[i].limit * 100 : 0;
        std::string status = limit_status(new_total, in[i].limit, spec.near_share_pct);
        rows.push_back({Cell::of_text(m.code), Cell::of_text(m.name), Cell::of_num(in[i].population, 0),
                        Cell::of_num(m.count, 0), Cell::of_num(static_cast<double>(r.allocated[i]), 0),
                        Cell::of_num(new_total, 0), Cell::of_num(new_total / in[i].population * 10000, 2),
                        Cell::of_num(in[i].limit, 0), Cell::of_num(share, 1), Cell::of_text(status)});
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
