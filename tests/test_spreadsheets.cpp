// test_spreadsheets.cpp: a council officer's list of providers as an Excel (.xlsx) or
// LibreOffice (.ods) workbook, wherever a points CSV is taken (issue 21, item 6). The fixtures
// (tests/spreadsheets, written by make_fixtures.py) have a notes sheet, a title row and blank
// rows above the header, a bad cell and a gap: the header is found by reading, the sheet is the
// only one with coordinate columns or the one --sheet names, a rejected row is named by its
// spreadsheet row number, and the header is never counted as a point.
#include <doctest.h>

#include "helpers.h"

namespace {

std::string fixture(const std::string& name) { return std::string(SESPM_TEST_DIR) + "/spreadsheets/" + name; }

test::RunResult count(const std::vector<std::string>& extra) {
    std::vector<std::string> args{"query", "count-points", "--within", "E12000008", "--data", test::data_dir()};
    args.insert(args.end(), extra.begin(), extra.end());
    return test::run_sespm(args);
}

// The total of the counts column (the third) of count-points' CSV.
long total_points(const std::string& csv) {
    long n = 0;
    auto rows = test::lines(csv);
    for (size_t i = 1; i < rows.size(); ++i) n += std::stol(test::split_csv_simple(rows[i])[2]);
    return n;
}

} // namespace

TEST_CASE("an .xlsx or .ods list of providers: its sheet and header found, its rows numbered as the officer sees them") {
    for (const std::string file : {"providers.xlsx", "providers.ods"}) {
        CAPTURE(file);
        auto r = count({"--points", fixture(file)});
        CHECK(r.exit_code == 1);  // one rejected row
        CHECK_MESSAGE(r.err.find(file + ", sheet 'Providers': row 6: field 'Latitude': ") != std::string::npos, r.err);
        CHECK(r.err.find("1 row was rejected") != std::string::npos);
        r = count({"--points", fixture(file), "--skip-bad-rows"});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        CHECK(total_points(r.out) == 3);  // rows 4, 5 and 8: not the title, not the header, not the bad row
        for (const char* district : {"E07000106,Canterbury,1", "E07000110,Maidstone,1", "E07000109,Gravesham,1"})
            CHECK_MESSAGE(r.out.find(district) != std::string::npos, district);
    }
}

TEST_CASE("a workbook with two sheets of points needs --sheet; the sheets are listed") {
    auto r = count({"--points", fixture("two_sheets.xlsx")});
    CHECK(r.exit_code == 1);
    CHECK_MESSAGE(r.err.find("2 sheets have lat,lon, easting,northing or postcode columns: 'Kent', 'Sussex'; choose one by its name (--sheet)") !=
                      std::string::npos, r.err);
    r = count({"--points", fixture("two_sheets.xlsx"), "--sheet", "Sussex"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(total_points(r.out) == 2);
    CHECK(r.out.find("E06000043,Brighton and Hove,1") != std::string::npos);
    CHECK(r.out.find("E07000062,Hastings,1") != std::string::npos);
    r = count({"--points", fixture("two_sheets.xlsx"), "--sheet", "Kent"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("E07000106,Canterbury,1") != std::string::npos);
    r = count({"--points", fixture("two_sheets.xlsx"), "--sheet", "Surrey"});
    CHECK(r.exit_code == 1);
    CHECK_MESSAGE(r.err.find("has no sheet 'Surrey' (--sheet); its sheets: 'Kent', 'Sussex'") != std::string::npos, r.err);
}

TEST_CASE("workbooks that cannot be read say why, naming the file") {
    struct Case { std::string file, expect; };
    const Case cases[] = {
        {"no_coordinates.xlsx", "no sheet has a header row with lat,lon, easting,northing or postcode columns; its sheets: 'Providers'"},
        {"beyond_header.xlsx", "row 2: a cell beyond the header's last column (column 4) holds 'stray note'"},
        {"not_a_workbook.xlsx", "GDAL cannot read it as a spreadsheet"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.file);
        auto r = count({"--points", fixture(c.file)});
        CHECK(r.exit_code == 1);
        CHECK_MESSAGE(r.err.find(c.file) != std::string::npos, r.err);
        CHECK_MESSAGE(r.err.find(c.expect) != std::string::npos, r.err);
    }
}
