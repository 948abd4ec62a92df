// report.h: `sespm-map report`: the board report, an A4 PDF pack built from the map model (the
// same MapViews, classes and figures as `table`, `export` and the window): cover and headline
// figures, what the figures say, asylum dispersal (map and ranked chart), one page per SESPM
// sub-region, resettlement, unaccompanied children, EU-born and Nepali populations, ESOL
// providers, the labour market by LEP, an optional scenario (with how its shares were worked
// out, when the fair-share rule made it) or comparison, sources and definitions, the full table.
#pragma once
#include <optional>
#include <string>

#include "map/session.h"

namespace sespm {

struct ReportRequest {
    std::string output;                        // FILE.pdf
    std::string title;                         // "" = "SESPM board report: migration in <the area>"
    std::optional<std::string> subregion;      // SESPM-KENT, ...: that group's districts only
    std::string scenario, compare;             // from the session's project
    std::string commentary;                    // the officer's text for the Commentary box
};

struct ReportSummary {
    int pages = 0;
    size_t bytes = 0;
};

ReportSummary write_report(Session& s, const ReportRequest& req);
// The title a pack gets when none is given: "SESPM board report: migration in Kent".
std::string default_report_title(const std::string& area_name);

} // namespace sespm
