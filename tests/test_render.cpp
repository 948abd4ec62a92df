// test_render.cpp: the map drawn headless (EGL, no X server) and checked pixel by pixel: inside
// named districts the colour equals that district's class colour from the export; areas
// outside the layer are drawn as context, and the sea as background. Also the camera's bbox
// rule, label placement (render --labels-json, checked with GEOS), and a real window under xvfb-run that must not be blank.
#include <doctest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "helpers.h"
#include "picture.h"
#include "map/atlas.h"
#include "render/camera.h"
#include "render/headless.h"
#include "map/map_view.h"

using namespace sespm;

using test::close;
using test::from_hex;
using test::Image;

TEST_CASE("camera: a bbox maps exactly onto the image, the shorter side widened equally") {
    struct Case { Bbox b; int w, h; };
    const Case cases[] = {
        {{400000, 100000, 600000, 200000}, 800, 400},   // same aspect
        {{400000, 100000, 600000, 200000}, 800, 800},   // image taller: y widened
        {{400000, 100000, 500000, 300000}, 800, 400},   // image wider: x widened
        {{0, 0, 700000, 1250000}, 1600, 1000},
    };
    for (const auto& c : cases) {
        Camera cam;
        cam.width = c.w;
        cam.height = c.h;
        cam.fit(c.b);
        Bbox v = cam.view();
        CHECK(v.minx <= c.b.minx + 1e-6);
        CHECK(v.maxx >= c.b.maxx - 1e-6);
        CHECK(v.miny <= c.b.miny + 1e-6);
        CHECK(v.maxy >= c.b.maxy - 1e-6);
        // one pair of sides is exact, the other widened by the same amount on both sides
        bool x_exact = std::abs(v.minx - c.b.minx) < 1e-6 && std::abs(v.maxx - c.b.maxx) < 1e-6;
        bool y_exact = std::abs(v.miny - c.b.miny) < 1e-6 && std::abs(v.maxy - c.b.maxy) < 1e-6;
        CHECK((x_exact || y_exact));
        CHECK(std::abs((c.b.minx - v.minx) - (v.maxx - c.b.maxx)) < 1e-6);
        CHECK(std::abs((c.b.miny - v.miny) - (v.maxy - c.b.maxy)) < 1e-6);
        double sx, sy;
        cam.world_to_screen(c.b.minx, c.b.maxy, sx, sy);
        double wx, wy;
        cam.screen_to_world(sx, sy, wx, wy);
        CHECK(wx == doctest::Approx(c.b.minx));
        CHECK(wy == doctest::Approx(c.b.maxy));
    }
    Camera cam;
    cam.zoom_at(100, 200, 2);
    double wx, wy;
    Camera before;
    before.screen_to_world(100, 200, wx, wy);
    double sx, sy;
    cam.world_to_screen(wx, wy, sx, sy);
    CHECK(sx == doctest::Approx(100));  // zoom keeps the point under the cursor
    CHECK(sy == doctest::Approx(200));
}

TEST_CASE("headless render: district pixels carry the export's class colours") {
    test::ScratchDir d;
    const int W = 900, H = 700;
    std::vector<std::string> common = {"--layer", "dispersal", "--within", "E12000008", "--classify", "jenks",
                                       "--classes", "5", "--data", test::data_dir()};
    auto args = common;
    args.insert(args.begin(), "render");
    for (auto a : {"--no-labels", "--width", "900", "--height", "700", "-o"}) args.push_back(a);
    args.push_back(d.file("map.png"));
    auto r = test::run_sespm(args);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    args = common;
    args.insert(args.begin(), "export");
    args.push_back("-o");
    args.push_back(d.file("map.geojson"));
    r = test::run_sespm(args);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);

    Image img(d.file("map.png"));
    REQUIRE(img.w == W);
    REQUIRE(img.h == H);
    std::map<std::string, std::string> fill;
    const auto exported = nlohmann::json::parse(test::read_file(d.file("map.geojson")));
    for (const auto& f : exported["features"])
        fill[f["properties"]["code"].get<std::string>()] = f["properties"]["fill"].get<std::string>();

    // The same camera the renderer uses, from the library.
    GeosContext geos;
    Atlas atlas(test::data_dir(), geos);
    auto layers = read_layer_dir(test::layers_dir());
    MapRequest mo;
    mo.within = std::string("E12000008");
    mo.classes.method = "jenks";
    mo.classes.classes = 5;
    MapView view = build_map_view(atlas, layers, mo);
    RenderOptions ro;
    ro.width = W;
    ro.height = H;
    Camera cam = render_camera(view, ro);
    const AreaSet& lad = atlas.areas(Geography::District);

    auto pixel_at_area = [&](const std::string& code) {
        const Area* a = lad.find(code);
        REQUIRE(a);
        return test::colour_inside(img, geos, *a, cam);
    };
    const char* districts[] = {"E06000060", "E07000084", "E07000105", "E07000225", "E06000037",
                               "E07000065", "E07000180", "E07000110", "E07000093", "E06000046"};
    std::set<std::string> colours_seen;
    for (std::string code : districts) {
        CAPTURE(code);
        REQUIRE(fill.count(code));
        Rgb got = pixel_at_area(code);
        CAPTURE(got.hex());
        CHECK(close(got, from_hex(fill[code])));
        colours_seen.insert(fill[code]);
    }
    CHECK(colours_seen.size() >= 4);  // several classes and the no-figure grey were checked
    // A district outside the layer's selection is drawn as quiet context (London: Croydon).
    CHECK(close(pixel_at_area("E09000008"), context_colour));
    // The English Channel is sea.
    double sx, sy;
    cam.world_to_screen(531000, 88000, sx, sy);  // off Brighton
    REQUIRE((sx >= 0 && sx < W && sy >= 0 && sy < H));
    CHECK(close(img.at(static_cast<int>(sx), static_cast<int>(sy)), sea_colour));
}

TEST_CASE("headless render: --bbox is honoured and bad options are usage errors") {
    test::ScratchDir d;
    auto r = test::run_sespm({"render", "--bbox", "500000,100000,520000,140000", "--width", "200", "--height", "200",
                              "--no-labels", "-o", d.file("b.png"), "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    Image img(d.file("b.png"));
    CHECK(img.w == 200);
    r = test::run_sespm({"render", "--bbox", "1,2,3", "-o", d.file("x.png"), "--data", test::data_dir()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--bbox") != std::string::npos);
    r = test::run_sespm({"render", "-o", d.file("x.jpg"), "--data", test::data_dir()});
    CHECK(r.exit_code == 2);
    r = test::run_sespm({"render", "-o", d.file("nofolder/x.png"), "--data", test::data_dir()});
    CHECK(r.exit_code == 1);
    CHECK(!test::file_exists(d.file("nofolder")));
}

TEST_CASE("the real window under xvfb-run draws a map, not a blank screen") {
    REQUIRE_MESSAGE(test::run_shell("command -v xvfb-run").exit_code == 0, "xvfb-run is not installed (scripts/setup installs it)");
    test::ScratchDir d;
    auto r = test::run_shell("timeout 120 xvfb-run -a -s '-screen 0 1280x800x24' " + std::string(SESPM_EXE) +
                             " --width 1280 --height 800 --screenshot " + d.file("win.png") + " --data " + test::data_dir());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    Image img(d.file("win.png"));
    CHECK(img.w == 1280);
    CHECK(img.h == 800);
    std::set<uint32_t> distinct;
    size_t sea = 0;
    for (int y = 0; y < img.h; y += 4)
        for (int x = 0; x < img.w; x += 4) {
            Rgb c = img.at(x, y);
            distinct.insert(static_cast<uint32_t>(c.r) << 16 | c.g << 8 | c.b);
            if (close(c, sea_colour)) ++sea;
        }
    CHECK(distinct.size() > 50);               // a map with classes, text and panels
    CHECK(sea > 100);                          // the sea is there
    CHECK(sea < static_cast<size_t>(img.w * img.h / 16) * 9 / 10);  // but the map is not empty
}

TEST_CASE("render --legend draws a scale bar and a north arrow; --no-furniture leaves them out") {
    test::ScratchDir d;
    std::string data = test::data_dir();
    for (bool with : {true, false}) {
        std::vector<std::string> args{"render", "--legend", "--no-labels", "-o", d.file("f.png"), "--data", data};
        if (!with) args.push_back("--no-furniture");
        auto r = test::run_sespm(args);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        Image img(d.file("f.png"));
        RenderOptions ro;
        int margin = legend_margin_px(ro);
        auto dark_in = [&](int x0, int y0, int x1, int y1) {
            int n = 0;
            for (int y = y0; y < y1; ++y)
                for (int x = x0; x < x1; ++x) { Rgb c = img.at(x, y); n += c.r < 90 && c.g < 90 && c.b < 90; }
            return n;
        };
        int bar = dark_in(margin + 10, img.h - 40, margin + 400, img.h - 10);
        int arrow = dark_in(img.w - 60, 10, img.w - 1, 70);
        CAPTURE(with);
        if (with) { CHECK(bar > 50); CHECK(arrow > 40); }
        else { CHECK(bar < 20); CHECK(arrow < 10); }
    }
}

TEST_CASE("render --labels-json: every name sits inside its own district or has a leader ending inside it") {
    test::ScratchDir d;
    auto r = test::run_sespm({"render", "--legend", "-o", d.file("m.png"), "--labels-json", d.file("labels.json"), "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto labels = nlohmann::json::parse(test::read_file(d.file("labels.json")));
    REQUIRE(labels.is_array());
    GeosContext geos;
    Atlas atlas(test::data_dir(), geos);
    const AreaSet& lad = atlas.areas(Geography::District);
    auto inside = [&](const Area& a, double x, double y) {
        GeomPtr pt = own(geos, GEOSGeom_createPointFromXY_r(geos, x, y));
        return GEOSContains_r(geos, a.bng.get(), pt.get()) == 1;
    };
    std::set<std::string> named;
    int leaders = 0;
    for (const auto& l : labels) {
        std::string code = l["code"].get<std::string>();
        CAPTURE(code);
        const Area* a = lad.find(code);
        REQUIRE(a);
        named.insert(code);
        if (l["leader"].get<bool>()) {
            ++leaders;
            CHECK(inside(*a, l["leader_end"][0].get<double>(), l["leader_end"][1].get<double>()));
        } else {
            CHECK(inside(*a, l["x"].get<double>(), l["y"].get<double>()));
            const auto& b = l["box"];  // the whole name lies inside its district, over no neighbour
            GeomPtr rect = own(geos, GEOSGeom_createRectangle_r(geos, b[0].get<double>(), b[1].get<double>(), b[2].get<double>(), b[3].get<double>()));
            GeomPtr shrunk = own(geos, GEOSBuffer_r(geos, rect.get(), -1.0, 1));  // rounding of the box to metres
            CHECK(GEOSContains_r(geos, a->bng.get(), shrunk.get()) == 1);
        }
    }
    CHECK(named.size() >= 55);
    for (size_t i = 0; i < labels.size(); ++i)  // no two names overlap
        for (size_t j = i + 1; j < labels.size(); ++j) {
            const auto& p = labels[i]["box"];
            const auto& q = labels[j]["box"];
            bool overlap = p[0].get<double>() < q[2].get<double>() && p[2].get<double>() > q[0].get<double>() &&
                           p[1].get<double>() < q[3].get<double>() && p[3].get<double>() > q[1].get<double>();
            CHECK_MESSAGE(!overlap, std::string(labels[i]["text"].get<std::string>() + " / " + labels[j]["text"].get<std::string>()));
        }
    CHECK(leaders > 0);  // the urban unitaries are too small for their names at this scale
    // Portsmouth, Southampton, Brighton and Hove, Reading, Slough, Oxford, Milton Keynes, Medway
    for (const char* code : {"E06000044", "E06000045", "E06000043", "E06000038", "E06000039", "E07000178", "E06000042", "E06000035"}) {
        CAPTURE(code);
        CHECK(named.count(code) == 1);
    }
}

namespace {

// The extent, as fractions of the map part of the image (right of the legend margin), of the
// pixels in the South East's fill colours: neither sea, context, white, nor text.
std::pair<double, double> region_extent(const Image& img, int margin) {
    int x0 = img.w, x1 = -1, y0 = img.h, y1 = -1;
    for (int y = 0; y < img.h; y += 2)
        for (int x = margin; x < img.w; x += 2) {
            Rgb c = img.at(x, y);
            if (close(c, sea_colour, 6) || close(c, context_colour, 6) || (c.r > 235 && c.g > 235 && c.b > 235)) continue;
            if (c.r < 120 && c.g < 120 && c.b < 120) continue;  // names and outlines
            x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
        }
    if (x1 < 0) return {0, 0};
    return {static_cast<double>(x1 - x0) / (img.w - margin), static_cast<double>(y1 - y0) / img.h};
}

} // namespace

TEST_CASE("PNG framing: --scale multiplies the pixels; the window's export frames the region as render --legend does") {
    test::ScratchDir d;
    auto r = test::run_sespm({"render", "--legend", "--no-labels", "-o", d.file("s1.png"), "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    r = test::run_sespm({"render", "--legend", "--no-labels", "--scale", "2", "-o", d.file("s2.png"), "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    Image s1(d.file("s1.png")), s2(d.file("s2.png"));
    CHECK(s1.w == 1600);
    CHECK(s1.h == 1000);
    CHECK(s2.w == 3200);
    CHECK(s2.h == 2000);
    auto e1 = region_extent(s1, 370), e2 = region_extent(s2, 740);
    CHECK(std::max(e1.first, e1.second) > 0.85);          // render --legend fills its map part
    CHECK(e2.first == doctest::Approx(e1.first).epsilon(0.02));  // the same framing, twice the pixels
    CHECK(e2.second == doctest::Approx(e1.second).epsilon(0.02));
    REQUIRE_MESSAGE(test::run_shell("command -v xvfb-run").exit_code == 0, "xvfb-run is not installed (scripts/setup installs it)");
    r = test::run_shell("timeout 120 xvfb-run -a -s '-screen 0 1600x1000x24' " + std::string(SESPM_EXE) +
                        " --width 1600 --height 1000 --export-png " + d.file("w.png") + " --data " + test::data_dir());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    Image w(d.file("w.png"));
    CHECK(w.w == 1600);
    CHECK(w.h == 1000);
    auto ew = region_extent(w, 370);
    CAPTURE(ew.first);
    CAPTURE(ew.second);
    CHECK(std::max(ew.first, ew.second) > 0.8);  // the region fills the picture, not 40% of it
}

TEST_CASE("render --small-multiples: one map a period, in the colours export --period gives each") {
    test::ScratchDir d;
    std::string data = test::data_dir();
    auto r = test::run_sespm({"render", "--small-multiples", "2016-03-31,2024-09-30", "--width", "1400", "--height", "700",
                              "-o", d.file("sm.png"), "--data", data});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    Image img(d.file("sm.png"));
    CHECK(img.w == 1400);
    CHECK(img.h == 700);
    std::map<std::string, long> pixels;
    for (int y = 0; y < img.h; ++y)
        for (int x = 0; x < img.w; ++x) ++pixels[img.at(x, y).hex()];
    std::set<std::string> fills;
    for (const char* period : {"2016-03-31", "2024-09-30"}) {
        std::string out = d.file(std::string("e") + period + ".geojson");
        r = test::run_sespm({"export", "--layer", "dispersal", "--within", "E12000008", "--period", period, "-o", out, "--data", data});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        const auto j = nlohmann::json::parse(test::read_file(out));
        for (const auto& f : j["features"]) fills.insert(f["properties"]["fill"].get<std::string>());
    }
    REQUIRE(fills.size() >= 4);
    for (const auto& f : fills) CHECK_MESSAGE(pixels[f] > 100, f << ": " << pixels[f] << " pixels");
    r = test::run_sespm({"render", "--small-multiples", "2016-03-31,1999-01-01", "-o", d.file("x.png"), "--data", data});
    CHECK(r.exit_code == 2);  // an unknown period names the nearest ones
    CHECK(!test::file_exists(d.file("x.png")));
}
