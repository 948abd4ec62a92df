// test_chart.cpp: the chart over time (trends/chart_series.h, `sespm-map chart`): its lines are the
// South East and its four sub-regions by default, each value the sum worked out here from the
// CSV; one district's chart carries its limit at the latest period and its agreed trigger from
// the project; wrong layers and codes are usage errors; the PDF names every line and the
// trigger, and the PNG is a real image of the asked size.
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

#include "core/error.h"
#include "helpers.h"
#include "trends/chart_series.h"

using namespace sespm;

namespace {

// Sum of the CSV's value by period over the given codes (the tests' own reading of the file).
std::map<std::string, double> csv_sums(const std::string& rel, const std::set<std::string>& codes) {
    std::ifstream in(test::data_dir() + "/" + rel);
    REQUIRE(in);
    std::string line;
    std::getline(in, line);
    auto h = test::split_csv_simple(line);
    size_t code = 0, value = 0, period = 0;
    for (size_t i = 0; i < h.size(); ++i) {
        if (h[i] == "code") code = i;
        if (h[i] == "value") value = i;
        if (h[i] == "period") period = i;
    }
    std::map<std::string, double> out;
    while (std::getline(in, line)) {
        auto c = test::split_csv_simple(line);
        if (codes.count(c[code]) && !c[value].empty()) out[c[period]] += std::stod(c[value]);
    }
    return out;
}

std::set<std::string> districts_where(const std::string& column, const std::string& value, const std::string& rel) {
    std::ifstream in(test::data_dir() + "/" + rel);
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto h = test::split_csv_simple(line);
    std::set<std::string> out;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        auto c = test::split_csv_simple(line);
        for (size_t i = 0; i < h.size() && i < c.size(); ++i)
            if (h[i] == column && c[i] == value) out.insert(c[0]);
    }
    return out;
}

} // namespace

TEST_CASE("chart: the South East and its sub-regions by default, every quarter summed from the CSV") {
    Session s(SessionOptions{test::data_dir(), test::layers_dir(), "", false});
    ChartSeries c = chart_series(s, "dispersal", Geography::District, {});
    REQUIRE(c.lines.size() == 5);
    CHECK(c.lines[0].name == "South East");
    CHECK(!c.limit);  // several lines: no one limit
    const std::string file = "stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv";
    std::map<std::string, std::set<std::string>> members{{"E12000008", districts_where("south_east", "yes", "stats/lad_lookup_2024.csv")},
                                                         {"SESPM-KENT", districts_where("subregion", "Kent", "boundaries/sespm_subregions.csv")}};
    REQUIRE(members["E12000008"].size() == 64);
    REQUIRE(members["SESPM-KENT"].size() == 13);
    int checked = 0;
    for (const auto& l : c.lines) {
        if (!members.count(l.code)) continue;
        auto sums = csv_sums(file, members[l.code]);
        REQUIRE(l.periods.size() == 43);
        for (size_t i = 0; i < l.periods.size(); ++i) {
            CAPTURE(l.code);
            CAPTURE(l.periods[i]);
            if (!sums.count(l.periods[i])) {  // no member has a published figure: a gap, never 0
                CHECK(!l.counts[i]);
                ++checked;
                continue;
            }
            REQUIRE(l.counts[i]);
            CHECK(*l.counts[i] == sums.at(l.periods[i]));
            ++checked;
        }
    }
    CHECK(checked == 2 * 43);
}

TEST_CASE("chart: one district with its limit now and its agreed trigger; wrong layers and codes refused") {
    test::ScratchDir d;
    std::string p = d.file("p.sespm");
    auto set = test::run_sespm({"triggers", "set", "--project", p, "--code", "E06000044", "--pct", "60", "--data", test::data_dir()});
    REQUIRE_MESSAGE(set.exit_code == 0, set.err);
    Session s(SessionOptions{test::data_dir(), test::layers_dir(), p, false});
    ChartSeries c = chart_series(s, "dispersal", Geography::District, {"E06000044"});
    REQUIRE(c.lines.size() == 1);
    CHECK(c.lines[0].name == "Portsmouth");
    // Portsmouth's limit at 30 September 2024: mid-2024 residents / 200, from the CSV
    double pop = 0;
    std::ifstream in(test::data_dir() + "/stats/population_mid2024.csv");
    std::string line;
    std::getline(in, line);
    auto h = test::split_csv_simple(line);
    size_t value = std::find(h.begin(), h.end(), "value") - h.begin();
    while (std::getline(in, line)) {
        auto cells = test::split_csv_simple(line);
        if (cells[0] == "E06000044") pop = std::stod(cells.at(value));
    }
    REQUIRE(pop > 0);
    REQUIRE(c.limit);
    REQUIRE(c.trigger_pct);
    CHECK(*c.trigger_pct == 60);
    CHECK(*c.trigger_count == doctest::Approx(*c.limit * 0.6));
    CHECK(*c.limit == std::floor(pop / 200));
    CHECK_THROWS_AS(chart_series(s, "resettlement", Geography::District, {}), UsageError);
    CHECK_THROWS_AS(chart_series(s, "dispersal", Geography::District, {"E99999999"}), UsageError);
}

TEST_CASE("chart -o: a PDF naming every line and the trigger, a PNG of the asked size, usage errors") {
    test::ScratchDir d;
    std::string p = d.file("p.sespm");
    REQUIRE(test::run_sespm({"triggers", "set", "--project", p, "--code", "E06000044", "--pct", "60", "--data", test::data_dir()}).exit_code == 0);
    auto r = test::run_sespm({"chart", "--layer", "dispersal", "--codes", "E06000044", "--project", p, "-o", d.file("c.pdf"), "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto text = test::run_shell("pdftotext " + d.file("c.pdf") + " -");
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("Portsmouth") != std::string::npos);
    CHECK(text.out.find("Agreed trigger, 60% of the limit") != std::string::npos);
    CHECK(text.out.find("Cluster limit now") != std::string::npos);
    CHECK(text.out.find("Contains OS data") != std::string::npos);  // the attribution
    r = test::run_sespm({"chart", "--layer", "asylum_supported", "--width", "640", "--height", "400", "-o", d.file("c.png"), "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto info = test::run_shell("python3 -c \"import struct,sys; b=open(sys.argv[1],'rb').read(24); print(struct.unpack('>II', b[16:24]))\" " + d.file("c.png"));
    CHECK(info.out == "(640, 400)\n");
    r = test::run_sespm({"chart", "--layer", "resettlement", "-o", d.file("x.png"), "--data", test::data_dir()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("not a time series") != std::string::npos);
    r = test::run_sespm({"chart", "--layer", "dispersal", "-o", d.file("x.jpg"), "--data", test::data_dir()});
    CHECK(r.exit_code == 2);
    CHECK(!test::file_exists(d.file("x.jpg")));
}
