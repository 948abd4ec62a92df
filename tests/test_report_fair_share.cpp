// test_report_fair_share.cpp: the board report's "How the shares were worked out" and "Labour
// market by LEP" pages read back by pdftotext: each district's target as the command line gives
// it, and every South East LEP's figures equal to population-weighted means (and the summed
// rate of new overseas workers) worked here from the LEP lookup and the CSVs.
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <sstream>

#include "helpers.h"

namespace {

// The text of each page of a PDF, in layout mode.
std::vector<std::string> pages_of(const std::string& pdf) {
    auto r = test::run_shell("pdftotext -layout '" + pdf + "' -");
    REQUIRE_MESSAGE(r.exit_code == 0, "pdftotext is missing or failed: scripts/setup installs poppler-utils");
    std::vector<std::string> pages;
    std::string page;
    for (char ch : r.out) {
        if (ch == '\f') { pages.push_back(page); page.clear(); }
        else page += ch;
    }
    if (!page.empty()) pages.push_back(page);
    return pages;
}

// The figures of the table row that starts with `name` and holds nothing but figures after it
// (map labels and lists print the same names beside other text), or none.
std::vector<double> row_numbers(const std::string& text, const std::string& name) {
    static const std::regex row(R"(^\s*(.*?)((\s+-?[\d,]+(\.\d+)?)+)\s*$)");
    static const std::regex number(R"(-?[\d,]+(\.\d+)?)");
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (!std::regex_match(line, m, row) || m[1].str() != name) continue;
        std::vector<double> out;
        std::string figures = m[2].str();
        for (auto it = std::sregex_iterator(figures.begin(), figures.end(), number); it != std::sregex_iterator(); ++it) {
            std::string n = it->str();
            n.erase(std::remove(n.begin(), n.end(), ','), n.end());
            out.push_back(std::stod(n));
        }
        return out;
    }
    return {};
}

using test::latest_period;

} // namespace

TEST_CASE("the report explains a fair-share scenario district by district, and prints the labour market by LEP from the CSVs") {
    test::ScratchDir d;
    const std::string data = test::data_dir(), project = d.file("p.sespm"), pdf = d.file("board.pdf");
    auto made = test::run_sespm({"scenario", "allocate", "--within", "E12000008", "--data", data, "--total", "7200", "--rule", "factors",
                                 "--factor", "housing_affordability=1", "--factor", "dispersal=1", "--as", "stock",
                                 "--project", project, "--save", "Fair"});
    REQUIRE_MESSAGE(made.exit_code == 0, made.err);
    auto r = test::run_sespm({"report", "-o", pdf, "--data", data, "--project", project, "--scenario", "Fair"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(test::run_shell("qpdf --check '" + pdf + "'").exit_code == 0);
    auto pages = pages_of(pdf);
    std::string shares, labour;
    for (const auto& p : pages) {
        if (p.find("How the shares were worked out: Fair") != std::string::npos) shares += p;
        if (p.find("Labour market by Local Enterprise") != std::string::npos) labour += p;
    }
    REQUIRE(!shares.empty());
    REQUIRE(!labour.empty());
    CHECK(shares.find("Housing affordability ratio, weight 1") != std::string::npos);
    CHECK(shares.find("counted as none") != std::string::npos);   // dispersal's districts without a row, said
    // each district's target as the command line's allocation gives it (the last three figures: target, holds, to add)
    std::map<std::string, std::string> target;
    auto ls = test::lines(made.out);
    auto head = test::split_csv_simple(ls.at(0));
    size_t tc = std::find(head.begin(), head.end(), "target") - head.begin(), nc = 1;
    REQUIRE(tc < head.size());
    for (size_t i = 1; i < ls.size(); ++i) {
        auto c = test::split_csv_simple(ls[i]);
        target[c[nc]] = c[tc];
    }
    for (const char* name : {"Medway", "Reading", "Slough", "Portsmouth", "Guildford", "Mole Valley", "Chichester", "Thanet"}) {
        CAPTURE(name);
        auto nums = row_numbers(shares, name);
        REQUIRE(nums.size() >= 3);
        CHECK(std::to_string(static_cast<long>(nums[nums.size() - 3])) == target[name]);
    }
    // the LEPs: population-weighted means of their districts' latest figures, worked from the CSVs
    std::map<std::string, std::vector<std::string>> members;
    std::map<std::string, std::string> lep_name;
    for (auto& row : test::rows_of("boundaries/lad_lep_lookup.csv")) {
        members[row["lep_code"]].push_back(row["lad_code"]);
        lep_name[row["lep_code"]] = row["lep_name"];
    }
    auto pop = test::population(false);
    auto claim = test::series_at("stats/ons_claimant_count_2001_2025.csv", latest_period("stats/ons_claimant_count_2001_2025.csv"));
    auto emp = test::series_at("stats/ons_employment_rate_2004_2023.csv", latest_period("stats/ons_employment_rate_2004_2023.csv"));
    auto pay = test::series_at("stats/ons_median_weekly_pay_2008_2025.csv", latest_period("stats/ons_median_weekly_pay_2008_2025.csv"));
    std::map<std::string, double> nino;
    for (auto& row : test::rows_of("stats/nino_registrations_lad_2025.csv")) nino[row["code"]] = std::stod(row["value"]);
    for (const char* code : {"E37000035", "E37000044", "E37000046", "E37000053", "E37000055", "E37000056", "E37000057"}) {
        CAPTURE(lep_name[code]);
        auto weighted = [&](std::map<std::string, double>& v) {
            double num = 0, den = 0;
            for (const auto& m : members[code]) { REQUIRE(v.count(m)); num += v[m] * pop[m]; den += pop[m]; }
            return num / den;
        };
        double n = 0, p = 0;
        for (const auto& m : members[code]) { n += nino[m]; p += pop[m]; }
        auto nums = row_numbers(labour, lep_name[code]);
        REQUIRE(nums.size() == 4);
        CHECK(nums[0] == doctest::Approx(std::round(weighted(claim) * 10) / 10));
        CHECK(nums[1] == doctest::Approx(std::round(weighted(emp) * 10) / 10));
        CHECK(nums[2] == doctest::Approx(std::round(weighted(pay) * 10) / 10));
        CHECK(nums[3] == doctest::Approx(std::round(n / p * 1000 * 100) / 100));
    }
    std::string flowing = std::regex_replace(std::regex_replace(labour, std::regex(R"(\s+)"), " "), std::regex("- "), "-");
    CHECK(flowing.find("are the population-weighted means of its member districts' published figures") != std::string::npos);
}
