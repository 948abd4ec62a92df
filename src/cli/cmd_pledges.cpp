// cmd_pledges.cpp: `sespm-map pledges` keeps the resettlement pledges that planners enter, in a
// project file (SQLite). Pledges are never published figures: only what a planner entered.
#include <iostream>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/error.h"
#include "io/output_file.h"
#include "io/project_store.h"

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
    const AreaSet& lad = s->atlas->areas_lonlat(Geography::District);
    if (!code.empty() && !lad.find(code)) throw UsageError("--code " + clip(code) + ": not a district code (May 2022 boundaries)");
    if (what != "list") check_folder_writable(file);  // plainly, not SQLite's "attempt to write a readonly database"
    ProjectStore store(file, what != "list");
    auto pledges = store.pledges();
    if (what == "set") pledges[code] = *places;
    if (what == "clear") pledges.erase(code);
    if (what != "list") store.save_pledges(pledges);
    std::cout << "code,name,places\n";
    for (const auto& [c, n] : pledges) {
        const Area* ar = lad.find(c);
        std::cout << c << "," << csv_escape(ar ? ar->name : "") << "," << n << "\n";
    }
    return 0;
}

} // namespace sespm
