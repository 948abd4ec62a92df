// test_csv.cpp: the CSV reader and the parsing of published figures, as tables of cases.
#include <doctest.h>

#include <cmath>

#include "core/csv.h"
#include "core/error.h"

using namespace sespm;

TEST_CASE("published figures: numbers, separators and not-published markers") {
    struct Case { const char* cell; bool missing; double value; };
    const Case cases[] = {
        {"451", false, 451},       {" 1,234 ", false, 1234},  {"12,345,678", false, 12345678},
        {"3.5", false, 3.5},       {"1,234.5", false, 1234.5}, {"+7", false, 7},
        {"", true, 0},             {"*", true, 0},            {"-", true, 0},
        {"c", true, 0},            {"z", true, 0},            {"..", true, 0},
        {"  ", true, 0},           {"0", false, 0},
    };
    for (const auto& c : cases) {
        CAPTURE(c.cell);
        auto v = parse_figure(c.cell, "f.csv", 3, "value");
        CHECK(v.has_value() == !c.missing);
        if (v) CHECK(*v == doctest::Approx(c.value));
    }
}

TEST_CASE("bad figures name the file, the line and the field") {
    const char* bad[] = {"abc", "12,34", "1,2345", "1.2.3", "nan", "inf", "-5", "1e999", "12a"};
    for (const char* b : bad) {
        CAPTURE(b);
        try {
            parse_figure(b, "stats/x.csv", 17, "value");
            FAIL("accepted a bad figure");
        } catch (const DataError& e) {
            std::string m = e.what();
            CHECK(m.find("stats/x.csv:17") != std::string::npos);
            CHECK(m.find("'value'") != std::string::npos);
        }
    }
    CHECK(parse_figure("-5", "f", 1, "v", true).value() == -5);
}

TEST_CASE("CSV structure: BOM, CRLF, quotes, embedded commas and newlines") {
    std::string text = "\xEF\xBB\xBF" "code,name,value\r\n"
                       "E1,\"Brighton, and Hove\",\"1,234\"\r\n"
                       "E2,\"He said \"\"hi\"\"\",5\r\n"
                       "E3,\"two\nlines\",6\r\n"
                       "\r\n"
                       "E4,last,7";
    CsvTable t = parse_csv(text, "t.csv");
    REQUIRE(t.header.size() == 3);
    CHECK(t.header[0] == "code");
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[0][1] == "Brighton, and Hove");
    CHECK(t.rows[0][2] == "1,234");
    CHECK(t.rows[1][1] == "He said \"hi\"");
    CHECK(t.rows[2][1] == "two\nlines");
    CHECK(t.rows[3][2] == "7");
    CHECK(t.row_line[0] == 2);
    CHECK(t.row_line[3] == 7);
}

TEST_CASE("CSV errors name the file and line") {
    struct Case { std::string text; std::string expect; };
    const Case cases[] = {
        {"a,b\n1,2\n3\n", "t.csv:3"},
        {"a,b\n1,2,3\n", "t.csv:2"},
        {"a,b\n\"open,2\n", "never closed"},
        {"", "empty"},
        {"a,b\n\xe9t\xe9,1\n", "not UTF-8"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        try {
            parse_csv(c.text, "t.csv");
            FAIL("accepted bad CSV");
        } catch (const DataError& e) {
            CHECK(std::string(e.what()).find(c.expect) != std::string::npos);
        }
    }
}

TEST_CASE("missing column is reported with the columns present") {
    CsvTable t = parse_csv("code,value\nE1,2\n", "t.csv");
    CHECK(t.column("value") == 1);
    CHECK_THROWS_WITH_AS(t.require_column("population"),
                         doctest::Contains("'population'"), DataError);
}
