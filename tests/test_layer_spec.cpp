// test_layer_spec.cpp: layer files: the shipped ones load; hand-edited mistakes are named.
#include <doctest.h>

#include "core/error.h"
#include "rules/cell.h"
#include "rules/layer_spec.h"
#include "rules/measures.h"
#include "helpers.h"

using namespace sespm;

static const char* kGood = R"({
  "id": "x", "title": "X", "kind": "rate", "period": "2024", "attribution": "A",
  "count": {"file": "stats/a.csv", "column": "n"},
  "denominator": {"value": "pop", "column": "population"},
  "rate": {"per": 100, "column": "pct"},
  "classification": {"method": "jenks", "classes": 4, "palette": "blues"}
})";

TEST_CASE("the shipped layer files all load, with the expected ids") {
    auto layers = read_layer_dir(test::layers_dir());
    std::vector<std::string> ids;
    for (const auto& l : layers) ids.push_back(l.id);
    CHECK(ids == std::vector<std::string>{"afghan_resettlement", "all_three_pathways", "asylum_supported", "claimant_count", "deprivation", "dispersal",
                                          "employment_rate", "esol", "eu_born", "gdhi_per_head", "homes_for_ukraine",
                                          "housing_affordability", "median_pay", "nepali", "net_additions", "nino_registrations",
                                          "resettlement", "temporary_accommodation", "uasc"});
    for (const auto& l : layers) {
        CAPTURE(l.id);
        CHECK(!l.attribution.empty());
        CHECK(!l.period.empty());
    }
}

TEST_CASE("a valid layer file parses with defaults filled in") {
    LayerSpec s = parse_layer_spec(kGood, "x.json");
    CHECK(s.id == "x");
    CHECK(s.rate_per == 100);
    CHECK(s.denominator->file.empty());
    CHECK(s.class_measure == "pct");
    CHECK(s.classes == 4);
}

TEST_CASE("mistakes in layer files name the file and the key") {
    struct Case { std::string from, to, key; };
    const Case cases[] = {
        {"\"id\": \"x\",", "\"id\": \"x\", \"colour\": 1,", "colour"},
        {"\"title\": \"X\",", "", "title"},
        {"stats/a.csv", "../secret.csv", "count.file"},
        {"stats/a.csv", "stats/../../x.csv", "count.file"},
        {"stats/a.csv", "/etc/passwd", "count.file"},
        {"\"classes\": 4", "\"classes\": 0", "classification.classes"},
        {"\"classes\": 4", "\"classes\": 100", "classification.classes"},
        {"\"jenks\"", "\"kmeans\"", "classification.method"},
        {"\"blues\"", "\"rainbow\"", "classification.palette"},
        {"\"kind\": \"rate\"", "\"kind\": \"heat\"", "kind"},
        {"\"per\": 100", "\"per\": \"100\"", "rate.per"},
        {"\"column\": \"n\"", "\"column\": \"n\", \"extra\": 1", "count.extra"},
    };
    for (const auto& c : cases) {
        std::string text = kGood;
        auto pos = text.find(c.from);
        REQUIRE(pos != std::string::npos);
        text.replace(pos, c.from.size(), c.to);
        CAPTURE(text);
        try {
            parse_layer_spec(text, "layers/x.json");
            FAIL("accepted a bad layer file");
        } catch (const DataError& e) {
            std::string m = e.what();
            CHECK(m.find("layers/x.json") != std::string::npos);
            CHECK(m.find("'" + c.key + "'") != std::string::npos);
        }
    }
    CHECK_THROWS_WITH_AS(parse_layer_spec("{ not json", "layers/b.json"), doctest::Contains("layers/b.json"), DataError);
}

TEST_CASE("column titles come from the layer file's titles, else word by word (never inside a word)") {
    struct Case { const char* column; const char* title; };
    const Case fallback[] = {
        {"residents", "Residents"}, {"share_of_limit_pct", "Share of limit (%)"}, {"per_10k", "Per 10,000"},
        {"children_0_17", "Children (0-17)"}, {"nts_threshold", "NTS threshold"}, {"uasc", "UASC"},
        {"eu_born_pct", "EU born (%)"}, {"tenants", "Tenants"}, {"members_without_figure", "Of which no published figure"}};
    for (const auto& c : fallback) {
        CAPTURE(c.column);
        CHECK(column_title(c.column) == c.title);
    }
    std::string text = kGood;
    text.insert(text.rfind('}'), R"x(, "titles": {"population": "Residents (2021)", "pct": "Share (%)"})x");
    LayerSpec s = parse_layer_spec(text, "x.json");
    CHECK(column_title(s, "population") == "Residents (2021)");
    CHECK(column_title(s, "n") == "N");
    // every shipped layer titles its columns: no tooltip or table header is guessed
    for (const auto& l : read_layer_dir(test::layers_dir())) {
        CAPTURE(l.id);
        for (const auto& c : l.has_figures() ? measure_columns(l) : std::vector<std::string>{l.points_count_column})
            if (c != "code" && c != "name") CHECK_MESSAGE(l.column_titles.count(c) == 1, c);
    }
    // a title for a column the layer does not have is a mistake, named
    text = kGood;
    text.insert(text.rfind('}'), R"(, "titles": {"populaton": "Residents"})");
    try {
        parse_layer_spec(text, "x.json");
        FAIL("expected a DataError");
    } catch (const DataError& e) {
        CHECK(std::string(e.what()).find("titles.populaton") != std::string::npos);
    }
}
