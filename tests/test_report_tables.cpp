// test_report_tables.cpp: the board report's tables read as a person reads them, checked on every
// page of the South East pack and the four sub-region packs by poppler's `pdftotext -bbox-layout`
// (each word's box on the page): no two words overlap (a heading printed over a figure, a name run
// into the next column), no word is broken with a hyphen or cut with an ellipsis (these packs have
// room for every heading word and every name), figures of four digits or more carry thousands
// separators, and the annex's figure columns are right-aligned (a shared right edge).
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

#include "helpers.h"

namespace {

struct Word {
    double x0, y0, x1, y1;
    std::string text;
};
using Page = std::vector<Word>;

void require_tool(const std::string& tool) {
    REQUIRE_MESSAGE(test::run_shell("command -v " + tool + " >/dev/null").exit_code == 0,
                    tool << " is missing: scripts/setup installs poppler-utils and qpdf");
}

double attr(const std::string& tag, const std::string& name) {
    size_t p = tag.find(name + "=\"");
    REQUIRE(p != std::string::npos);
    return std::stod(tag.substr(p + name.size() + 2));
}

std::string unescape(std::string s) {
    for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}})
        for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
    return s;
}

// Every page's words with their boxes (points, y down), as poppler finds them.
std::vector<Page> words_of(const std::string& pdf) {
    auto r = test::run_shell("pdftotext -bbox-layout '" + pdf + "' -");
    REQUIRE(r.exit_code == 0);
    std::vector<Page> pages;
    const std::string& x = r.out;
    for (size_t p = x.find('<'); p != std::string::npos; p = x.find('<', p + 1)) {
        if (x.compare(p, 6, "<page ") == 0) pages.emplace_back();
        if (x.compare(p, 6, "<word ") != 0) continue;
        size_t close = x.find('>', p), end = x.find("</word>", close);
        std::string tag = x.substr(p, close - p);
        REQUIRE(!pages.empty());
        pages.back().push_back({attr(tag, "xMin"), attr(tag, "yMin"), attr(tag, "xMax"), attr(tag, "yMax"), unescape(x.substr(close + 1, end - close - 1))});
    }
    return pages;
}

// Two words overlap when their boxes share more than a sliver both ways (lines of one paragraph
// touch; a heading printed over a figure shares most of its height).
bool overlap(const Word& a, const Word& b) {
    double w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0), h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
    return w > 0.8 && h > 0.3 * std::min(a.y1 - a.y0, b.y1 - b.y0);
}

size_t letters(const std::string& s) {
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// A word cut with an ellipsis: poppler shows "…", or (cairo writes the cut text as the ellipsis's
// ActualText) the whole text squeezed into the ellipsis's width.
bool broken(const Word& word) {
    const std::string& w = word.text;
    if (letters(w) >= 3 && (word.x1 - word.x0) / letters(w) < 0.2 * (word.y1 - word.y0)) return true;
    if (w.find("\xE2\x80\xA6") != std::string::npos) return true;                      // … an ellipsis
    if (w.size() > 3 && w.compare(w.size() - 3, 3, "\xE2\x80\x90") == 0) return true;  // ‐ a hyphen pango inserted
    return w.size() > 1 && w.back() == '-' && std::isalpha(static_cast<unsigned char>(w[w.size() - 2]));
}

void check_pack(const std::string& pdf, const std::string& pack) {
    auto pages = words_of(pdf);
    REQUIRE(pages.size() >= 10);
    static const std::regex bare_number(R"(^[-+]?\d{4,}(\.\d+)?%?$)");
    int overlaps = 0;
    for (size_t p = 0; p < pages.size(); ++p) {
        const Page& ws = pages[p];
        for (size_t i = 0; i < ws.size(); ++i) {
            CHECK_MESSAGE(!broken(ws[i]), pack << " page " << p + 1 << ": \"" << ws[i].text << "\" is cut or hyphenated");
            if (std::regex_match(ws[i].text, bare_number)) {
                double v = std::stod(ws[i].text);
                CHECK_MESSAGE((v >= 1990 && v <= 2100), pack << " page " << p + 1 << ": " << ws[i].text << " has no thousands separator");
            }
            for (size_t j = i + 1; j < ws.size(); ++j)
                if (overlap(ws[i], ws[j]) && ++overlaps <= 40)
                    CHECK_MESSAGE(false, pack << " page " << p + 1 << ": \"" << ws[i].text << "\" overlaps \"" << ws[j].text << "\" at ("
                                              << ws[i].x0 << ", " << ws[i].y0 << ")");
        }
    }
    CHECK_MESSAGE(overlaps == 0, pack << ": " << overlaps << " overlapping pairs of words");
}

// The annex's first page ("Annex: every district") has figure columns that end at one x.
void check_right_aligned(const std::vector<Page>& pages) {
    static const std::regex figure(R"(^[-+]?[\d,]+(\.\d+)?%?$)");
    const Page* annex = nullptr;
    for (const auto& p : pages)
        for (const auto& w : p) if (w.text == "Annex:" && !annex) annex = &p;
    REQUIRE(annex != nullptr);
    std::map<long, int> right_edges;
    for (const auto& w : *annex) if (std::regex_match(w.text, figure)) ++right_edges[std::lround(w.x1 * 2)];
    int columns = 0;
    for (const auto& [x, n] : right_edges) columns += n >= 20;
    CHECK_MESSAGE(columns >= 5, "figure columns with a shared right edge on the annex page: " << columns);
}

} // namespace

TEST_CASE("the board report's tables: no overlapping words, no broken names or headings, figures right-aligned with separators") {
    require_tool("pdftotext");
    test::ScratchDir d;
    std::string data = test::data_dir();
    // the South East's pack with a fair-share scenario: its explanation table (four pressures) too
    const std::string project = d.file("p.sespm");
    auto made = test::run_sespm({"scenario", "allocate", "--within", "E12000008", "--data", data, "--total", "7200", "--rule", "factors",
                                 "--factor", "housing_affordability=1", "--factor", "temporary_accommodation=0.5", "--factor",
                                 "deprivation=0.5", "--factor", "dispersal=1", "--as", "stock", "--project", project, "--save", "Fair"});
    REQUIRE_MESSAGE(made.exit_code == 0, made.err);
    for (std::string sub : {"", "SESPM-KENT", "SESPM-HAMPSHIRE-ISLE-OF-WIGHT", "SESPM-SUSSEX-SURREY", "SESPM-THAMES-VALLEY"}) {
        std::string pack = sub.empty() ? "South East" : sub, pdf = d.file((sub.empty() ? "se" : sub) + ".pdf");
        CAPTURE(pack);
        std::vector<std::string> args{"report", "-o", pdf, "--data", data};
        if (!sub.empty()) args.insert(args.end(), {"--subregion", sub});
        else args.insert(args.end(), {"--project", project, "--scenario", "Fair"});
        auto r = test::run_sespm(args);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        check_pack(pdf, pack);
        if (sub.empty()) check_right_aligned(words_of(pdf));
    }
}
