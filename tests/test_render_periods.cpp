// test_render_periods.cpp: `render --period` for two quarters of the dispersal series, checked
// pixel by pixel against `export --period` of the same quarters: inside named districts the
// colour drawn is the exported fill (classes pooled over every period, so the same colour
// means the same share of the limit in both pictures).
#include <doctest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "helpers.h"
#include "picture.h"
#include "render/headless.h"
#include "map/map_view.h"

using namespace sespm;

TEST_CASE("render --period: district pixels carry the export's fills for that period") {
    test::ScratchDir d;
    const char* districts[] = {"E06000044", "E06000045", "E06000038", "E07000112", "E06000060", "E07000105", "E06000043", "E06000046"};
    std::map<std::string, std::map<std::string, std::string>> fills;  // period -> code -> fill
    GeosContext geos;
    Atlas atlas(test::data_dir(), geos);
    auto layers = read_layer_dir(test::layers_dir());
    for (std::string period : {"2016-03-31", "2024-09-30"}) {
        CAPTURE(period);
        std::vector<std::string> common{"--layer", "dispersal", "--within", "E12000008", "--period", period, "--data", test::data_dir()};
        auto args = common;
        args.insert(args.begin(), "render");
        for (auto a : {"--no-labels", "--width", "900", "--height", "700", "-o"}) args.push_back(a);
        args.push_back(d.file(period + ".png"));
        auto r = test::run_sespm(args);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        args = common;
        args.insert(args.begin(), "export");
        args.push_back("-o");
        args.push_back(d.file(period + ".geojson"));
        r = test::run_sespm(args);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        const auto exported = nlohmann::json::parse(test::read_file(d.file(period + ".geojson")));
        for (const auto& f : exported["features"])
            fills[period][f["properties"]["code"].get<std::string>()] = f["properties"]["fill"].get<std::string>();

        MapRequest mo;
        mo.within = std::string("E12000008");
        mo.period = period;
        MapView view = build_map_view(atlas, layers, mo);
        RenderOptions ro;
        ro.width = 900;
        ro.height = 700;
        Camera cam = render_camera(view, ro);
        test::Image img(d.file(period + ".png"));
        for (std::string code : districts) {
            CAPTURE(code);
            const Area* a = atlas.areas(Geography::District).find(code);
            REQUIRE(a);
            Rgb got = test::colour_inside(img, geos, *a, cam);
            CAPTURE(got.hex());
            CHECK(test::close(got, test::from_hex(fills[period][code])));
        }
    }
    int differ = 0;  // the two quarters really are different pictures
    for (std::string code : districts) differ += fills["2016-03-31"][code] != fills["2024-09-30"][code];
    CHECK(differ >= 2);
}
