// test_failed_keeps_outputs.cpp: a command that fails leaves every earlier output alone (issue 21,
// item 2). Each case writes its file once from good data, then runs again on a series with one
// rejected row: exit 1, the earlier file byte for byte as it was, no temporary file left beside
// it, no "wrote" line, and a message naming the file that was not written. The same command with
// --skip-bad-rows then succeeds and replaces the file, so the staging does put outputs in place.
#include <doctest.h>

#include <filesystem>
#include <functional>

#include "helpers.h"

namespace fs = std::filesystem;

namespace {

const char* kSeries = "asylum_s95_dispersal_timeseries_2014q1_2024q3.csv";

struct Case {
    std::string what, file;
    std::vector<std::string> args;  // without --data and --skip-bad-rows
};

// The series as shipped with one row's value made unreadable: one rejected row.
std::string series_with_one_bad_row() {
    std::string text = test::read_file(test::data_dir() + "/stats/" + kSeries);
    size_t line = text.find("\nE06000044,");  // Portsmouth's first row: code,code_published,name,value,...
    REQUIRE(line != std::string::npos);
    size_t v0 = line + 1;
    for (int i = 0; i < 3; ++i) v0 = text.find(',', v0) + 1;
    size_t v1 = text.find(',', v0);
    REQUIRE(v1 < text.find('\n', line + 1));
    return text.substr(0, v0) + "twelve" + text.substr(v1);
}

std::vector<std::string> temporary_files(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) out.push_back(e.path().string());
    return out;
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

} // namespace

TEST_CASE("a command that fails on a rejected row leaves its earlier output untouched") {
    test::FakeDataDir bad;
    bad.override_stats(kSeries, series_with_one_bad_row());
    test::ScratchDir d;
    std::vector<Case> cases{
        {"export GeoJSON", d.file("keep.geojson"), {"export", "--layer", "dispersal", "-o", d.file("keep.geojson")}},
        {"export CSV, all periods", d.file("keep.csv"), {"export", "--layer", "dispersal", "--all-periods", "-o", d.file("keep.csv")}},
        {"render PNG with its labels", d.file("keep.png"), {"render", "--layer", "dispersal", "--width", "400", "--height", "300", "-o", d.file("keep.png"), "--labels-json", d.file("keep.json")}},
        {"render SVG", d.file("keep.svg"), {"render", "--layer", "dispersal", "-o", d.file("keep.svg")}},
        {"chart PDF", d.file("keep.pdf"), {"chart", "--layer", "dispersal", "--codes", "E06000044", "-o", d.file("keep.pdf")}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        auto first = test::run_sespm(with(c.args, {"--data", test::data_dir()}));
        REQUIRE_MESSAGE(first.exit_code == 0, first.err);
        std::string before = test::read_file(c.file);
        REQUIRE(!before.empty());
        std::string labels_before = c.what.find("labels") != std::string::npos ? test::read_file(d.file("keep.json")) : "";

        auto failed = test::run_sespm(with(c.args, {"--data", bad.path}));
        CHECK(failed.exit_code == 1);
        CHECK_MESSAGE(failed.err.find("1 row was rejected") != std::string::npos, failed.err);
        CHECK_MESSAGE(failed.err.find(c.file + " was not written") != std::string::npos, failed.err);
        CHECK_MESSAGE(failed.err.find("wrote ") == std::string::npos, failed.err);
        CHECK(test::read_file(c.file) == before);
        if (!labels_before.empty()) CHECK(test::read_file(d.file("keep.json")) == labels_before);
        CHECK(temporary_files(d.path).empty());

        auto skipped = test::run_sespm(with(c.args, {"--data", bad.path, "--skip-bad-rows"}));
        CHECK_MESSAGE(skipped.exit_code == 0, skipped.err);
        CHECK_MESSAGE(skipped.err.find("wrote ") != std::string::npos, skipped.err);
        CHECK(temporary_files(d.path).empty());
    }
}

TEST_CASE("a failed command that never got to write leaves no file and says nothing was written") {
    test::FakeDataDir bad;
    bad.override_stats(kSeries, series_with_one_bad_row());
    test::ScratchDir d;
    auto r = test::run_sespm({"export", "--layer", "dispersal", "-o", d.file("new.geojson"), "--data", bad.path});
    CHECK(r.exit_code == 1);
    CHECK_FALSE(fs::exists(d.file("new.geojson")));
    CHECK(temporary_files(d.path).empty());
}

TEST_CASE("two outputs of one command under one name are refused before either is written") {
    test::ScratchDir d;
    auto r = test::run_sespm({"render", "--layer", "dispersal", "--width", "400", "--height", "300", "-o", d.file("m.png"),
                              "--labels-json", d.file("m.png"), "--data", test::data_dir()});
    CHECK(r.exit_code == 2);
    CHECK_MESSAGE(r.err.find("two outputs under this name") != std::string::npos, r.err);
    CHECK_FALSE(fs::exists(d.file("m.png")));
    CHECK(temporary_files(d.path).empty());
}
