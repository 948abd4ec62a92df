// test_cli.cpp: the real sespm-map binary, end to end: exact headers, exit codes, and bad input
// (missing file, malformed row, unknown code, non-numeric figure) with messages that name the
// file, the line and the field.
#include <doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "helpers.h"

using test::run_sespm;

namespace {
std::string data_opt() { return test::data_dir(); }
}

TEST_CASE("table --layer dispersal: exact header, 64 South East rows, empty cells for missing") {
    auto r = run_sespm({"table", "--layer", "dispersal", "--within", "E12000008", "--data", data_opt()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto ls = test::lines(r.out);
    CHECK(ls[0] == "code,name,population,dispersed,per_10k,cluster_limit,headroom,share_of_limit_pct,status");
    CHECK(ls.size() == 65);
    bool iow = false;
    for (const auto& l : ls)
        if (l.rfind("E06000046,", 0) == 0) { iow = true; CHECK(l == "E06000046,Isle of Wight,141660,,,708,,,no figure"); }
    CHECK(iow);
}

TEST_CASE("the manual page: every command the main help lists, with its own --help, and groff reads it without a warning") {
    auto main_help = run_sespm({"--help-commands"});
    REQUIRE(main_help.exit_code == 0);
    auto page = run_sespm({"help", "--manual"});
    REQUIRE_MESSAGE(page.exit_code == 0, page.err);
    size_t listed = 0;
    bool in_list = false;
    for (const auto& line : test::lines(main_help.out)) {
        if (line == "Commands:") { in_list = true; continue; }
        if (!in_list || line.rfind("  ", 0) != 0) { if (in_list) break; continue; }
        std::string cmd = line.substr(2, line.find(' ', 2) - 2);
        CAPTURE(cmd);
        ++listed;
        CHECK(page.out.find("\n.SS " + cmd + "\n") != std::string::npos);
        CHECK(page.out.find("usage: sespm\\-map " + cmd) != std::string::npos);  // its --help, as roff
    }
    CHECK(listed == 15);
    REQUIRE_MESSAGE(test::run_shell("command -v groff").exit_code == 0, "groff is not installed (scripts/setup installs groff-base)");
    test::ScratchDir d;
    { std::ofstream(d.file("sespm-map.1")) << page.out; }
    auto groff = test::run_shell("groff -man -Tutf8 -ww -z '" + d.file("sespm-map.1") + "' 2>&1");
    CHECK(groff.exit_code == 0);
    CHECK_MESSAGE(groff.out.empty(), groff.out);
    auto text = test::run_shell("groff -man -Tutf8 '" + d.file("sespm-map.1") + "' 2>&1 | col -b");
    CHECK(text.out.find("usage: sespm-map scenario") != std::string::npos);  // readable, not escaped
}

TEST_CASE("every command the main help lists answers --help with exit 0 and its own usage") {
    auto main_help = run_sespm({"--help-commands"});
    REQUIRE(main_help.exit_code == 0);
    std::vector<std::string> listed;
    bool in_list = false;
    for (const auto& line : test::lines(main_help.out)) {
        if (line == "Commands:") { in_list = true; continue; }
        if (!in_list) continue;
        if (line.rfind("  ", 0) != 0) break;  // the list ends where the indented lines do
        listed.push_back(line.substr(2, line.find(' ', 2) - 2));
    }
    CHECK(listed.size() == 15);
    for (const auto& cmd : listed) {
        CAPTURE(cmd);
        auto r = run_sespm({cmd, "--help"});
        CHECK(r.exit_code == 0);
        CHECK_MESSAGE(r.out.find("usage: sespm-map " + cmd) != std::string::npos, r.out.substr(0, 120));
    }
    CHECK(run_sespm({"--help"}).exit_code == 0);
    auto unknown = run_sespm({"frobnicate"});
    CHECK(unknown.exit_code == 2);
    for (const auto& cmd : listed) CHECK(unknown.err.find(cmd) != std::string::npos);  // the message names every command
}

TEST_CASE("layers lists every overlay with its join report") {
    auto r = run_sespm({"layers", "--data", data_opt()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto ls = test::lines(r.out);
    CHECK(ls[0] == "id,title,kind,geography,period,areas,matched,unmatched,missing");
    CHECK(ls.size() == 20);  // header + 19 layers
    // dispersal: 309 districts, matched + missing = 309
    for (const auto& l : ls) {
        auto c = test::split_csv_simple(l);
        if (c[0] != "dispersal") continue;
        CHECK(std::stoi(c[6]) + std::stoi(c[8]) == std::stoi(c[5]));
        CHECK(std::stoi(c[7]) > 0);  // non-English and N/A rows are reported, not dropped
    }
}

TEST_CASE("query commands print the documented headers") {
    struct Case { std::vector<std::string> args; std::string header; };
    std::string pts = test::data_dir() + "/stats/fe_colleges_south_east.csv";
    const Case cases[] = {
        {{"query", "neighbours", "--code", "E07000112"}, "code,name"},
        {{"query", "within", "--code", "E07000112", "--km", "10"}, "code,name,distance_km"},
        {{"query", "count-points", "--points", pts, "--within", "E12000008"}, "code,name,count"},
        {{"query", "nearest", "--points", pts, "--within", "E12000008"}, "code,name,nearest,distance_km"},
    };
    for (const auto& c : cases) {
        auto args = c.args;
        args.push_back("--data");
        args.push_back(data_opt());
        auto r = run_sespm(args);
        CAPTURE(c.header);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        CHECK(test::first_line(r.out) == c.header);
        CHECK(test::lines(r.out).size() > 1);
    }
}

TEST_CASE("usage errors exit 2 and say what is wrong") {
    struct Case { std::vector<std::string> args; std::string expect; };
    const Case cases[] = {
        {{"frobnicate"}, "unknown command"},
        {{"table"}, "--layer is required"},
        {{"table", "--layer", "nosuch"}, "no such layer"},
        {{"table", "--layer", "dispersal", "--geography", "ward"}, "--geography ward"},
        {{"table", "--layer", "dispersal", "--within", "E99999999"}, "unknown area code 'E99999999'"},
        {{"table", "--layer", "dispersal", "--format", "xml"}, "--format xml"},
        {{"table", "--layer", "dispersal", "--bogus"}, "unknown option --bogus"},
        {{"export", "--layer", "dispersal", "-o", "x.shp"}, "unknown format"},
        {{"export", "--layer", "dispersal", "--classes", "0", "-o", "x.geojson"}, "--classes 0"},
        {{"export", "--layer", "dispersal", "--classify", "magic", "-o", "x.geojson"}, "--classify magic"},
        {{"query", "neighbours", "--code", "E99999999"}, "--code E99999999"},
        {{"query", "within", "--code", "E07000112"}, "--km"},
        {{"table", "--layer", "uasc", "--geography", "district"}, "county and unitary"},
        {{"table", "--layer", "dispersal", "--ratio", "E06000044"}, "CODE=RESIDENTS_PER_PLACE"},
        // a ratio that is not a finite number of residents, 1 or more (inf gave a limit of 0, "over", exit 0)
        {{"scenario", "allocate", "--total", "100", "--rule", "population", "--within", "E12000008", "--ratio", "E06000044=inf"}, "finite number"},
        {{"table", "--layer", "dispersal", "--ratio", "E06000044=nan"}, "finite number"},
        {{"table", "--layer", "dispersal", "--ratio", "E06000044=1e999"}, "finite number"},
        {{"table", "--layer", "dispersal", "--ratio", "E06000044=0.5"}, "1 or more"},
        // an option the command would not use: --points on a layer that counts no points (even a missing file was ignored)
        {{"table", "--layer", "dispersal", "--points", "/nonexistent/pts.csv"}, "counts no points"},
        {{"export", "--layer", "dispersal", "--points", "/nonexistent/pts.csv", "-o", "x.geojson"}, "counts no points"},
        // a single-value option given twice (--project A --project B edited B)
        {{"pledges", "list", "--project", "a.sespm", "--project", "b.sespm"}, "--project is given 2 times"},
        {{"table", "--layer", "dispersal", "--layer", "esol"}, "--layer is given 2 times ('dispersal', then 'esol')"},
        {{"export", "--layer", "dispersal", "-o", "a.geojson", "--output", "b.geojson"}, "-o and --output are the same option"},
        {{"query", "count-points", "--points", "p.xlsx", "--sheet", "A", "--sheet", "B"}, "--sheet is given twice ('A', then 'B')"},
        {{"query", "count-points", "--points", "p.gpkg", "--source-layer", "a", "--source-layer=b"}, "--source-layer is given twice"},
        {{"scenario", "allocate", "--total", "10", "--rule", "population", "--within", "E12000008", "--rule", "equal-rate"}, "--rule is given 2 times"},
    };
    for (const auto& c : cases) {
        auto args = c.args;
        args.push_back("--data");
        args.push_back(data_opt());
        auto r = run_sespm(args);
        CAPTURE(c.expect);
        CAPTURE(r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find(c.expect) != std::string::npos);
    }
}

TEST_CASE("data errors exit 1 and name the file, the line and the field") {
    test::FakeDataDir d;
    struct Case { std::string csv; std::string expect_line, expect_field, expect_what; };
    const std::string head = "code,code_published,name,region,value,period,source\n";
    const Case cases[] = {
        {head + "E06000044,E06000044,Portsmouth,South East,lots,2024-09-30,x\n",
         "asylum_s95_dispersal_timeseries_2014q1_2024q3.csv:2", "'value'", "'lots' is not a number"},
        {head + "E06000044,E06000044,Portsmouth,South East,617,2024-09-30,x\nE06000045,E06000045,Southampton\n",
         "asylum_s95_dispersal_timeseries_2014q1_2024q3.csv:3", "", "expected 7 cells"},
        {head + "E06000044,E06000044,Portsmouth,South East,617,2024-09-30,x\n"
                "E06000044,E06000044,Portsmouth,South East,618,2024-09-30,x\n",
         "asylum_s95_dispersal_timeseries_2014q1_2024q3.csv:3", "'value'", "different value"},
        {"code,name,region,period\nE06000044,Portsmouth,South East,2024\n",
         "asylum_s95_dispersal_timeseries_2014q1_2024q3.csv:1", "'value'", "required column is missing"},
        {head + "E06000044,E06000044,Portsmouth,South East,-3,2024-09-30,x\n",
         "asylum_s95_dispersal_timeseries_2014q1_2024q3.csv:2", "'value'", "negative"},
    };
    for (const auto& c : cases) {
        d.override_stats("asylum_s95_dispersal_timeseries_2014q1_2024q3.csv", c.csv);
        auto r = run_sespm({"table", "--layer", "dispersal", "--data", d.path});
        CAPTURE(c.expect_what);
        CAPTURE(r.err);
        CHECK(r.exit_code == 1);
        CHECK(r.err.find(c.expect_line) != std::string::npos);
        CHECK(r.err.find(c.expect_field) != std::string::npos);
        CHECK(r.err.find(c.expect_what) != std::string::npos);
    }
}

TEST_CASE("a missing figures file or data directory is a data error naming the place") {
    test::FakeDataDir d;
    std::filesystem::remove(d.file("stats/population_mid2024.csv"));
    auto r = run_sespm({"table", "--layer", "dispersal", "--data", d.path});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("population_mid2024.csv") != std::string::npos);
    CHECK(r.err.find("does not exist") != std::string::npos);

    r = run_sespm({"layers", "--data", "/nonexistent/dir"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("/nonexistent/dir (does not exist)") != std::string::npos);
    // With no flag, every place looked in is listed.
    // Run one folder down inside the scratch folder, so ../shared/data is the scratch folder's
    // own (absent) shared/, whatever else the temporary directory holds (e.g. a /tmp/shared).
    test::ScratchDir empty;
    empty.write("work/.keep", "");
    r = test::run_shell("cd " + empty.file("work") + " && SESPM_DATA=" + empty.path + "/nope " + SESPM_EXE + " layers");
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("$SESPM_DATA") != std::string::npos);
    CHECK(r.err.find("./data") != std::string::npos);
    CHECK(r.err.find("../shared/data") != std::string::npos);
}

TEST_CASE("points input: bad coordinates name the line and field") {
    test::ScratchDir d;
    struct Case { std::string csv; std::string expect; };
    const Case cases[] = {
        {"name,lat,lon\nA,51.5,-0.1\nB,-0.1,51.5\n", ":3: field 'lat'"},
        {"name,lat,lon\nA,51.5,-0.1\nB,40.7,-74.0\n", "outside Great Britain"},
        {"name,lat,lon\nA,51.5,\n", "coordinate is missing"},
        {"name,easting,northing\nA,999999999,1\n", "outside Great Britain"},
        {"name,what\nA,1\n", "no coordinate columns"},
        {"name,postcode\nA,ZZ99 9ZZ\n", "postcode 'ZZ99 9ZZ'"},
    };
    for (const auto& c : cases) {
        d.write("p.csv", c.csv);
        auto r = run_sespm({"query", "count-points", "--points", d.file("p.csv"), "--data", data_opt()});
        CAPTURE(c.csv);
        CAPTURE(r.err);
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("p.csv") != std::string::npos);
        CHECK(r.err.find(c.expect) != std::string::npos);
    }
    auto swapped = run_sespm({"query", "count-points", "--points", d.file("p.csv"), "--data", data_opt()});
    (void)swapped;
}

TEST_CASE("postcode input is geocoded offline and counted") {
    test::ScratchDir d;
    d.write("p.csv", "name,postcode\nNewbury College,rg147td\nMidKent College,ME7 1FN\n");
    auto r = run_sespm({"query", "count-points", "--points", d.file("p.csv"), "--within", "E12000008", "--data", data_opt()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("E06000037,West Berkshire,1") != std::string::npos);
    CHECK(r.out.find("E06000035,Medway,1") != std::string::npos);
}

TEST_CASE("a group's total says how many of its members had no published figure, in table and export") {
    // Kent's districts: how many have no dispersal figure, counted from the district table
    auto r = run_sespm({"table", "--layer", "dispersal", "--within", "E10000016", "--format", "json", "--data", data_opt()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto districts = nlohmann::json::parse(r.out);
    int members = 0, without = 0;
    for (const auto& d : districts) {
        if (d["code"].get<std::string>().rfind("E07", 0) != 0) continue;  // Kent's districts (not Medway)
        ++members;
        if (d["dispersed"].is_null()) ++without;
    }
    REQUIRE(members == 12);
    r = run_sespm({"table", "--layer", "dispersal", "--geography", "county", "--within", "E12000008", "--format", "json", "--data", data_opt()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    bool kent = false;
    for (const auto& c : nlohmann::json::parse(r.out))
        if (c["code"] == "E10000016") {
            kent = true;
            CHECK(c["member_areas"].get<int>() == members);
            CHECK(c["members_without_figure"].get<int>() == without);
        }
    CHECK(kent);
    test::ScratchDir d;
    r = run_sespm({"export", "--layer", "dispersal", "--geography", "subregion", "-o", d.file("s.geojson"), "--data", data_opt()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    for (const auto& f : nlohmann::json::parse(test::read_file(d.file("s.geojson")))["features"]) {
        CHECK(f["properties"].contains("member_areas"));
        CHECK(f["properties"]["members_without_figure"].is_number());
    }
    // a district is no group: no member columns
    r = run_sespm({"table", "--layer", "dispersal", "--within", "E12000008", "--data", data_opt()});
    CHECK(test::first_line(r.out).find("member") == std::string::npos);
}

TEST_CASE("areas by name wherever a code is taken: exact, any case, a unique start; near misses suggested") {
    auto by_code = run_sespm({"table", "--layer", "dispersal", "--within", "E10000016", "--data", data_opt()});
    REQUIRE_MESSAGE(by_code.exit_code == 0, by_code.err);
    for (const char* name : {"Kent", "kent", "KENT"}) {
        CAPTURE(name);
        auto r = run_sespm({"table", "--layer", "dispersal", "--within", name, "--data", data_opt()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        CHECK(r.out == by_code.out);
        CHECK(r.err.find("SESPM-KENT") != std::string::npos);  // the sub-region of the same name is mentioned
    }
    auto se = run_sespm({"table", "--layer", "dispersal", "--within", "south east", "--data", data_opt()});
    CHECK(test::lines(se.out).size() == 65);  // the region (64 districts), not the South East LEP
    CHECK(se.err.find("taken as South East (E12000008, region)") != std::string::npos);
    auto r = run_sespm({"table", "--layer", "dispersal", "--within", "Brighton", "--data", data_opt()});  // unique start
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(test::lines(r.out).size() == 2);
    CHECK(r.out.find("E06000043,Brighton and Hove") != std::string::npos);
    r = run_sespm({"table", "--layer", "dispersal", "--within", "Knet", "--data", data_opt()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--within Knet") != std::string::npos);
    CHECK(r.err.find("did you mean Kent (E10000016") != std::string::npos);
    r = run_sespm({"table", "--layer", "dispersal", "--within", "South", "--data", data_opt()});  // many starts
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("give more of the name") != std::string::npos);
    test::ScratchDir d;
    r = run_sespm({"pledges", "set", "--project", d.file("p.sespm"), "--code", "reading", "--places", "12", "--data", data_opt()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("E06000038,Reading,12") != std::string::npos);
    r = run_sespm({"pledges", "set", "--project", d.file("p.sespm"), "--code", "Kent", "--places", "12", "--data", data_opt()});
    CHECK(r.exit_code == 2);  // pledges are per district: Kent the county is not one
    r = run_sespm({"query", "neighbours", "--code", "portsmouth", "--data", data_opt()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("E07000088,Gosport") != std::string::npos);
}

TEST_CASE("a server location with a password is refused without repeating the password, in any spelling") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"host=db.example.org password=s3cretWord dbname=sespm", ".pgpass"},
        {"PASSWORD=s3cretWord dbname=sespm", "not repeated here"},
        {"host=db password s3cretWord", "not repeated here"},
        {"postgresql://alice:s3cretWord@db.example.org/sespm", ".pgpass"},
        {"POSTGRESQL://alice:s3cretWord@db.example.org/sespm", "lower case"},
        {"Postgres://alice:s3cretWord@db.example.org/sespm", "lower case"},
        {"postgresql://db.example.org/sespm?password=s3cretWord", ".pgpass"},
    };
    for (const auto& [location, expect] : cases) {
        CAPTURE(location);
        auto r = test::run_sespm({"pledges", "list", "--project", location, "--data", test::data_dir()});
        CHECK(r.exit_code == 2);
        CHECK_MESSAGE(r.err.find("s3cretWord") == std::string::npos, r.err);
        CHECK_MESSAGE(r.err.find(expect) != std::string::npos, r.err);
    }
}

TEST_CASE("a points CSV with old Mac line endings (CR only) is read row by row") {
    test::ScratchDir d;
    d.write("cr.csv", "name,lat,lon\rCanterbury College,51.2795,1.087\rMaidstone Adult Ed,51.272,0.523\r");
    auto r = run_sespm({"query", "count-points", "--points", d.file("cr.csv"), "--within", "E10000016", "--data", data_opt()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);  // was "no coordinate columns": the whole file one header line
    CHECK(r.out.find("E07000106,Canterbury,1") != std::string::npos);
    CHECK(r.out.find("E07000110,Maidstone,1") != std::string::npos);
}

TEST_CASE("a grant's councils are district codes, checked before anything connects") {
    for (const std::string councils : {"E06000044','E06000045", "%", "E06000044,kent"}) {
        CAPTURE(councils);
        auto r = run_sespm({"project", "grant", "--project", "host=/nonexistent dbname=x", "--user", "eve", "--role", "planner", "--councils", councils});
        CHECK(r.exit_code == 2);
        CHECK_MESSAGE(r.err.find("a council is a district code") != std::string::npos, r.err);
    }
}

TEST_CASE("codes with invisible spaces from a spreadsheet or a web page still match (no-break, zero-width, BOM)") {
    test::FakeDataDir d;
    d.override_stats("asylum_s95_dispersal_timeseries_2014q1_2024q3.csv",
                     "code,code_published,name,value,period,source\n"
                     "E06000044\xc2\xa0,E06000044,Portsmouth,617,2024-09-30,x\n"
                     "E06000045\xe2\x80\x8b,E06000045,Southampton,600,2024-09-30,x\n"
                     "\xc2\xa0" "E06000046,E06000046,Isle of Wight,4,2024-09-30,x\n");
    auto r = run_sespm({"table", "--layer", "dispersal", "--within", "E12000008", "--data", d.path});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);  // was "0 of 3 codes match an area"
    CHECK(r.out.find("E06000044,Portsmouth,") != std::string::npos);
    CHECK(r.out.find(",617,") != std::string::npos);
    CHECK(r.out.find(",600,") != std::string::npos);
}

TEST_CASE("a pledge is for a district: made-up and empty codes are refused, an old one can be cleared") {
    test::ScratchDir d;
    std::string p = d.file("p.sespm");
    for (const std::string code : {"X99999999", "", "E99999999"}) {
        CAPTURE(code);
        auto r = run_sespm({"pledges", "set", "--project", p, "--code", code, "--places", "5", "--data", data_opt()});
        CHECK(r.exit_code == 2);
        CHECK_MESSAGE(r.err.find("no district has th") != std::string::npos, r.err);
    }
    auto r = run_sespm({"pledges", "set", "--project", p, "--code", "Portsmouth", "--places", "5", "--data", data_opt()});
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    r = run_sespm({"pledges", "list", "--project", p, "--data", data_opt()});
    CHECK(r.out == "code,name,places\nE06000044,Portsmouth,5\n");
}
