// test_board_figures.cpp: the board's figures worked out here from the CSVs (the tests' own
// naive reader, never the program's): the change on the quarter / half-year / year by date
// (across the missing 31 March 2026), as `changes` and the report print it for the South East
// and each sub-region; one limit rule (a group's cluster limit is the sum of its members'
// limits, so every table's rows add up to its total) for sub-regions, counties, LEPs and the
// region; and the date rule's own cases.
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "rules/dated_change.h"
#include "rules/periods.h"
#include "helpers.h"

using namespace sespm;

namespace {

const char* kSupportedSeries = "stats/asylum_supported_total_timeseries_2014q1_2025q4.csv";
const char* kSupportedJun2026 = "stats/asylum_supported_total_reg02_2026q2.csv";

// Sub-region name -> its district codes, from the partnership's own list; "South East" -> all.
std::map<std::string, std::vector<std::string>> subregion_members() {
    std::map<std::string, std::vector<std::string>> out;
    for (auto& r : test::rows_of("boundaries/sespm_subregions.csv")) {
        out[r["subregion"]].push_back(r["lad_code"]);
        out["South East"].push_back(r["lad_code"]);
    }
    return out;
}

// The supported total of `codes` at `period` from the CSVs; nullopt when none has a row.
std::optional<double> supported_sum(const std::vector<std::string>& codes, const std::string& period) {
    auto at = test::series_at(kSupportedSeries, period);
    for (const auto& [code, v] : test::series_at(kSupportedJun2026, period)) at[code] = v;
    std::optional<double> sum;
    for (const auto& c : codes)
        if (auto it = at.find(c); it != at.end()) sum = sum.value_or(0) + it->second;
    return sum;
}

// The rows `changes` printed, by (list, since, name).
std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::string>> change_rows(const std::string& csv) {
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::string>> out;
    auto rows = test::lines(csv);
    REQUIRE(!rows.empty());
    CHECK(rows[0] == "list,since,period,code,name,before,after,change,trigger_pct");
    for (size_t i = 1; i < rows.size(); ++i) {
        auto c = test::split_csv_simple(rows[i]);
        out[{c[0], c[1], c[4]}] = c;
    }
    return out;
}

std::string signed_whole(double v) {
    long n = std::lround(std::fabs(v));
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
    return (v > 0 ? "+" : v < 0 ? "-" : "±") + digits;
}

std::string squeezed(const std::string& text) {  // pdftotext's line breaks and runs of spaces as one space
    std::string out;
    for (char ch : text) {
        char c = ch == '\n' || ch == '\f' ? ' ' : ch;
        if (c == ' ' && !out.empty() && out.back() == ' ') continue;
        out += c;
    }
    return out;
}

} // namespace

TEST_CASE("the date rule: months_before and change_by_date, a table of cases") {
    struct Case { const char* from; int months; const char* want; };
    for (const Case& c : std::vector<Case>{{"2026-06-30", 3, "2026-03-31"}, {"2026-06-30", 6, "2025-12-31"}, {"2026-06-30", 12, "2025-06-30"},
                                           {"2024-03-31", 3, "2023-12-31"}, {"2024-05-31", 3, "2024-02-29"}, {"2023-05-31", 3, "2023-02-28"},
                                           {"2024-02-29", 12, "2023-02-28"}, {"2024-03-15", 3, "2023-12-15"}, {"2025-03-31", 12, "2024-03-31"},
                                           {"2020-01-31", 1, "2019-12-31"}}) {
        CAPTURE(c.from);
        CHECK(months_before(c.from, c.months) == c.want);
    }
    std::vector<std::string> ps{"2025-06-30", "2025-09-30", "2025-12-31", "2026-06-30"};
    std::vector<std::optional<double>> n{6973, 7100, 7472, 6646};
    DatedChange q = change_by_date(ps, n, "2026-06-30", 3), h = change_by_date(ps, n, "2026-06-30", 6), y = change_by_date(ps, n, "2026-06-30", 12);
    CHECK(q.since == "2026-03-31");
    CHECK_FALSE(q.published);
    CHECK_FALSE(q.change.has_value());
    CHECK(change_phrase(q) == "no figure for 31 Mar 2026");
    CHECK(h.change == -826);
    CHECK(y.change == -327);
    CHECK(change_phrase(y, false) == "-327 since 30 Jun 2025");
    CHECK(period_step_months(ps) == 3);
    // a census: the same month ten years before, whatever its day
    DatedChange census = change_by_date({"2011-03-27", "2021-03-21"}, {100, 130}, "2021-03-21", 120);
    CHECK(census.published);
    CHECK(census.since == "2011-03-27");
    CHECK(census.change == 30);
    CHECK(change_by_date({"2011-03-27", "2021-03-21"}, {}, "2021-03-21", 120).since == "2011-03-27");  // the dates alone
    CHECK(period_step_months({"2021-03-31", "2022-03-31", "2024-03-31"}) == 12);
}

TEST_CASE("changes by date: the South East and each sub-region at three periods, across the missing 31 Mar 2026") {
    auto members = subregion_members();
    REQUIRE(members.size() == 5);
    REQUIRE(members["South East"].size() == 64);
    for (const char* period : {"2026-06-30", "2025-12-31", "2024-09-30"}) {
        CAPTURE(period);
        std::string csv, err;
        for (const char* g : {"subregion", "region"}) {
            auto r = test::run_sespm({"changes", "--layer", "asylum_supported", "--geography", g, "--period", period, "--top", "10",
                                      "--data", test::data_dir()});
            REQUIRE_MESSAGE(r.exit_code == 0, r.err);
            csv += csv.empty() ? r.out : r.out.substr(r.out.find('\n') + 1);
            err += r.err;
        }
        auto got = change_rows(csv);
        int compared = 0;
        for (const auto& [name, codes] : members) {
            std::string shown = name == "South East" ? "South East" : name;
            for (int months : {3, 12}) {
                std::string since = months_before(period, months);
                CAPTURE(name);
                CAPTURE(since);
                auto now = supported_sum(codes, period), then = supported_sum(codes, since);
                bool any_rise_or_fall = false;
                for (const char* list : {"rise", "fall"}) {
                    for (const auto& [key, row] : got)
                        if (std::get<0>(key) == list && std::get<1>(key) == since && std::get<2>(key).find(shown) != std::string::npos) {
                            any_rise_or_fall = true;
                            REQUIRE(now);
                            REQUIRE(then);
                            CHECK(std::stod(row[5]) == *then);
                            CHECK(std::stod(row[6]) == *now);
                            CHECK(std::stod(row[7]) == *now - *then);
                            CHECK(std::string(list) == (*now > *then ? "rise" : "fall"));
                            ++compared;
                        }
                }
                // a date without figures is said, and nothing is compared with another date
                if (!then) CHECK_MESSAGE(err.find("no figures for " + since) != std::string::npos, err);
                if (now && then && *now != *then) CHECK(any_rise_or_fall);
                if (!then) CHECK_FALSE(any_rise_or_fall);
            }
        }
        CHECK(compared >= 5);  // 30 Jun 2026: the year only (no 31 Mar 2026)
        for (const auto& [key, row] : got) {  // every comparison is 3 or 12 months back by date
            if (std::get<0>(key) != "rise" && std::get<0>(key) != "fall") continue;
            CHECK((std::get<1>(key) == months_before(period, 3) || std::get<1>(key) == months_before(period, 12)));
        }
    }
}

TEST_CASE("the report's headline change on the half-year and the year, by date, for the South East and each sub-region pack") {
    REQUIRE_MESSAGE(test::run_shell("command -v pdftotext >/dev/null").exit_code == 0, "pdftotext (poppler-utils) is needed");
    auto members = subregion_members();
    std::map<std::string, std::string> packs{{"South East", ""}, {"Kent", "SESPM-KENT"}, {"Hampshire & Isle of Wight", "SESPM-HAMPSHIRE-ISLE-OF-WIGHT"},
                                             {"Sussex & Surrey", "SESPM-SUSSEX-SURREY"}, {"Thames Valley", "SESPM-THAMES-VALLEY"}};
    test::ScratchDir d;
    for (const auto& [name, code] : packs) {
        CAPTURE(name);
        std::vector<std::string> args{"report", "-o", d.file("p.pdf"), "--data", test::data_dir()};
        if (!code.empty()) args.insert(args.end(), {"--subregion", code});
        auto r = test::run_sespm(args);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        std::string text = squeezed(test::run_shell("pdftotext '" + d.file("p.pdf") + "' -").out);
        auto now = supported_sum(members[name], "2026-06-30"), half = supported_sum(members[name], "2025-12-31"),
             year = supported_sum(members[name], "2025-06-30");
        REQUIRE(now);
        REQUIRE(half);
        REQUIRE(year);
        std::string want = signed_whole(*now - *half) + " on the half-year, " + signed_whole(*now - *year) + " on the year";
        CHECK_MESSAGE(text.find(want) != std::string::npos, want);
        if (name == "South East") CHECK(want == "-826 on the half-year, -327 on the year");  // the figures, by hand
        // the title follows the area chosen
        std::string title = "SESPM board report: migration in " + std::string(name == "South East" ? "the South East" : name);
        CHECK_MESSAGE(test::run_shell("pdfinfo '" + d.file("p.pdf") + "'").out.find(title) != std::string::npos, title);
        if (name != "South East") CHECK(text.find("migration in the South East") == std::string::npos);
    }
}

TEST_CASE("one limit rule: a group's cluster limit is the sum of its districts' limits, so a table's rows add up") {
    auto pop = test::population(false);
    auto limit_of = [&](const std::vector<std::string>& codes) {
        double sum = 0;
        for (const auto& c : codes) {
            REQUIRE_MESSAGE(pop.count(c), c);
            sum += std::floor(pop[c] / 200);
        }
        return sum;
    };
    std::map<std::string, std::vector<std::string>> groups;  // group code -> its districts, from the data files
    for (auto& [name, codes] : subregion_members()) groups[name] = codes;
    for (auto& r : test::rows_of("boundaries/lad_lep_lookup.csv")) groups[r["lep_code"]].push_back(r["lad_code"]);
    auto counties = nlohmann::json::parse(test::read_file(test::data_dir() + "/boundaries/counties.geojson"));
    for (const auto& f : counties["features"]) {
        std::string list = f["properties"]["lad_codes"].get<std::string>();
        for (size_t a = 0, b; a <= list.size(); a = b + 1) {
            b = list.find(';', a);
            if (b == std::string::npos) b = list.size();
            groups[f["properties"]["code"].get<std::string>()].push_back(list.substr(a, b - a));
        }
    }
    int checked = 0;
    for (const char* g : {"subregion", "county", "lep", "region"}) {
        CAPTURE(g);
        auto r = test::run_sespm({"table", "--layer", "dispersal", "--geography", g, "--within", "E12000008", "--data", test::data_dir()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        auto rows = test::lines(r.out);
        auto head = test::split_csv_simple(rows.at(0));
        size_t limit_col = std::find(head.begin(), head.end(), "cluster_limit") - head.begin();
        REQUIRE(limit_col < head.size());
        for (size_t i = 1; i < rows.size(); ++i) {
            auto c = test::split_csv_simple(rows[i]);
            std::string key = std::string(g) == "region" ? "South East" : std::string(g) == "subregion" ? c[1] : c[0];
            CAPTURE(c[1]);
            REQUIRE(groups.count(key));
            CHECK(std::stod(c[limit_col]) == limit_of(groups[key]));
            ++checked;
        }
    }
    CHECK(checked > 20);
    CHECK(limit_of(subregion_members()["South East"]) == 48183);  // the figure, not floor(region / 200) = 48,214
    // a district's agreed ratio counts in its groups' limits: Portsmouth at 1 per 150
    auto r = test::run_sespm({"table", "--layer", "dispersal", "--geography", "subregion", "--within", "E12000008", "--ratio", "E06000044=150",
                              "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    double hampshire = limit_of(groups["Hampshire & Isle of Wight"]) - std::floor(pop["E06000044"] / 200) + std::floor(pop["E06000044"] / 150);
    bool seen = false;
    for (const auto& line : test::lines(r.out)) {
        auto c = test::split_csv_simple(line);
        if (c.size() < 2 || c[1] != "Hampshire & Isle of Wight") continue;
        auto head = test::split_csv_simple(test::lines(r.out)[0]);
        size_t limit_col = std::find(head.begin(), head.end(), "cluster_limit") - head.begin();
        CHECK(std::stod(c.at(limit_col)) == hampshire);
        seen = true;
    }
    CHECK(seen);
    CHECK(hampshire > limit_of(groups["Hampshire & Isle of Wight"]));
}

TEST_CASE("honest classes: over and under a limit never share a colour; a sub-region's pages use the region's classes") {
    struct Case { const char* layer; const char* geography; const char* within; const char* share; };
    test::ScratchDir d;
    int over_seen = 0;
    for (const Case& c : std::vector<Case>{{"uasc", "county", "E12000008", "share_of_threshold_pct"},
                                           {"uasc", "county", "SESPM-KENT", "share_of_threshold_pct"},
                                           {"asylum_supported", "district", "E12000008", "share_of_limit_pct"}}) {
        CAPTURE(c.layer);
        CAPTURE(c.within);
        auto r = test::run_sespm({"export", "--layer", c.layer, "--geography", c.geography, "--within", c.within, "-o", d.file("x.geojson"),
                                  "--data", test::data_dir()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        std::map<std::string, std::set<bool>> sides;  // fill -> over (share above 100) or not
        const auto doc = nlohmann::json::parse(test::read_file(d.file("x.geojson")));
        for (const auto& f : doc["features"]) {
            const auto& p = f["properties"];
            if (!p[c.share].is_number()) continue;
            bool over = p[c.share].get<double>() > 100;
            over_seen += over;
            sides[p["fill"].get<std::string>()].insert(over);
        }
        for (const auto& [fill, s] : sides) CHECK_MESSAGE(s.size() == 1, fill << " colours areas over and under the limit");
        CHECK(sides.size() >= 2);
    }
    CHECK(over_seen >= 2);  // Kent is over its NTS threshold: the check above is not vacuous
    // the pack: the Kent page's legend is the South East page's, and says whose classes they are
    REQUIRE_MESSAGE(test::run_shell("command -v pdftotext >/dev/null").exit_code == 0, "pdftotext (poppler-utils) is needed");
    REQUIRE(test::run_sespm({"report", "-o", d.file("se.pdf"), "--data", test::data_dir()}).exit_code == 0);
    auto page_of = [&](const std::string& heading) {
        for (int p = 1; p < 40; ++p) {
            std::string t = test::run_shell("pdftotext -f " + std::to_string(p) + " -l " + std::to_string(p) + " '" + d.file("se.pdf") + "' -").out;
            if (t.empty()) break;
            if (squeezed(t).find(heading) != std::string::npos) return squeezed(t);
        }
        return std::string();
    };
    std::string region = page_of("Asylum dispersal against the cluster limit People"), kent = page_of("Kent: ");
    REQUIRE(!region.empty());
    REQUIRE(!kent.empty());
    CHECK(kent.find("the South East's classes") != std::string::npos);
    for (const char* bound : {"0.1 – 0.4", "8.1 – 57.6"}) {  // the region's classes, pooled over every quarter
        CHECK_MESSAGE(region.find(bound) != std::string::npos, bound);
        CHECK_MESSAGE(kent.find(bound) != std::string::npos, bound);
    }
    // the Kent pack: every map coloured by the share of the cluster limit (dispersal, ESOL) in those classes
    REQUIRE(test::run_sespm({"report", "-o", d.file("kent.pdf"), "--subregion", "SESPM-KENT", "--data", test::data_dir()}).exit_code == 0);
    int legends = 0;
    for (int p = 1; p < 40; ++p) {
        std::string t = squeezed(test::run_shell("pdftotext -f " + std::to_string(p) + " -l " + std::to_string(p) + " '" + d.file("kent.pdf") + "' - 2>/dev/null").out);
        if (t.empty()) break;
        if (t.find("Share of the cluster limit (%) (") == std::string::npos) continue;
        CAPTURE(p);
        ++legends;
        CHECK(t.find("8.1 – 57.6") != std::string::npos);
    }
    CHECK(legends >= 3);  // the dispersal page, the Kent page, the ESOL page
}

TEST_CASE("the pack's own area: the ESOL page counts the providers in it, from the providers' file") {
    REQUIRE_MESSAGE(test::run_shell("command -v pdftotext >/dev/null").exit_code == 0, "pdftotext (poppler-utils) is needed");
    auto members = subregion_members();
    std::map<std::string, int> providers;  // sub-region (and "South East") -> colleges in it
    std::map<std::string, std::string> sub_of;
    for (const auto& [name, codes] : members)
        if (name != "South East") for (const auto& c : codes) sub_of[c] = name;
    for (auto& r : test::rows_of("stats/fe_colleges_south_east.csv")) {
        if (!sub_of.count(r["lad_code"])) continue;
        ++providers[sub_of[r["lad_code"]]];
        ++providers["South East"];
    }
    test::ScratchDir d;
    for (const auto& [name, code] : std::map<std::string, std::string>{{"South East", ""}, {"Kent", "SESPM-KENT"}}) {
        CAPTURE(name);
        std::vector<std::string> args{"report", "-o", d.file("p.pdf"), "--data", test::data_dir()};
        if (!code.empty()) args.insert(args.end(), {"--subregion", code});
        REQUIRE(test::run_sespm(args).exit_code == 0);
        std::string text = squeezed(test::run_shell("pdftotext '" + d.file("p.pdf") + "' -").out);
        std::string want = std::to_string(providers[name]) + " providers in " + (name == "South East" ? "the South East" : name);
        CHECK_MESSAGE(text.find(want) != std::string::npos, want);
        CHECK(text.find("(±0)") == std::string::npos);  // no unchanged district among the largest rises or falls
        CHECK(text.find(" 1 rows") == std::string::npos);
        CHECK(text.find("1 of 19 councils are") == std::string::npos);
    }
}

TEST_CASE("the pack as a whole: no nearly blank page in the South East and Kent packs") {
    REQUIRE_MESSAGE(test::run_shell("command -v pdftotext >/dev/null").exit_code == 0, "pdftotext (poppler-utils) is needed");
    test::ScratchDir d;
    for (const auto& code : std::vector<std::string>{"", "SESPM-KENT"}) {
        CAPTURE(code);
        std::vector<std::string> args{"report", "-o", d.file("p.pdf"), "--data", test::data_dir()};
        if (!code.empty()) args.insert(args.end(), {"--subregion", code});
        REQUIRE(test::run_sespm(args).exit_code == 0);
        // poppler's word boxes: how far down each page its content reaches, above the footer
        std::string bbox = test::run_shell("pdftotext -bbox '" + d.file("p.pdf") + "' -").out;
        std::vector<double> reach;
        double height = 0;
        for (const auto& line : test::lines(bbox)) {
            if (auto at = line.find("<page "); at != std::string::npos) {
                height = std::stod(line.substr(line.find("height=\"", at) + 8));
                reach.push_back(0);
            } else if (auto y = line.find("yMax=\""); y != std::string::npos && !reach.empty()) {
                double v = std::stod(line.substr(y + 6));
                if (v < height - 80) reach.back() = std::max(reach.back(), v / height);  // the footer's attribution left out
            }
        }
        REQUIRE(reach.size() >= 10);
        for (size_t p = 0; p < reach.size(); ++p) CHECK_MESSAGE(reach[p] > 0.25, "page " << p + 1 << " ends at " << reach[p] << " of its height");
    }
}
