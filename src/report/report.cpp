// report.cpp: see report.h. The pages in order, the document written whole or not at all.
#include "report/report.h"

#include "core/error.h"
#include "outputs/attribution.h"
#include "core/output_file.h"
#include "map/scenario_commands.h"
#include "report/report_doc.h"
#include "report/report_pages.h"
#include "report/report_trends.h"

namespace sespm {

static ReportContext context_for(Session& s, const ReportRequest& req) {
    if (!req.subregion) return {s, "E12000008", "The South East", Geography::Region};
    const AreaSet& groups = s.atlas->areas_lonlat(Geography::Subregion);
    const Area* a = groups.find(*req.subregion);
    if (!a) {
        std::string codes;
        for (const auto& g : groups.areas) codes += (codes.empty() ? "" : ", ") + g.code;
        throw UsageError("--subregion " + *req.subregion + ": not a SESPM sub-region (" + codes + ")");
    }
    return {s, a->code, a->name, Geography::Subregion};
}

static void scenario_pages(ReportDoc& doc, const ReportContext& c, const ReportRequest& req) {
    if (req.scenario.empty()) return;
    MapRequest mr;
    mr.layer_id = "dispersal";
    mr.within = c.area_code;
    mr.scenario = load_scenario(c.session, req.scenario);
    MapView v = build_map_view(*c.session.atlas, c.session.layers, mr);
    scenario_page(doc, c, v, "Scenario: " + req.scenario);
    fair_share_page(doc, c, req.scenario);   // a scenario made by the fair-share rule: how its shares were worked out
    if (req.compare.empty()) return;
    mr.compare_with = load_scenario(c.session, req.compare);
    MapView d = build_map_view(*c.session.atlas, c.session.layers, mr);
    scenario_page(doc, c, d, "Comparison: " + req.compare + " minus " + req.scenario);
}

std::string default_report_title(const std::string& area_name) {
    std::string area = area_name == "The South East" ? "the South East" : area_name;
    return "SESPM board report: migration in " + area;
}

ReportSummary write_report(Session& s, const ReportRequest& req) {
    // Every geography the pack draws, read and projected at once on the machine's cores.
    s.atlas->prepare({Geography::District, Geography::County, Geography::Subregion, Geography::Region});
    ReportContext c = context_for(s, req);
    PrintLabelCache labels;  // the districts' poles and repeated maps' names, worked out once for the pack
    c.label_cache = &labels;
    const LayerSpec& dispersal = s.layer("dispersal");
    (void)dispersal;
    std::string title = req.title.empty() ? default_report_title(c.area_name) : req.title;
    ReportDoc doc(title, "The latest published figures",
                  full_attribution(s.data_dir, dispersal.attribution) + " Other figures: see Sources and definitions.");
    cover_page(doc, c, title, req.commentary);
    dispersal_page(doc, c);
    trend_page(doc, c);
    subregion_pages(doc, c);  // the four groups, or the one the pack is for
    layer_page(doc, c, "resettlement", "Resettlement");
    layer_page(doc, c, "homes_for_ukraine", "Homes for Ukraine");
    layer_page(doc, c, "afghan_resettlement", "Afghan resettlement");
    programmes_page(doc, c);
    layer_page(doc, c, "uasc", "Unaccompanied children");
    layer_page(doc, c, "eu_born", "EU-born residents");
    layer_page(doc, c, "nepali", "Nepali population");
    esol_page(doc, c);
    labour_market_page(doc, c);
    scenario_pages(doc, c, req);
    sources_page(doc, c);
    annex_page(doc, c);
    ReportSummary sum;
    sum.pages = doc.pages();
    std::string pdf = doc.finish();
    sum.bytes = pdf.size();
    write_output_file(req.output, pdf.data(), pdf.size());
    return sum;
}

} // namespace sespm
