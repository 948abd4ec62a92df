// test_asy_d11.cpp: the Home Office's Asy_D11 dataset read as published (issue 24, the reader
// under `data import`): both editions in ../shared/data/releases, their row counts and dates as
// PROVENANCE.md gives them, the South East's dispersal figures equal to the prepared series CSV
// (read here with the tests' own reader), and workbooks with mistakes made here with ogr2ogr,
// each refused naming the row and the column.
#include <doctest.h>

#include <map>

#include "core/error.h"
#include "geodata/asy_d11.h"
#include "helpers.h"

using namespace sespm;

TEST_CASE("Asy_D11 dates: text as published, date cells as GDAL shows them, and what is not a date") {
    struct Case { const char* text; const char* iso; };
    for (const Case& c : {Case{"30 Sep 2024", "2024-09-30"}, Case{"30 September 2024", "2024-09-30"}, Case{"31 Mar 2014", "2014-03-31"},
                          Case{"2024/09/30", "2024-09-30"}, Case{"2024-06-30", "2024-06-30"}, Case{" 31 December 2023 ", "2023-12-31"},
                          Case{"31 Sept 2024", ""}, Case{"30 Feb 2024", ""}, Case{"Sep 2024", ""}, Case{"2024", ""}, Case{"", ""},
                          Case{"30 Septober 2024", ""}}) {
        CAPTURE(std::string(c.text));
        CHECK(asy_d11_date(c.text) == c.iso);
    }
}

TEST_CASE("both Asy_D11 editions read as published: rows, dates, N/A rows, and the dispersal figures of the series") {
    struct Edition { const char* file; size_t rows; const char* first; const char* last; };
    for (const Edition& e : {Edition{"releases/asy_d11_sep2023_edition.xlsx", 18568, "2014-03-31", "2023-09-30"},
                             Edition{"releases/asy_d11_sep2024_edition.xlsx", 21743, "2014-03-31", "2024-09-30"}}) {
        CAPTURE(std::string(e.file));
        AsyD11 d = read_asy_d11(test::data_dir() + "/" + e.file);
        CHECK(d.rows.size() == e.rows);   // PROVENANCE.md: 18,568 and 21,743 rows
        REQUIRE(!d.periods.empty());
        CHECK(d.periods.front() == e.first);
        CHECK(d.periods.back() == e.last);
        CHECK(d.source.find("sheet 'Data - Asy_D11'") != std::string::npos);
        size_t not_areas = 0;
        for (const auto& r : d.rows) not_areas += r.not_an_area;
        CHECK(not_areas > 0);             // "N/A - ..." rows are kept, marked
    }
    // the publisher's own repeated categories with different figures are kept and listed
    AsyD11 older = read_asy_d11(test::data_dir() + "/releases/asy_d11_sep2023_edition.xlsx");
    CHECK(older.repeated == std::vector<std::pair<long, long>>{{14813, 14814}, {16450, 16451}});
    // the Sep 2024 edition's Section 95 dispersal accommodation at 30 Sep 2024 equals the prepared series
    AsyD11 d = read_asy_d11(test::data_dir() + "/releases/asy_d11_sep2024_edition.xlsx");
    std::map<std::string, long long> dispersal;
    for (const auto& r : d.rows)
        if (r.period == "2024-09-30" && r.support == "Section 95" && r.accommodation.find("Dispersal") == 0 && !r.not_an_area && r.people)
            dispersal[r.code] += *r.people;
    auto series = test::series_at("stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv", "2024-09-30");
    int compared = 0;
    for (const char* code : {"E06000044", "E06000038", "E07000112", "E06000045", "E06000035"}) {
        CAPTURE(std::string(code));
        REQUIRE(series.count(code));
        CHECK(dispersal[code] == static_cast<long long>(series[code]));
        ++compared;
    }
    CHECK(compared == 5);
}

TEST_CASE("Asy_D11 workbooks with mistakes are refused, naming the row and the column") {
    REQUIRE_MESSAGE(test::run_shell("command -v ogr2ogr >/dev/null").exit_code == 0, "ogr2ogr is missing: scripts/setup installs gdal-bin");
    test::ScratchDir dir;
    const std::string head = "Date (as at…),Support Type,UK Region,Local Authority,LAD Code,Accommodation Type,People\n";
    const std::string good = "30 Sep 2024,Section 95,South East,Portsmouth,E06000044,Dispersal Accommodation,617\n";
    struct Case { const char* name; std::string body; const char* says; };
    const Case cases[] = {
        {"half", head + "30 Sep 2024,Section 95,South East,Portsmouth,E06000044,Dispersal Accommodation,61.5\nEnd of table,,,,,,\n",
         "not a whole number of people"},
        {"twice", head + good + good + "End of table,,,,,,\n", "the same date, support type, area, accommodation type and figure as row"},
        {"date", head + "Q3 2024,Section 95,South East,Portsmouth,E06000044,Dispersal Accommodation,617\nEnd of table,,,,,,\n", "is not a date"},
        {"cut", head + good, "no 'End of table' row"},
        {"after", head + good + "End of table,,,,,,\n" + good, "a row after 'End of table'"},
        {"other", "code,name,value\nE06000044,Portsmouth,617\n", "no sheet has a header row with the Asy_D11 columns"},
    };
    for (const Case& c : cases) {
        CAPTURE(std::string(c.name));
        dir.write(std::string(c.name) + ".csv", c.body);
        std::string xlsx = dir.file(std::string(c.name) + ".xlsx");
        auto made = test::run_shell("ogr2ogr -f XLSX -oo HEADERS=NO '" + xlsx + "' '" + dir.file(std::string(c.name) + ".csv") + "' -nln 'Data - Asy_D11'");
        REQUIRE_MESSAGE(made.exit_code == 0, made.out);
        try {
            read_asy_d11(xlsx);
            FAIL("accepted a workbook with a mistake");
        } catch (const DataError& e) {
            std::string m = e.what();
            CHECK_MESSAGE(m.find(c.says) != std::string::npos, m);
            CHECK(m.find(xlsx) != std::string::npos);
        }
    }
    // suppression marks are no figure, not an error
    dir.write("marks.csv", head + "30 Sep 2024,Section 95,South East,Portsmouth,E06000044,Dispersal Accommodation,*\n"
                                  "30 Sep 2024,Section 95,South East,Reading,E06000038,Dispersal Accommodation,..\nEnd of table,,,,,,\n");
    REQUIRE(test::run_shell("ogr2ogr -f XLSX -oo HEADERS=NO '" + dir.file("marks.xlsx") + "' '" + dir.file("marks.csv") + "' -nln 'Data - Asy_D11'").exit_code == 0);
    AsyD11 m = read_asy_d11(dir.file("marks.xlsx"));
    REQUIRE(m.rows.size() == 2);
    CHECK(!m.rows[0].people);
    CHECK(!m.rows[1].people);
}
