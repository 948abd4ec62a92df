// test_report_accessible.cpp: the board report and `render -o FILE.pdf` as tagged, accessible
// PDFs, read back by two independent tools: poppler (`pdfinfo` says "Tagged: yes";
// `pdfinfo -struct-text` prints the structure tree's text, without the page furniture) and qpdf
// (`qpdf --check`; `qpdf --json` for the catalog's /Lang, /ViewerPreferences /DisplayDocTitle,
// the structure elements in document order with each Figure's /Alt, and the bookmarks; the page
// furniture marked /Artifact in the content streams). The
// dispersal map's alt text is checked against the three highest districts worked from `table`'s CSV.
#include <doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "helpers.h"

namespace {

using nlohmann::json;

void require_tool(const std::string& tool) {
    REQUIRE_MESSAGE(test::run_shell("command -v " + tool + " >/dev/null").exit_code == 0,
                    tool << " is missing: scripts/setup installs poppler-utils and qpdf");
}

struct Element {
    std::string type, alt;
    bool scope_column = false;
};

struct PdfFacts {
    json catalog, outlines;
    std::vector<Element> elements;   // the structure tree, depth first (document order)
};

std::string text_of(const json& v) {
    std::string s = v.is_string() ? v.get<std::string>() : "";
    return s.rfind("u:", 0) == 0 ? s.substr(2) : s;
}

const json& deref(const json& objects, const json& v) {
    if (v.is_string() && v.get<std::string>().size() > 2 && v.get<std::string>().substr(v.get<std::string>().size() - 2) == " R")
        return objects.at("obj:" + v.get<std::string>()).at("value");
    return v;
}

void walk(const json& objects, const json& node, std::vector<Element>& out) {
    const json& n = deref(objects, node);
    if (n.is_array()) {
        for (const auto& k : n) walk(objects, k, out);
        return;
    }
    if (!n.is_object() || !n.contains("/S")) return;
    Element e{n["/S"].get<std::string>(), n.contains("/Alt") ? text_of(n["/Alt"]) : "", false};
    if (n.contains("/A")) e.scope_column = deref(objects, n["/A"]).value("/Scope", "") == "/Column";
    out.push_back(e);
    if (n.contains("/K")) walk(objects, n["/K"], out);
}

PdfFacts read_pdf(const std::string& pdf) {
    auto r = test::run_shell("qpdf --json=2 --json-key=qpdf --json-key=outlines '" + pdf + "'");
    REQUIRE(r.exit_code == 0);
    json j = json::parse(r.out);
    const json& objects = j.at("qpdf").at(1);
    PdfFacts f;
    for (const auto& [key, o] : objects.items())
        if (o.contains("value") && o["value"].is_object() && o["value"].value("/Type", "") == "/Catalog") f.catalog = o["value"];
    REQUIRE(f.catalog.is_object());
    f.outlines = j.at("outlines");
    if (f.catalog.contains("/StructTreeRoot")) walk(objects, deref(objects, f.catalog["/StructTreeRoot"]).value("/K", json()), f.elements);
    return f;
}

size_t count(const PdfFacts& f, const std::string& type) {
    return static_cast<size_t>(std::count_if(f.elements.begin(), f.elements.end(), [&](const Element& e) { return e.type == type; }));
}

// The basics every accessible PDF of ours has, whichever command wrote it.
void check_accessible(const std::string& pdf, const PdfFacts& f) {
    CHECK(test::run_shell("qpdf --check '" + pdf + "' >/dev/null").exit_code == 0);
    auto info = test::run_shell("pdfinfo '" + pdf + "'").out;
    CHECK_MESSAGE(info.find("Tagged:          yes") != std::string::npos, info);
    CHECK(text_of(f.catalog.value("/Lang", json())) == "en-GB");
    CHECK(f.catalog.value("/ViewerPreferences", json::object()).value("/DisplayDocTitle", false) == true);
    REQUIRE(count(f, "/Figure") > 0);
    for (const auto& e : f.elements)
        if (e.type == "/Figure") CHECK_MESSAGE(e.alt.size() > 40, "a Figure with too little alt text: \"" << e.alt << "\"");
}

// The three highest districts by share of the cluster limit, from `table`'s CSV: "Name 57.6".
std::vector<std::string> top_three(const std::string& csv) {
    auto rows = test::lines(csv);
    auto head = test::split_csv_simple(rows.at(0));
    size_t col = std::find(head.begin(), head.end(), "share_of_limit_pct") - head.begin();
    REQUIRE(col < head.size());
    std::vector<std::pair<double, std::string>> ranked;
    for (size_t i = 1; i < rows.size(); ++i) {
        auto v = test::split_csv_simple(rows[i]);
        if (!v[col].empty()) ranked.push_back({-std::stod(v[col]), v[1] + " " + v[col]});
    }
    std::sort(ranked.begin(), ranked.end());
    REQUIRE(ranked.size() >= 3);
    return {ranked[0].second, ranked[1].second, ranked[2].second};
}

bool any_alt_has_all(const PdfFacts& f, const std::vector<std::string>& wanted) {
    for (const auto& e : f.elements) {
        if (e.type != "/Figure") continue;
        bool all = true;
        for (const auto& w : wanted) all = all && e.alt.find(w) != std::string::npos;
        if (all) return true;
    }
    return false;
}

} // namespace

TEST_CASE("the board report is a tagged PDF: en-GB, title shown, headings, tables, lists, figures with alt text, bookmarks") {
    require_tool("qpdf");
    require_tool("pdfinfo");
    test::ScratchDir d;
    std::string data = test::data_dir(), pdf = d.file("board.pdf");
    auto r = test::run_sespm({"report", "-o", pdf, "--data", data});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    PdfFacts f = read_pdf(pdf);
    check_accessible(pdf, f);
    REQUIRE(!f.elements.empty());
    auto first_heading = std::find_if(f.elements.begin(), f.elements.end(), [](const Element& e) { return e.type.rfind("/H", 0) == 0; });
    REQUIRE(first_heading != f.elements.end());
    CHECK(first_heading->type == "/H1");
    CHECK(count(f, "/H2") >= 12);
    CHECK(count(f, "/Table") >= 6);
    CHECK(count(f, "/TH") >= 30);
    CHECK(count(f, "/TD") >= 500);
    for (const auto& e : f.elements) if (e.type == "/TH") CHECK(e.scope_column);
    CHECK(count(f, "/L") >= 1);
    CHECK(count(f, "/LI") >= 3);
    CHECK(count(f, "/Figure") >= 10);
    CHECK(count(f, "/Document") == 1);

    auto table = test::run_sespm({"table", "--layer", "dispersal", "--within", "E12000008", "--data", data});
    REQUIRE(table.exit_code == 0);
    std::vector<std::string> want = top_three(table.out);
    want.push_back("Asylum dispersal");
    CHECK_MESSAGE(any_alt_has_all(f, want), "no Figure's alt names the dispersal layer and " << want[0] << ", " << want[1] << ", " << want[2]);

    // bookmarks survive the rewrite; the running header and page numbers are not in the structure
    CHECK(f.outlines.size() >= 12);
    bool dispersal_bookmark = false;
    for (const auto& o : f.outlines) dispersal_bookmark = dispersal_bookmark || o.value("title", "") == "Asylum dispersal";
    CHECK(dispersal_bookmark);
    auto tree = test::run_shell("pdfinfo -struct-text '" + pdf + "'");
    REQUIRE(tree.exit_code == 0);
    CHECK(tree.out.find("What the figures say") != std::string::npos);
    CHECK(tree.out.find("page 3") == std::string::npos);
    CHECK(test::run_shell("pdftotext '" + pdf + "' -").out.find("page 3") != std::string::npos);
    // ... because they are artifacts: every page's content marks its furniture so
    auto qdf = test::run_shell("qpdf --qdf --object-streams=disable '" + pdf + "' -");
    REQUIRE(qdf.exit_code == 0);
    size_t artifacts = 0;
    for (size_t p = qdf.out.find("/Artifact BMC"); p != std::string::npos; p = qdf.out.find("/Artifact BMC", p + 1)) ++artifacts;
    CHECK(artifacts >= 2 * 20);   // at least the running header and the footer of each of 20-odd pages
}

TEST_CASE("render -o FILE.pdf is a tagged PDF: en-GB, the title as H1, the map a Figure whose alt names its highest areas") {
    require_tool("qpdf");
    require_tool("pdfinfo");
    test::ScratchDir d;
    std::string data = test::data_dir();
    for (bool legend : {true, false}) {
        CAPTURE(legend);
        std::string pdf = d.file(legend ? "legend.pdf" : "plain.pdf");
        std::vector<std::string> args{"render", "-o", pdf, "--within", "E12000008", "--data", data};
        if (legend) args.push_back("--legend");
        auto r = test::run_sespm(args);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        PdfFacts f = read_pdf(pdf);
        check_accessible(pdf, f);
        CHECK(count(f, "/Figure") == 1);
        if (legend) CHECK(count(f, "/H1") == 1);
        auto table = test::run_sespm({"table", "--layer", "dispersal", "--within", "E12000008", "--data", data});
        CHECK(any_alt_has_all(f, top_three(table.out)));
    }
}
