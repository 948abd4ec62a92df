// cmd_render.cpp: `sespm-map render` draws the map to a PNG with no window and no X server.
#include <cmath>
#include <iostream>
#include <sstream>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/error.h"
#include "outputs/export.h"
#include "core/output_file.h"
#include "render/headless.h"
#include "print/print_page.h"
#include "core/text.h"
#include "map/map_view.h"

namespace sespm {

static const char* kRenderHelp = R"(usage: sespm-map render [--layer ID | --open FILE --by FIELD|area] [--geography G]
                        [--within CODE] [--bbox MINX,MINY,MAXX,MAXY] [--classify METHOD] [--breaks B1,B2,...]
                        [--classes N] [--palette NAME] [--points-layer ID] [--no-labels]
                        [--legend] [--width W] [--height H] [--scale S] [--labels-json FILE]
                        [--furniture-json FILE] -o FILE.png|FILE.pdf|FILE.svg
                        [--project FILE [--scenario NAME [--compare NAME] | --pressure NAME]] [--period DATE|latest|earliest]
                        [--classes-over all|period] [--data DIR] [--layers DIR]

Draws the map to a PNG without a window or X server (EGL surfaceless), or as vector paths to a
PDF or SVG page (cairo, the board report's drawing, with scale bar and north arrow; --width and
--height are then points, default A4 landscape 842x595). --within selects the
areas drawn in colour and classified (default E12000008, the South East; --within all for
England); the rest are drawn as quiet context. --bbox (EPSG:27700 metres) sets the view and
maps exactly onto the image: if its aspect differs from W:H the shorter side is widened
equally on both sides, never cropped (default: the selected areas' extent). --scale S
multiplies the pixels: W*S by H*S, lines and text S times larger, the same framing. Classes are
computed over the selected areas, so the same options give the same colours as `export`.
The map fills the image edge to edge; --legend adds a margin with title, legend and
attribution, and a scale bar in km and a north arrow on the map. --small-multiples P1,P2,...
draws one map per period in a grid with one shared legend (classes pooled over every period),
as .png, .pdf or .svg (--no-furniture leaves them
out). --points-layer esol draws the ESOL providers as circles. --project FILE shows its
pledges; --labels-json FILE writes each name drawn: code, text, its centre and box (EPSG:27700),
and whether it sits beside its area with a leader line (and where that line ends, inside the
area); the PDF and SVG maps place names the same way, sized for the page, over a white halo.
--furniture-json FILE (.pdf, .svg) writes where the north arrow and the scale bar went
(EPSG:27700 boxes): in corners of the map clear of the selected areas. --scenario NAME draws that dispersal scenario (the same fixed classes as the window and
`scenario export`), --compare NAME the difference between the two. --pressure NAME draws the pressure
index of the fair-share model scenario NAME was allocated by (each district's sum of weight x
pressure over the districts shown; its tooltip columns each factor's pressure, 0 to 1).
--period picks the period of a time-series layer (default latest); its classes are made over
every period pooled, so colours mean the same in every period (--classes-over period: this
period only); the legend title says which, the subtitle which population estimate rates use.
)";

static Bbox parse_bbox(const std::string& s) {
    std::stringstream ss(s);
    std::string part;
    double v[4];
    int n = 0;
    while (std::getline(ss, part, ',')) {
        if (n >= 4) break;
        char* end = nullptr;
        v[n] = std::strtod(part.c_str(), &end);
        if (part.empty() || *end) throw UsageError("--bbox " + clip(s) + ": '" + clip(part) + "' is not a number");
        ++n;
    }
    if (n != 4) throw UsageError("--bbox " + clip(s) + ": give MINX,MINY,MAXX,MAXY in EPSG:27700 metres");
    Bbox b{v[0], v[1], v[2], v[3]};
    if (b.empty()) throw UsageError("--bbox " + clip(s) + ": MINX must be below MAXX and MINY below MAXY");
    return b;
}

// --width, --height, --scale, --bbox and the drawing flags, checked before any data is read.
static RenderOptions render_options(const Args& a) {
    RenderOptions ro;
    ro.scale = static_cast<float>(a.number("--scale", 1.0));
    if (!(ro.scale >= 0.5f && ro.scale <= 4.0f)) throw UsageError("--scale: use 0.5 to 4");
    int w = a.integer("--width", 1600), h = a.integer("--height", 1000);
    if (w < 64 || h < 64 || w > 16384 || h > 16384) throw UsageError("--width/--height: use 64 to 16384 pixels");
    // --scale multiplies the pixels (a 1600x1000 map at --scale 2 is 3200x2000, everything twice
    // the size), so the picture is framed the same at every scale
    ro.width = static_cast<int>(std::lround(w * ro.scale));
    ro.height = static_cast<int>(std::lround(h * ro.scale));
    if (ro.width > 16384 || ro.height > 16384)
        throw UsageError("--width/--height times --scale: at most 16384 pixels (" + std::to_string(ro.width) + "x" +
                         std::to_string(ro.height) + ")");
    if (auto b = a.get("--bbox")) ro.bbox = parse_bbox(*b);
    ro.labels = !a.has("--no-labels");
    ro.legend = a.has("--legend");
    ro.furniture = !a.has("--no-furniture");
    if (ro.legend && ro.width - legend_margin_px(ro) < 64) throw UsageError("--legend needs a wider image");
    return ro;
}

// --small-multiples P1,P2,...: one map a period, one shared legend (cairo).
static int render_small_multiples(Session& s, const MapRequest& mo, const RenderOptions& ro, const std::string& list,
                                  const std::string& out) {
    std::vector<MapView> views;
    for (const auto& p : split_list(list)) {
        MapRequest one = mo;
        one.period = p;
        views.push_back(build_map_view(*s.atlas, s.layers, one));
    }
    if (!views.empty()) note_unmatched(views[0].result.spec.id, views[0].result.report);  // every unmatched code on stderr
    VectorPageOptions vo;
    vo.width = ro.width;
    vo.height = ro.height;
    write_small_multiples(s.geos, views, out, vo);
    announce_output("wrote " + out + " (" + std::to_string(views.size()) + " maps, one legend)");
    return 0;
}

// The PNG through GL (EGL), with --labels-json written beside it.
static void render_png(Session& s, const MapView& view, RenderOptions ro, const std::optional<std::string>& labels_file,
                       const std::string& out) {
    MeshOptions mo_mesh;
    mo_mesh.only_for_mpp = render_camera(view, ro).mpp;
    mo_mesh.label_points = ro.labels;
    MapMesh mesh = build_mesh(s.geos, *view.set, nullptr, mo_mesh);
    std::vector<PlacedLabel> labels;
    if (labels_file) {
        output_folder(*labels_file);
        ro.labels_out = &labels;
    }
    render_map_png(view, mesh, ro, out);
    if (labels_file) {
        std::string text = labels_json(labels);
        write_output_file(*labels_file, text.data(), text.size());
    }
    announce_output("wrote " + out + " (" + std::to_string(ro.width) + "x" + std::to_string(ro.height) + ", " +
                    std::to_string(view.result.rows.size()) + " areas in colour)");
}

int cmd_render(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, with_common({"--layer", "--open", "--by", "--code-field", "--name-field", "--geography",
                                           "--within", "--bbox", "--classify", "--classes", "--breaks", "--palette",
                                           "--points-layer", "--width", "--height", "--scale", "-o",
                                           "--project", "--scenario", "--compare", "--pressure", "--period", "--classes-over", "--labels-json", "--furniture-json",
                                           "--small-multiples"}),
                        {"--no-labels", "--legend", "--no-furniture"}, "render");
    if (a.has("--help")) { std::cout << kRenderHelp; return 0; }
    resolve_area_options(a, AreaKinds::Any);  // names as well as codes
    std::string out = a.require("-o", "render");
    std::string ext = out.size() >= 4 ? out.substr(out.size() - 4) : "";
    if (ext != ".png" && ext != ".pdf" && ext != ".svg") throw UsageError("-o " + clip(out) + ": give a .png, .pdf or .svg file name");
    if (a.has("--furniture-json") && ext == ".png") throw UsageError("--furniture-json: give -o FILE.pdf or FILE.svg");
    output_folder(out);  // fail before any loading or GL work when the file could not be written anyway
    RenderOptions ro = render_options(a);
    MapRequest mo = map_request(a, std::string("E12000008"));
    mo.points_layer = a.get("--points-layer").value_or("");

    auto s = open_session(a);
    if (mo.open_file.empty()) add_project(*s, a, mo);
    else if (a.get("--pressure") || a.get("--scenario")) throw UsageError("--open draws a file's own areas: leave out --scenario and --pressure");
    if (auto list = a.get("--small-multiples")) return render_small_multiples(*s, mo, ro, *list, out);
    MapView view = build_map_view(*s->atlas, s->layers, mo);
    note_unmatched(view.result.spec.id, view.result.report);  // issue 9: every unmatched source code on stderr
    if (ext != ".png") {  // the board report's cairo drawing: width and height are points
        VectorPageOptions vo;
        vo.width = a.get("--width") ? ro.width : 842;
        vo.height = a.get("--height") ? ro.height : 595;
        vo.legend = ro.legend;
        vo.labels = ro.labels;
        std::vector<PlacedLabel> labels;
        PrintFurniture furniture;
        auto labels_file = a.get("--labels-json"), furniture_file = a.get("--furniture-json");
        if (labels_file) output_folder(*labels_file), vo.labels_out = &labels;
        if (furniture_file) output_folder(*furniture_file), vo.furniture_out = &furniture;
        write_vector_map(s->geos, view, out, vo);
        if (labels_file) {
            std::string text = labels_json(labels);
            write_output_file(*labels_file, text.data(), text.size());
        }
        if (furniture_file) {
            std::string text = furniture_json(furniture);
            write_output_file(*furniture_file, text.data(), text.size());
        }
        announce_output("wrote " + out + " (" + std::to_string(vo.width) + "x" + std::to_string(vo.height) + " points, " +
                        std::to_string(view.result.rows.size()) + " areas in colour)");
        return 0;
    }
    render_png(*s, view, ro, a.get("--labels-json"), out);
    return 0;
}

} // namespace sespm
