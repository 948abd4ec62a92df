// test_scenario_colours.cpp: one scenario, one set of colours. The same saved scenario is
// exported by `scenario export`, drawn by `render --project --scenario`, and loaded in the real
// window (under xvfb-run) and exported there with File > Export's data path (--export-data):
// every district's fill is identical in the two GeoJSON files and matches the rendered PNG at
// the district's interior, and the classes are the fixed ones aligned with near/over.
#include <doctest.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "helpers.h"
#include "picture.h"
#include "map/atlas.h"
#include "stores/project_store.h"
#include "map/map_view.h"
#include "render/headless.h"

using namespace sespm;

namespace {

std::map<std::string, std::string> fills_of(const std::string& geojson_path) {
    std::map<std::string, std::string> fill;
    const auto j = nlohmann::json::parse(test::read_file(geojson_path));
    for (const auto& f : j["features"]) fill[f["properties"]["code"].get<std::string>()] = f["properties"]["fill"].get<std::string>();
    return fill;
}

// A scenario with districts over, near and under their limits.
void make_scenario(const test::ScratchDir& d) {
    std::string p = d.file("p.sespm"), data = test::data_dir();
    auto r = test::run_sespm({"scenario", "allocate", "--total", "2000", "--rule", "population", "--within", "E12000008",
                              "--project", p, "--save", "Plan A", "--data", data});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    for (auto [code, places] : {std::pair{"E06000044", "900"}, {"E06000038", "700"}, {"E07000112", "10"}, {"E06000045", "1300"},
                                {"E06000043", "500"}, {"E07000223", "150"}, {"E07000084", "300"}, {"E06000039", "600"}}) {
        r = test::run_sespm({"scenario", "set", "--project", p, "--name", "Plan A", "--code", code, "--places", places, "--data", data});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
}

} // namespace

TEST_CASE("a scenario has the same colours in scenario export, render --scenario and the window's export") {
    test::ScratchDir d;
    make_scenario(d);
    std::string data = test::data_dir();
    auto r = test::run_sespm({"scenario", "export", "--project", d.file("p.sespm"), "--name", "Plan A", "-o",
                              d.file("cli.geojson"), "--data", data});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const int W = 1200, H = 900;
    r = test::run_sespm({"render", "--project", d.file("p.sespm"), "--scenario", "Plan A", "--no-labels", "--width",
                         std::to_string(W), "--height", std::to_string(H), "-o", d.file("map.png"), "--data", data});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto cli = fills_of(d.file("cli.geojson"));
    REQUIRE(cli.size() == 64);
    std::set<std::string> distinct;
    for (const auto& [code, f] : cli) distinct.insert(f);
    CHECK(distinct.size() >= 4);  // over, near and several classes below

    // The picture: each district's interior pixel has its exported fill.
    auto store = open_project(d.file("p.sespm"), ProjectAccess::Read);
    GeosContext geos;
    Atlas atlas(data, geos);
    MapRequest req;
    req.within = std::string("E12000008");
    req.scenario = store->load_scenario("Plan A");
    MapView view = build_map_view(atlas, read_layer_dir(test::layers_dir()), req);
    RenderOptions ro;
    ro.width = W;
    ro.height = H;
    Camera cam = render_camera(view, ro);
    test::Image img(d.file("map.png"));
    int checked = 0;
    for (const char* code : {"E06000044", "E06000038", "E07000112", "E06000045", "E06000043", "E07000223", "E07000084", "E06000039"}) {
        CAPTURE(code);
        const Area* a = atlas.areas(Geography::District).find(code);
        REQUIRE(a);
        Rgb got = test::colour_inside(img, geos, *a, cam);
        CAPTURE(got.hex());
        CHECK(test::close(got, test::from_hex(cli[code])));
        ++checked;
    }
    CHECK(checked == 8);

    // The window: the scenario opened from the project and exported as File > Export does.
    REQUIRE_MESSAGE(test::run_shell("command -v xvfb-run").exit_code == 0, "xvfb-run is not installed (scripts/setup installs it)");
    auto w_run = test::run_shell("timeout 120 xvfb-run -a -s '-screen 0 1280x800x24' " + std::string(SESPM_EXE) +
                                 " --width 1280 --height 800 --project " + d.file("p.sespm") +
                                 " --scenario 'Plan A' --export-data " + d.file("window.geojson") + " --data " + data);
    REQUIRE_MESSAGE(w_run.exit_code == 0, w_run.err);
    CHECK(fills_of(d.file("window.geojson")) == cli);
}
