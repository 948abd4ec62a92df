// test_label_leaders.cpp: the leader lines of names placed outside their districts, checked
// with GEOS on `render --labels-json` at the board's framing (1600x1000) and at a smaller one
// (the window's map between its panels is about 1000 px wide): no two leaders cross, none runs
// over more than one other district (two at the smaller scale), and the names the board looks
// for first stay labelled; and the legend box keeps to its margin.
#include <doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "helpers.h"
#include "map/atlas.h"

namespace {

struct Leader {
    std::string code;
    double x0, y0, x1, y1;  // from the name's box edge to the end inside the district (BNG)
};

bool segments_cross(const Leader& a, const Leader& b) {
    auto orient = [](double ax, double ay, double bx, double by, double cx, double cy) {
        double v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
        return v > 0 ? 1 : v < 0 ? -1 : 0;
    };
    int o1 = orient(a.x0, a.y0, a.x1, a.y1, b.x0, b.y0), o2 = orient(a.x0, a.y0, a.x1, a.y1, b.x1, b.y1);
    int o3 = orient(b.x0, b.y0, b.x1, b.y1, a.x0, a.y0), o4 = orient(b.x0, b.y0, b.x1, b.y1, a.x1, a.y1);
    return o1 * o2 < 0 && o3 * o4 < 0;
}

std::vector<Leader> leaders_of(const nlohmann::json& labels) {
    std::vector<Leader> out;
    for (const auto& l : labels) {
        if (!l["leader"].get<bool>()) continue;
        double ex = l["leader_end"][0].get<double>(), ey = l["leader_end"][1].get<double>();
        const auto& b = l["box"];
        out.push_back({l["code"].get<std::string>(), std::clamp(ex, b[0].get<double>(), b[2].get<double>()),
                       std::clamp(ey, b[1].get<double>(), b[3].get<double>()), ex, ey});
    }
    return out;
}

// The districts other than its own that a leader runs over (by more than a few metres).
std::vector<std::string> districts_crossed(const sespm::GeosContext& geos, const sespm::AreaSet& lad, const Leader& l) {
    using namespace sespm;
    GEOSCoordSequence* cs = GEOSCoordSeq_create_r(geos, 2, 2);
    GEOSCoordSeq_setXY_r(geos, cs, 0, l.x0, l.y0);
    GEOSCoordSeq_setXY_r(geos, cs, 1, l.x1, l.y1);
    GeomPtr line = own(geos, GEOSGeom_createLineString_r(geos, cs));
    std::vector<std::string> out;
    for (const Area& a : lad.areas) {
        if (a.code == l.code || GEOSIntersects_r(geos, a.bng.get(), line.get()) != 1) continue;
        GeomPtr part = own(geos, GEOSIntersection_r(geos, a.bng.get(), line.get()));
        double len = 0;
        if (part) GEOSLength_r(geos, part.get(), &len);
        if (len > 200) out.push_back(a.code);  // metres: a leader grazing a corner does not count
    }
    return out;
}

} // namespace

TEST_CASE("render --labels-json: leaders never cross one another and run over few other districts") {
    using namespace sespm;
    GeosContext geos;
    Atlas atlas(test::data_dir(), geos);
    const AreaSet& lad = atlas.areas(Geography::District);
    for (const char* size : {"1600x1000", "1100x700"}) {
        std::string size_text = size;
        CAPTURE(size_text);
        test::ScratchDir d;
        std::string w(size, std::string(size).find('x')), h(std::string(size).substr(std::string(size).find('x') + 1));
        auto r = test::run_sespm({"render", "--legend", "--width", w, "--height", h, "-o", d.file("m.png"), "--labels-json",
                                  d.file("labels.json"), "--data", test::data_dir()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        const auto labels = nlohmann::json::parse(test::read_file(d.file("labels.json")));
        std::vector<Leader> leaders = leaders_of(labels);
        // at the board's scale a leader runs over at most one other district; at the smaller
        // one, where London's small boroughs crowd Surrey's edge, at most two
        size_t most_crossed = w == "1600" ? 1 : 2;
        CHECK(leaders.size() >= 3);
        for (size_t i = 0; i < leaders.size(); ++i)
            for (size_t j = i + 1; j < leaders.size(); ++j)
                CHECK_MESSAGE(!segments_cross(leaders[i], leaders[j]), std::string(leaders[i].code + " crosses " + leaders[j].code));
        for (const auto& l : leaders) {
            auto crossed = districts_crossed(geos, lad, l);
            std::string list;
            for (const auto& c : crossed) list += c + " ";
            CHECK_MESSAGE(crossed.size() <= most_crossed, std::string(l.code + " runs over " + list));
        }
        std::set<std::string> named;
        for (const auto& l : labels) named.insert(l["code"].get<std::string>());
        for (const char* code : {"E06000044", "E06000045", "E06000043", "E06000038", "E06000039", "E07000178", "E06000042", "E06000035"}) {
            CHECK_MESSAGE(named.count(code) == 1, std::string(code));
        }
    }
}

TEST_CASE("render --legend: the legend box stays in its 370 px margin, over no district") {
    REQUIRE_MESSAGE(test::run_shell("command -v convert").exit_code == 0, "ImageMagick's convert is not installed (scripts/setup installs it)");
    test::ScratchDir d;
    auto r = test::run_sespm({"render", "--legend", "-o", d.file("m.png"), "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    // the legend's white (252+) along a row through its title, right of the margin
    auto row = test::run_shell("convert " + d.file("m.png") + " -crop 230x1+372+40 txt:- | tail -n +2 | grep -c '#F[C-F]F[C-F]F[C-F]'");
    CHECK(std::atoi(row.out.c_str()) == 0);
}
