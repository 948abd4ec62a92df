// cmd_layers.cpp: `sespm-map layers` lists the overlays declared in layers/ with their join
// report (areas matched, source codes matching no boundary, areas with no published figure).
#include <iostream>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/csv.h"
#include "map/evaluate.h"

namespace sespm {

static const char* kLayersHelp = R"(usage: sespm-map layers [--details] [--data DIR] [--layers DIR]

Lists the overlays (one file each in layers/) as CSV on stdout:
  id,title,kind,geography,period,areas,matched,unmatched,missing
areas: boundary areas of the layer's geography; matched: areas with a published figure;
unmatched: codes in the source that match no boundary (e.g. 2023 mergers);
missing: areas with no published figure (shown and exported as missing, never as zero).
--details also lists the unmatched and missing codes on stderr.
)";

int cmd_layers(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({}), {"--details"}, "layers");
    if (a.has("--help")) { std::cout << kLayersHelp; return 0; }
    auto s = open_session(a);
    std::cout << "id,title,kind,geography,period,areas,matched,unmatched,missing\n";
    for (const auto& l : s->layers) {
        EvaluateOptions opt;
        opt.geography = l.native;
        LayerResult r = evaluate_layer(*s->atlas, l, opt);
        std::cout << csv_escape(l.id) << "," << csv_escape(l.title) << ","
                  << (l.kind == LayerKind::Rate ? "rate" : l.kind == LayerKind::Value ? "value" : "points") << "," << geography_name(l.native) << ","
                  << csv_escape(l.period) << "," << r.report.areas << "," << r.report.matched << ","
                  << r.report.unmatched.size() << "," << r.report.missing.size() << "\n";
        if (a.has("--details")) {
            auto list = [](const std::vector<std::string>& v) {
                std::string o;
                for (const auto& c : v) o += (o.empty() ? "" : " ") + c;
                return o.empty() ? std::string("none") : o;
            };
            std::cerr << l.id << ": unmatched source codes: " << list(r.report.unmatched) << "\n";
            std::cerr << l.id << ": areas with no published figure: " << list(r.report.missing) << "\n";
        }
    }
    return 0;
}

} // namespace sespm
