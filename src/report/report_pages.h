// report_pages.h: the pages of the board report (report.cpp puts them in order). Each page
// builder draws from MapViews built by the map model for the report's area (the South East or
// one sub-region), so every figure printed is one `table` gives.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "map/map_view.h"
#include "map/session.h"
#include "print/print_map.h"
#include "report/report_doc.h"

namespace sespm {

struct ReportContext {
    Session& session;
    std::string area_code;                     // E12000008 or a sub-region code
    std::string area_name;
    Geography area_geography = Geography::Region;
    // The layer's map for the report's area (built once per layer and geography, then copied:
    // several pages show the same map, each with pooled classes over every period).
    MapView layer_view(const std::string& layer_id, Geography g = Geography::District) const;
    bool has_layer(const std::string& id) const;
    // Every map of a pack is classed over the South East (all periods pooled), so a colour
    // means one set of values on every page of every pack; a sub-region's legend says so.
    static constexpr const char* kRegionCode = "E12000008";
    void apply_region_classes(MapRequest& req) const;
    mutable std::map<std::pair<std::string, Geography>, MapView> views = {};
    PrintLabelCache* label_cache = nullptr;    // the pack's (report.cpp), shared by every page's maps
    // Print options for this pack's maps: the names' cache shared between them.
    PrintMapOptions map_options() const {
        PrintMapOptions o;
        o.label_cache = label_cache;
        return o;
    }
};

// A map of the report's area at the cursor with its legend and subtitle beside it.
void map_with_legend(ReportDoc& doc, const ReportContext& c, const MapView& v, double height, const std::string& alt);

void cover_page(ReportDoc& doc, const ReportContext& c, const std::string& title, const std::string& commentary);
void dispersal_page(ReportDoc& doc, const ReportContext& c);
void subregion_pages(ReportDoc& doc, const ReportContext& c);
void layer_page(ReportDoc& doc, const ReportContext& c, const std::string& layer_id, const std::string& section);
void esol_page(ReportDoc& doc, const ReportContext& c);
void programmes_page(ReportDoc& doc, const ReportContext& c);
void scenario_page(ReportDoc& doc, const ReportContext& c, const MapView& v, const std::string& heading);
void sources_page(ReportDoc& doc, const ReportContext& c);
// report_fair_share.cpp: "How the shares were worked out" for a scenario made by the fair-share
// rule (nothing for another scenario), and the labour market by LEP.
void fair_share_page(ReportDoc& doc, const ReportContext& c, const std::string& scenario);
void labour_market_page(ReportDoc& doc, const ReportContext& c);
void annex_page(ReportDoc& doc, const ReportContext& c);

} // namespace sespm
