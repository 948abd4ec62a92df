// cmd_trend.cpp: `sespm-map periods` (the periods of a time-series layer, one ISO date a line)
// and `sespm-map trend` (one row per area and period, the columns `table` prints).
#include <iostream>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/error.h"
#include "core/text.h"
#include "trends/trends.h"

namespace sespm {

static const char* kPeriodsHelp = R"(usage: sespm-map periods --layer ID [--data DIR] [--layers DIR]

Prints the periods of a time-series layer, one ISO date (YYYY-MM-DD, "as at") a line, oldest
first. A layer that is not a time series prints nothing and says so on stderr.
)";

static const char* kTrendHelp = R"(usage: sespm-map trend --layer ID [--geography G] [--within CODE] [--codes A,B,...]
                       [--from DATE] [--to DATE] [--format csv|json] [--ratio CODE=N]...
                       [--project FILE] [--data DIR] [--layers DIR]

Prints one row per area and period (area by area, oldest period first). The CSV header is
code,name,period followed by exactly the columns `table` prints for the layer. Groups (county,
LEP, sub-region, region) sum their districts' counts per period and recompute the rates, as
`table` does. --from/--to (ISO dates) bound the periods; --codes keeps those areas only.
Rates use the population estimate nearest each period (see `table`, and the layer's period).
)";

int cmd_periods(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"--layer"}), {}, "periods");
    if (a.has("--help")) { std::cout << kPeriodsHelp; return 0; }
    std::string id = a.require("--layer", "periods");
    auto s = open_session(a);
    const LayerSpec& spec = s->layer(id);
    std::vector<std::string> ps = layer_periods(*s->atlas, spec);
    if (ps.empty()) std::cerr << "layer '" << id << "' is not a time series (" << spec.period << ")\n";
    for (const auto& p : ps) std::cout << p << "\n";
    return 0;
}

int cmd_trend(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"--layer", "--geography", "--within", "--codes", "--from", "--to", "--format",
                                           "--ratio", "--project"}),
                        {}, "trend");
    if (a.has("--help")) { std::cout << kTrendHelp; return 0; }
    a.require("--layer", "trend");
    std::string format = format_option(a);
    MapRequest req = map_request(a, std::nullopt);
    auto s = open_session(a);
    req.user_values = s->user_values();
    TrendRequest tr;
    tr.base = evaluate_options_of(req);
    tr.from = a.get("--from").value_or("");
    tr.to = a.get("--to").value_or("");
    if (auto c = a.get("--codes")) tr.codes = split_list(*c);
    const LayerSpec& spec = s->layer(req.layer_id);
    TrendTable t = trend_table(*s->atlas, spec, tr);
    note_unmatched(req.layer_id, t.results.back().report);
    add_trend_triggers(*s, spec, tr.base, t);
    write_table(std::cout, format, t.columns, t.rows);
    return 0;
}

} // namespace sespm
