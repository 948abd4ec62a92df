// cmd_programmes.cpp: `sespm-map programmes`: the resettlement programmes side by side per area.
#include <iostream>

#include "cli/cli.h"
#include "cli/common.h"
#include "map/programmes.h"

namespace sespm {

static const char* kProgrammesHelp = R"(usage: sespm-map programmes [--geography G] [--within CODE|all] [--format csv|json]
                            [--data DIR] [--layers DIR]

The resettlement programmes side by side, one row per area (default: the South East's districts):
  code,name,population,older_schemes_arrivals,older_schemes_per_10k,homes_for_ukraine_arrivals,
  homes_for_ukraine_per_10k,afghan_people,afghan_per_10k,afghan_transitional
Older schemes: VPRS, VCRS and UKRS arrivals, cumulative 2014 Q1 to 2024 Q3 (Res_D01); Homes for
Ukraine: arrivals to date at the latest edition (Reg_02); Afghan: people on the Afghan
Resettlement Programme living there, and those in transitional accommodation (Reg_02). Each
column is the figure `table` prints for its layer; the dates are on stderr.
)";

int cmd_programmes(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"--geography", "--within", "--format"}), {}, "programmes");
    if (a.has("--help")) { std::cout << kProgrammesHelp; return 0; }
    std::string format = format_option(a);
    auto s = open_session(a);
    ProgrammesTable t = programmes_table(*s, geography_option(a), within_option(a, std::string("E12000008")));
    write_table(std::cout, format, t.columns, t.rows);
    for (const auto& d : t.as_at) std::cerr << "as at: " << d << "\n";
    return 0;
}

} // namespace sespm
