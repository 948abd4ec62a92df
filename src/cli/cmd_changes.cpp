// cmd_changes.cpp: `sespm-map changes`: what changed at a period of a time-series layer (the
// window's View > What changed list): the largest rises and falls since the previous period and
// since a year before, and the areas newly over the limit or their trigger.
#include <iostream>
#include <set>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/error.h"
#include "rules/periods.h"
#include "trends/what_changed.h"

namespace sespm {

static const char* kChangesHelp = R"(usage: sespm-map changes --layer ID [--period DATE|latest|earliest] [--geography G]
                         [--within CODE] [--top N] [--format csv|json] [--project FILE]
                         [--data DIR] [--layers DIR]

What changed at a period of a time-series layer: one row per listed area, with the columns
list,since,period,code,name,before,after,change,trigger_pct. `list` is "rise" or "fall" (the
count since `since`: one step of the series before (3 months for a quarterly series, 6 for a
half-yearly one, 12 for a yearly one, ten years for a census), then 12 months before;
the --top N largest, default 5; a date with no published figures is named on stderr and
nothing is compared with it, never another date),
"newly over the limit" (the count above the limit now, as `table`'s status "over"; not over
it, or without a figure, at the previous period; before/after/change are shares in percent) or "newly at the trigger"
(the agreed trigger points of --project). The areas are the South East's unless --within says
otherwise. Every figure is one `table --since` prints.
)";

int cmd_changes(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"--layer", "--period", "--geography", "--within", "--top", "--format", "--project"}),
                        {}, "changes");
    if (a.has("--help")) { std::cout << kChangesHelp; return 0; }
    a.require("--layer", "changes");
    std::string format = format_option(a);
    size_t top = 5;
    if (auto t = a.get("--top")) {
        if (t->empty() || t->find_first_not_of("0123456789") != std::string::npos || t->size() > 4 || std::stoi(*t) < 1)
            throw UsageError("--top " + *t + ": a whole number of areas, 1 or more");
        top = static_cast<size_t>(std::stoi(*t));
    }
    MapRequest req = map_request(a, std::string("E12000008"));  // the South East, as the map
    auto s = open_session(a);
    req.user_values = s->user_values();
    const LayerSpec& spec = s->layer(req.layer_id);
    std::map<std::string, double> triggers;
    if (ProjectStore* p = s->project_for_reading()) triggers = p->triggers();
    WhatChanged w = what_changed(*s->atlas, spec, evaluate_options_of(req), triggers, top);
    if (w.previous_period.empty()) std::cerr << "sespm-map: note: " << w.period << " is the layer's first period: nothing before it\n";
    std::set<std::string> unpublished;
    for (const auto& l : w.lists)
        if (!l.published && unpublished.insert(l.since).second)
            std::cerr << "sespm-map: note: no figures for " << l.since << " (" << months_between(l.since, w.period)
                      << " months before " << w.period << "): nothing is compared with it\n";
    std::vector<std::vector<Cell>> rows;
    for (const auto& l : w.lists)
        for (const auto& i : l.items) {
            int dec = l.what.rfind("newly", 0) == 0 ? 1 : 0;
            rows.push_back({Cell::of_text(l.what), Cell::of_text(l.since), Cell::of_text(w.period), Cell::of_text(i.code),
                            Cell::of_text(i.name), Cell::of_num(i.before, dec), Cell::of_num(i.after, dec),
                            Cell::of_num(i.change, dec), Cell::of_num(i.trigger_pct, 1)});
        }
    write_table(std::cout, format, {"list", "since", "period", "code", "name", "before", "after", "change", "trigger_pct"}, rows);
    return 0;
}

} // namespace sespm
