// cmd_pledges.cpp: `sespm-map pledges` keeps the resettlement pledges that planners enter, in a
// project file (SQLite). Pledges are never published figures: only what a planner entered.
#include <iostream>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/error.h"
#include "map/scenario_commands.h"

namespace sespm {

static const char* kPledgesHelp = R"(usage: sespm-map pledges list  --project FILE
       sespm-map pledges set   --project FILE --code DISTRICT --places N
       sespm-map pledges clear --project FILE --code DISTRICT
       (set and clear check the code against the districts in --data DIR)

Pledges (resettlement places a council has offered) are entered by planners and kept in the
project file, an SQLite database created on first use. `table`, `export` and `render` take
--project FILE to show them in the resettlement layer's `pledges` column. list prints
code,name,places.
)";

int cmd_pledges(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"--project", "--code", "--places"}), {}, "pledges");
    if (a.has("--help") || a.positional.empty()) {
        std::cout << kPledgesHelp;
        return a.has("--help") ? 0 : 2;
    }
    std::string what = a.positional[0];
    resolve_area_options(a, AreaKinds::Districts);  // --code Reading as well as E06000038
    if (what != "list" && what != "set" && what != "clear") throw UsageError("pledges: unknown action '" + clip(what) + "' (list, set, clear)");
    std::string file = a.require("--project", "pledges " + what);
    std::optional<int> places;
    if (what == "set") {
        a.require("--places", "pledges set");
        int n = a.integer("--places", -1);
        if (n < 0) throw UsageError("--places " + clip(*a.get("--places")) + ": a pledge is a whole number of places, 0 or more");
        places = n;
    }
    std::string code;
    if (what != "list") code = a.require("--code", "pledges " + what);
    auto s = open_session(a);
    // what this edit replaces is the pledges as the command began: a change by someone else
    // before it writes is a conflict, never overwritten unseen
    const AreaSet& lad = s->atlas->areas_lonlat(Geography::District);
    // a pledge is for a district: X99999999 or an empty code was stored and listed, counting nowhere
    // (clearing stays possible, so such a pledge made earlier can be removed)
    if (what == "set" && !lad.find(code))
        throw UsageError("--code " + (code.empty() ? std::string("''") : clip(code)) + ": no district has this code; a pledge is for a "
                         "district of the boundaries (e.g. E06000044 or Portsmouth)");
    if (what != "list") s->project_for_writing().pledges();
    if (what != "list") set_pledge(*s, code, places);
    ProjectStore* store = what == "list" ? s->project_for_reading() : &s->project_for_writing();
    if (!store) throw DataError(where(file, 0, "", "the project file does not exist"));
    std::cout << "code,name,places\n";
    for (const auto& [c, n] : store->pledges()) {
        const Area* ar = lad.find(c);
        std::cout << csv_escape(c) << "," << csv_escape(ar ? ar->name : "(no such district: counts nowhere; pledges clear removes it)") << "," << n << "\n";
    }
    return 0;
}

} // namespace sespm
