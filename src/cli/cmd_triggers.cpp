// cmd_triggers.cpp: `sespm-map triggers set|clear|list|alerts`: the agreed trigger points (a
// share of the limit per area, group or scenario cluster) kept in a project file, and the areas
// that reached theirs.
#include <iostream>
#include <set>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/error.h"
#include "core/text.h"
#include "map/scenario_commands.h"
#include "map/triggers.h"

namespace sespm {

static const char* kTriggersHelp = R"(usage: sespm-map triggers set    --project FILE (--code CODE | --cluster NAME) --pct P
       sespm-map triggers clear  --project FILE (--code CODE | --cluster NAME)
       sespm-map triggers list   --project FILE
       sespm-map triggers alerts --project FILE [--layer ID] [--within CODE]
       (all accept --data DIR and --layers DIR)

A trigger point is the share of the limit (0 < P <= 100, e.g. 75) at which the partners agreed
to meet, for one area: a district, county, LEP, sub-region or region code, or a scenario
cluster by name. It is kept in the project file, one row each. `table` and `trend` with
--project show trigger_pct and trigger_status (reached / within 10 points / below).
alerts prints code,name,geography,trigger_pct,reached_at,share_then_pct,latest_period,
latest_share_pct for every area with a trigger that reached it in the latest period, or in
any of the last four quarters of a quarterly layer (default --layer dispersal).
)";

namespace {

std::string trigger_key(const Args& a, const std::string& what) {
    auto code = a.get("--code"), cluster = a.get("--cluster");
    if (code && cluster) throw UsageError("triggers " + what + ": give --code or --cluster, not both");
    if (cluster) {
        if (cluster->empty()) throw UsageError("--cluster: a cluster needs a name");
        return "cluster:" + *cluster;
    }
    if (!code) throw UsageError("triggers " + what + ": --code CODE (or --cluster NAME) is required");
    return *code;  // checked by set_trigger
}

int triggers_list(Session& s) {
    ProjectStore* p = s.project_for_reading();
    if (!p) throw DataError(where(s.project_location(), 0, "", "the project file does not exist"));
    std::vector<std::vector<Cell>> rows;
    for (const auto& [key, pct] : p->triggers()) {
        std::string name = key.rfind("cluster:", 0) == 0 ? "scenario cluster" : s.atlas->name_of(key);
        rows.push_back({Cell::of_text(key), Cell::of_text(name), Cell::of_num(pct, 1)});
    }
    write_csv(std::cout, {"code", "name", "trigger_pct"}, rows);
    return 0;
}

int triggers_alerts(Session& s, const Args& a) {
    ProjectStore* p = s.project_for_reading();
    if (!p) throw DataError(where(s.project_location(), 0, "", "the project file does not exist"));
    const LayerSpec& spec = s.layer(a.get("--layer").value_or("dispersal"));
    if (spec.limit_column.empty()) throw UsageError("--layer " + spec.id + ": has no limit, so no trigger points");
    std::map<std::string, double> triggers = p->triggers();
    std::vector<std::vector<Cell>> rows;
    std::set<std::string> seen;  // a unitary authority is a district and a county: listed once
    for (Geography g : {Geography::District, Geography::County, Geography::Lep, Geography::Subregion, Geography::Region}) {
        if (spec.native == Geography::County && g == Geography::District) continue;
        EvaluateOptions eo;
        eo.geography = g;
        eo.within = within_option(a, std::nullopt);
        for (const auto& t : trigger_alerts(*s.atlas, spec, eo, triggers))
            if (seen.insert(t.code).second) rows.push_back({Cell::of_text(t.code), Cell::of_text(t.name), Cell::of_text(t.geography), Cell::of_num(t.trigger_pct, 1),
                            Cell::of_text(t.reached_at), Cell::of_num(t.share_then, 1), Cell::of_text(t.latest_period),
                            Cell::of_num(t.share_latest, 1)});
    }
    write_csv(std::cout, {"code", "name", "geography", "trigger_pct", "reached_at", "share_then_pct", "latest_period", "latest_share_pct"}, rows);
    std::cerr << rows.size() << " area" << (rows.size() == 1 ? "" : "s") << " reached the trigger (published figures, layer " << spec.id << ")\n";
    return 0;
}

} // namespace

int cmd_triggers(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"--project", "--code", "--cluster", "--pct", "--layer", "--within"}), {}, "triggers");
    if (a.has("--help") || a.positional.empty()) {
        std::cout << kTriggersHelp;
        return a.has("--help") ? 0 : 2;
    }
    if (a.positional.size() > 1) throw UsageError("triggers: unexpected argument '" + clip(a.positional[1]) + "'");
    const std::string& what = a.positional[0];
    if (what != "set" && what != "clear" && what != "list" && what != "alerts")
        throw UsageError("triggers: unknown action '" + clip(what) + "' (set, clear, list, alerts)");
    a.require("--project", "triggers " + what);
    double pct = 0;
    if (what == "set") {
        a.require("--pct", "triggers set");
        pct = a.number("--pct", 0);
        if (!(pct > 0 && pct <= 100)) throw UsageError("--pct " + *a.get("--pct") + ": a share of the limit, more than 0 and at most 100");
    }
    auto s = open_session(a);
    if (what == "list") return triggers_list(*s);
    if (what == "alerts") return triggers_alerts(*s, a);
    std::string key = trigger_key(a, what);
    s->project_for_writing().triggers();  // what this edit replaces: the triggers as the command began (a later change is a conflict)
    set_trigger(*s, key, what == "set" ? std::optional<double>(pct) : std::nullopt);
    std::cerr << (what == "set" ? "set the trigger of " : "cleared the trigger of ") << printable(key) << " in " << s->project_location() << "\n";
    return 0;
}

} // namespace sespm
