// cmd_report.cpp: `sespm-map report` writes the board report, an A4 PDF pack (src/report).
#include <iostream>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/error.h"
#include "core/output_file.h"
#include "outputs/export.h"
#include "core/text.h"
#include "report/report.h"

namespace sespm {

static const char* kReportHelp = R"(usage: sespm-map report -o FILE.pdf [--subregion CODE] [--title TEXT] [--commentary FILE]
                        [--project FILE [--scenario NAME [--compare NAME]]] [--data DIR] [--layers DIR]

Writes the board report, an A4 PDF: headline figures for the South East with red/amber/green by
the domain rules, sentences computed from the figures and a Commentary box (the text of
--commentary FILE, or empty for the officer), asylum dispersal (vector map with scale bar and
north arrow, every district ranked against the limit), one page per SESPM sub-region (map and
table), resettlement, unaccompanied children (NTS), EU-born and Nepali populations, ESOL
providers, the scenario (and the difference from --compare) when given, sources and
definitions, and the full district table. Bookmarks per section; fonts embedded. The maps use
the same classes and colours as `export`. --subregion SESPM-KENT (or -HAMPSHIRE-ISLE-OF-WIGHT,
-SUSSEX-SURREY, -THAMES-VALLEY) makes the pack for that group's districts only.
)";

int cmd_report(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"-o", "--subregion", "--title", "--commentary", "--project", "--scenario", "--compare"}), {}, "report");
    if (a.has("--help")) { std::cout << kReportHelp; return 0; }
    ReportRequest req;
    req.output = a.require("-o", "report");
    if (req.output.size() < 4 || req.output.substr(req.output.size() - 4) != ".pdf") throw UsageError("-o " + clip(req.output) + ": give a .pdf file name");
    output_folder(req.output);  // before any work: a folder that cannot take the file
    req.subregion = a.get("--subregion");
    if (auto t = a.get("--title")) req.title = *t;
    if (auto f = a.get("--commentary")) req.commentary = read_text_file(*f);
    req.scenario = a.get("--scenario").value_or("");
    req.compare = a.get("--compare").value_or("");
    if (!req.compare.empty() && req.scenario.empty()) throw UsageError("--compare needs --scenario");
    if (!req.scenario.empty() && !a.get("--project")) throw UsageError("--scenario needs --project FILE");
    auto s = open_session(a);
    ReportSummary sum = write_report(*s, req);
    announce_output("wrote " + req.output + ": " + std::to_string(sum.pages) + " pages, " + std::to_string(sum.bytes / 1024) + " KB");
    return 0;
}

} // namespace sespm
