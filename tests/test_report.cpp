// test_report.cpp: the board report read back by independent tools: qpdf --check, pdfinfo (pages,
// title), pdffonts (every font embedded), pdftotext (every South East district, the four
// sub-regions, headline figures equal to what `table` prints), pdftoppm (the dispersal map page
// carries the class colours `export` gives), and a sub-region pack that holds only its districts.
#include <doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "helpers.h"

namespace {

// A missing tool fails the test loudly: a report nobody could check is not a passing report.
void require_tool(const std::string& tool) {
    REQUIRE_MESSAGE(test::run_shell("command -v " + tool + " >/dev/null").exit_code == 0,
                    tool << " is missing: scripts/setup installs poppler-utils and qpdf");
}

std::string text_of(const std::string& pdf) {
    auto r = test::run_shell("pdftotext -layout '" + pdf + "' -");
    REQUIRE(r.exit_code == 0);
    return r.out;
}

// The value of `col` in the first data row of a CSV table.
std::string first_row_value(const std::string& csv, const std::string& col) {
    auto rows = test::lines(csv);
    auto head = test::split_csv_simple(rows.at(0)), vals = test::split_csv_simple(rows.at(1));
    for (size_t i = 0; i < head.size(); ++i) if (head[i] == col) return vals[i];
    FAIL("no column " << col);
    return "";
}

std::string with_commas(const std::string& digits) {
    std::string s = digits;
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
    return s;
}

} // namespace

TEST_CASE("the board report: a valid A4 PDF with every district, the sub-regions and the table's figures") {
    require_tool("pdftotext");
    require_tool("qpdf");
    test::ScratchDir d;
    std::string data = test::data_dir(), pdf = d.file("board.pdf");
    auto r = test::run_sespm({"report", "-o", pdf, "--data", data});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(test::run_shell("qpdf --check '" + pdf + "'").exit_code == 0);
    auto info = test::run_shell("pdfinfo '" + pdf + "'").out;
    CHECK(info.find("Title:           SESPM board report") != std::string::npos);
    CHECK(info.find("A4") != std::string::npos);
    int pages = 0;
    std::istringstream in(info);
    for (std::string l; std::getline(in, l);) if (l.rfind("Pages:", 0) == 0) pages = std::stoi(l.substr(6));
    CHECK(pages >= 12);
    auto fonts = test::lines(test::run_shell("pdffonts '" + pdf + "'").out);
    REQUIRE(fonts.size() > 2);
    for (size_t i = 2; i < fonts.size(); ++i) CHECK_MESSAGE(fonts[i].find(" yes ") != std::string::npos, fonts[i]);

    std::string text = text_of(pdf);
    auto table = test::run_sespm({"table", "--layer", "dispersal", "--within", "E12000008", "--data", data});
    auto rows = test::lines(table.out);
    REQUIRE(rows.size() == 65);
    for (size_t i = 1; i < rows.size(); ++i) {
        std::string name = test::split_csv_simple(rows[i])[1];
        CHECK_MESSAGE(text.find(name) != std::string::npos, name);
    }
    for (const char* sub : {"Kent", "Hampshire & Isle of Wight", "Sussex & Surrey", "Thames Valley"}) CHECK(text.find(sub) != std::string::npos);
    auto region = test::run_sespm({"table", "--layer", "dispersal", "--geography", "region", "--within", "E12000008", "--data", data}).out;
    CHECK(text.find(with_commas(first_row_value(region, "dispersed"))) != std::string::npos);
    CHECK(text.find(first_row_value(region, "share_of_limit_pct") + "%") != std::string::npos);
    auto uasc = test::run_sespm({"table", "--layer", "uasc", "--geography", "region", "--within", "E12000008", "--data", data}).out;
    CHECK(text.find(with_commas(first_row_value(uasc, "uasc"))) != std::string::npos);
    // the time series: the latest supported total and its change on the year, as `trend` gives them
    auto sup = test::run_sespm({"trend", "--layer", "asylum_supported", "--geography", "region", "--within", "E12000008", "--data", data});
    REQUIRE_MESSAGE(sup.exit_code == 0, sup.err);
    auto trows = test::lines(sup.out);
    REQUIRE(trows.size() > 5);
    auto head = test::split_csv_simple(trows[0]);
    size_t count_col = 3;  // code,name,period, then the first column table prints after name
    for (size_t i = 0; i < head.size(); ++i) if (head[i] == "supported" || head[i] == "people") count_col = i;
    long latest = std::stol(test::split_csv_simple(trows.back())[count_col]);
    // a year before by date (12 months), not four rows back: the series skips 31 Mar 2026
    std::string latest_period = test::split_csv_simple(trows.back())[2];
    std::string year_period = std::to_string(std::stoi(latest_period.substr(0, 4)) - 1) + latest_period.substr(4);
    long year_before = -1;
    for (const auto& row : trows)
        if (test::split_csv_simple(row)[2] == year_period) year_before = std::stol(test::split_csv_simple(row)[count_col]);
    REQUIRE(year_before >= 0);
    CHECK_MESSAGE(text.find(with_commas(std::to_string(latest))) != std::string::npos, latest);
    long change = latest - year_before;
    std::string change_text = (change >= 0 ? "+" : "-") + with_commas(std::to_string(change >= 0 ? change : -change)) + " on the year";
    CHECK_MESSAGE(text.find(change_text) != std::string::npos, change_text);
    CHECK(text.find("Trends") != std::string::npos);
}

TEST_CASE("the report's dispersal map is drawn in the export's class colours") {
    require_tool("pdftoppm");
    test::ScratchDir d;
    std::string data = test::data_dir();
    REQUIRE(test::run_sespm({"report", "-o", d.file("b.pdf"), "--data", data}).exit_code == 0);
    REQUIRE(test::run_sespm({"export", "--layer", "dispersal", "--within", "E12000008", "-o", d.file("d.geojson"), "--data", data}).exit_code == 0);
    std::set<std::string> fills;
    const auto exported = nlohmann::json::parse(test::read_file(d.file("d.geojson")));
    for (const auto& f : exported["features"]) fills.insert(f["properties"]["fill"].get<std::string>());
    REQUIRE(fills.size() >= 5);
    // page 2 as a raw PPM at 100 dpi: count the pixels of each fill colour
    auto r = test::run_shell("pdftoppm -f 2 -l 2 -r 100 '" + d.file("b.pdf") + "' '" + d.file("p") + "'");
    REQUIRE(r.exit_code == 0);
    std::string ppm = test::read_file(d.file("p-02.ppm"));
    REQUIRE(ppm.rfind("P6", 0) == 0);
    size_t header_end = 0;
    for (int fields = 0; fields < 4; ++header_end) if (std::isspace(static_cast<unsigned char>(ppm[header_end])) && ++fields == 4) break;
    std::map<std::string, long> count;
    char hex[8];
    for (size_t i = header_end + 1; i + 2 < ppm.size(); i += 3) {
        std::snprintf(hex, sizeof hex, "#%02x%02x%02x", static_cast<unsigned char>(ppm[i]), static_cast<unsigned char>(ppm[i + 1]),
                      static_cast<unsigned char>(ppm[i + 2]));
        if (fills.count(hex)) ++count[hex];
    }
    for (const auto& f : fills) CHECK_MESSAGE(count[f] > 200, f << " covers " << count[f] << " pixels");
}

TEST_CASE("a sub-region pack holds only its districts; bad options are usage errors") {
    require_tool("pdftotext");
    test::ScratchDir d;
    std::string data = test::data_dir();
    auto r = test::run_sespm({"report", "--subregion", "SESPM-THAMES-VALLEY", "-o", d.file("tv.pdf"), "--data", data});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::string text = text_of(d.file("tv.pdf"));
    for (const char* in : {"Reading", "Oxford", "Milton Keynes", "Slough", "Thames Valley"}) CHECK_MESSAGE(text.find(in) != std::string::npos, in);
    for (const char* out : {"Canterbury", "Portsmouth", "Crawley", "Hastings"}) CHECK_MESSAGE(text.find(out) == std::string::npos, out);
    r = test::run_sespm({"report", "--subregion", "SESPM-NOWHERE", "-o", d.file("x.pdf"), "--data", data});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("SESPM-KENT") != std::string::npos);
    CHECK(!test::file_exists(d.file("x.pdf")));
    r = test::run_sespm({"report", "-o", d.file("x.txt"), "--data", data});
    CHECK(r.exit_code == 2);
}

TEST_CASE("render -o FILE.pdf|.svg draws the map as vector paths with its title and legend") {
    require_tool("pdftotext");
    require_tool("qpdf");
    test::ScratchDir d;
    std::string data = test::data_dir();
    for (const char* ext : {"pdf", "svg"}) {
        CAPTURE(ext);
        std::string out = d.file(std::string("m.") + ext);
        auto r = test::run_sespm({"render", "--legend", "-o", out, "--data", data});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        std::string body = test::read_file(out);
        if (std::string(ext) == "pdf") {
            CHECK(test::run_shell("qpdf --check '" + out + "'").exit_code == 0);
            std::string text = text_of(out);
            for (const char* want : {"Asylum dispersal", "Share of the cluster limit", "No published figure", "50 km", "Buckinghamshire"})
                CHECK_MESSAGE(text.find(want) != std::string::npos, want);
        } else {
            CHECK(body.rfind("<?xml", 0) == 0);
            size_t paths = 0;
            for (size_t p = body.find("<path"); p != std::string::npos; p = body.find("<path", p + 1)) ++paths;
            CHECK(paths >= 64);  // one at least per South East district
        }
    }
    auto r = test::run_sespm({"render", "-o", d.file("m.jpg"), "--data", data});
    CHECK(r.exit_code == 2);
}
