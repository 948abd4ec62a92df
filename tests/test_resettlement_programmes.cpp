// test_resettlement_programmes.cpp: today's programmes checked against sums worked out here from
// the published CSVs (read with the test's own simple CSV split, not the program's reader):
// Homes for Ukraine and Afghan resettlement per district and per 10,000 residents for both
// editions, the South East and sub-region totals, the half-year change, the Afghan housing parts,
// blanks kept as missing, and asylum_supported's periods ending 2025-12-31 then 2026-06-30 with
// no row for the missing 31 March 2026.
#include <doctest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <set>

#include "helpers.h"

namespace {

// A CSV of the shared data as rows of named cells (quoted commas handled; enough for these files).
std::vector<std::map<std::string, std::string>> read_rows(const std::string& rel) {
    std::ifstream in(test::data_dir() + "/" + rel);
    REQUIRE(in);
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // a byte-order mark
    auto head = test::split_csv_simple(line);
    std::vector<std::map<std::string, std::string>> out;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        auto cells = test::split_csv_simple(line);
        std::map<std::string, std::string> row;
        for (size_t i = 0; i < head.size() && i < cells.size(); ++i) row[head[i]] = cells[i];
        out.push_back(row);
    }
    return out;
}

std::optional<double> num(const std::string& s) { return s.empty() ? std::nullopt : std::optional<double>(std::stod(s)); }

struct Expected {
    std::map<std::string, std::map<std::string, std::optional<double>>> value;   // period -> code -> value
};

Expected expected(const std::string& file, const std::string& column) {
    Expected e;
    for (const auto& r : read_rows("stats/" + file)) e.value[r.at("period")][r.at("code")] = num(r.at(column));
    return e;
}

std::map<std::string, double> population() {
    std::map<std::string, double> p;
    for (const auto& r : read_rows("stats/population_mid2024.csv")) p[r.at("code")] = std::stod(r.at("value"));
    return p;
}

std::map<std::string, std::string> subregion_of() {
    std::map<std::string, std::string> s;
    for (const auto& r : read_rows("boundaries/sespm_subregions.csv")) s[r.at("lad_code")] = r.at("subregion");
    return s;
}

// `table` output as code -> column -> cell text.
std::map<std::string, std::map<std::string, std::string>> table(const std::vector<std::string>& args) {
    std::vector<std::string> a{"table"};
    a.insert(a.end(), args.begin(), args.end());
    a.insert(a.end(), {"--data", test::data_dir()});
    auto r = test::run_sespm(a);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto lines = test::lines(r.out);
    auto head = test::split_csv_simple(lines.at(0));
    std::map<std::string, std::map<std::string, std::string>> out;
    for (size_t i = 1; i < lines.size(); ++i) {
        auto cells = test::split_csv_simple(lines[i]);
        for (size_t c = 0; c < head.size(); ++c) out[cells[0]][head[c]] = cells[c];
    }
    return out;
}

void check_layer(const std::string& layer, const std::string& file, const std::string& count_col) {
    Expected e = expected(file, "value");
    auto pop = population();
    auto sub = subregion_of();
    for (const char* period : {"2025-12-31", "2026-06-30"}) {
        CAPTURE(period);
        auto t = table({"--layer", layer, "--within", "E12000008", "--period", period});
        REQUIRE(t.size() == 64);
        std::map<std::string, double> group_sum;
        double region = 0;
        for (const auto& [code, row] : t) {
            CAPTURE(code);
            auto v = e.value[period][code];
            if (!v) { CHECK(row.at(count_col).empty()); continue; }  // a blank is missing, never 0
            CHECK(std::stod(row.at(count_col)) == *v);
            double rate = *v / pop.at(code) * 10000;
            std::string rate_col = layer == "homes_for_ukraine" ? "arrivals_per_10k" : "per_10k";
            CHECK(std::stod(row.at(rate_col)) == doctest::Approx(std::round(rate * 100) / 100).epsilon(1e-9));
            region += *v;
            group_sum[sub.at(code)] += *v;
        }
        auto r = table({"--layer", layer, "--geography", "region", "--within", "E12000008", "--period", period});
        CHECK(std::stod(r.at("E12000008").at(count_col)) == region);
        auto g = table({"--layer", layer, "--geography", "subregion", "--within", "E12000008", "--period", period});
        REQUIRE(g.size() == 4);
        for (const auto& [code, row] : g) CHECK_MESSAGE(std::stod(row.at(count_col)) == group_sum.at(row.at("name")), row.at("name"));
    }
}

} // namespace

TEST_CASE("Homes for Ukraine: both editions per district, per 10,000, region and sub-region sums, the half-year change") {
    check_layer("homes_for_ukraine", "homes_for_ukraine_reg02_2025q4_2026q2.csv", "arrivals");
    Expected e = expected("homes_for_ukraine_reg02_2025q4_2026q2.csv", "value");
    auto t = table({"--layer", "homes_for_ukraine", "--within", "E12000008", "--since", "2025-12-31"});
    int checked = 0;
    for (const auto& [code, row] : t) {
        auto a = e.value["2025-12-31"][code], b = e.value["2026-06-30"][code];
        if (!a || !b) continue;
        CHECK(std::stod(row.at("change")) == *b - *a);  // arrivals in the half-year
        ++checked;
    }
    CHECK(checked == 64);
}

TEST_CASE("Afghan resettlement: both editions, the three housing parts, blanks as missing") {
    check_layer("afghan_resettlement", "afghan_resettlement_reg02_2025q4_2026q2.csv", "afghan_people");
    auto rows = read_rows("stats/afghan_resettlement_reg02_2025q4_2026q2.csv");
    auto t = table({"--layer", "afghan_resettlement", "--within", "all", "--period", "2026-06-30"});
    int blanks = 0;
    for (const auto& r : rows) {
        if (r.at("period") != "2026-06-30" || !t.count(r.at("code"))) continue;
        const auto& row = t.at(r.at("code"));
        if (r.at("value").empty()) {
            ++blanks;
            CHECK(row.at("transitional").empty());  // not published: the carrier's 0s are not shown
            continue;
        }
        CHECK(std::stod(row.at("transitional")) == std::stod(r.at("transitional")));
        CHECK(std::stod(row.at("settled_council_housing")) == std::stod(r.at("settled_la_housing")));
        CHECK(std::stod(row.at("settled_private_rented")) == std::stod(r.at("settled_prs_housing")));
    }
    CHECK(blanks > 0);
}

TEST_CASE("asylum_supported gains 30 June 2026 after a gap: no row for 31 March 2026") {
    auto r = test::run_sespm({"periods", "--layer", "asylum_supported", "--data", test::data_dir()});
    REQUIRE(r.exit_code == 0);
    auto p = test::lines(r.out);
    REQUIRE(p.size() >= 2);
    CHECK(p[p.size() - 2] == "2025-12-31");
    CHECK(p.back() == "2026-06-30");
    r = test::run_sespm({"trend", "--layer", "asylum_supported", "--geography", "region", "--within", "E12000008", "--from", "2025-01-01",
                         "--data", test::data_dir()});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("2026-03-31") == std::string::npos);
    double se = 0;
    for (const auto& row : read_rows("stats/asylum_supported_total_reg02_2026q2.csv"))
        if (subregion_of().count(row.at("code")) && !row.at("value").empty()) se += std::stod(row.at("value"));
    auto t = table({"--layer", "asylum_supported", "--geography", "region", "--within", "E12000008"});
    CHECK(std::stod(t.at("E12000008").at("supported")) == se);
}

TEST_CASE("programmes: the three programmes side by side, each figure the one its layer's table prints") {
    auto r = test::run_sespm({"programmes", "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto lines = test::lines(r.out);
    REQUIRE(lines.size() == 65);
    auto head = test::split_csv_simple(lines[0]);
    auto col = [&](const std::string& name) {
        for (size_t i = 0; i < head.size(); ++i) if (head[i] == name) return i;
        FAIL("no column " << name);
        return size_t(0);
    };
    auto hfu = table({"--layer", "homes_for_ukraine", "--within", "E12000008"});
    auto afg = table({"--layer", "afghan_resettlement", "--within", "E12000008"});
    auto old = table({"--layer", "resettlement", "--within", "E12000008"});
    for (size_t i = 1; i < lines.size(); ++i) {
        auto c = test::split_csv_simple(lines[i]);
        CAPTURE(c[0]);
        CHECK(c[col("homes_for_ukraine_arrivals")] == hfu.at(c[0]).at("arrivals"));
        CHECK(c[col("afghan_people")] == afg.at(c[0]).at("afghan_people"));
        CHECK(c[col("afghan_transitional")] == afg.at(c[0]).at("transitional"));
        CHECK(c[col("older_schemes_arrivals")] == old.at(c[0]).at("arrivals"));
    }
}
