// test_messages.cpp: messages stay readable whatever the user typed: a 100 KB argument or a 1e300
// coordinate is never echoed in full (values are clipped to ~80 characters with "..."), and a
// number too large for its option says "too large", not "not a whole number".
#include <doctest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "core/error.h"
#include "helpers.h"

using test::run_sespm;

namespace {

size_t longest_digit_run(const std::string& s) {
    size_t best = 0, run = 0;
    for (char c : s) {
        run = std::isdigit(static_cast<unsigned char>(c)) ? run + 1 : 0;
        best = std::max(best, run);
    }
    return best;
}

} // namespace

TEST_CASE("clip and clip_message shorten long values and keep short ones") {
    CHECK(sespm::clip("E07000178") == "E07000178");
    std::string big(100000, 'x');
    std::string c = sespm::clip(big);
    CHECK(c.size() < 120);
    CHECK(c.find("...") != std::string::npos);
    CHECK(c.find("100000 characters") != std::string::npos);
    std::string utf8;
    for (int i = 0; i < 60; ++i) utf8 += "\xc3\xa9";  // é, two bytes each
    std::string u = sespm::clip(utf8);
    CHECK(u.rfind("\xc3\xa9...", std::string::npos) != std::string::npos);  // not cut inside a character
    std::string m = sespm::clip_message("--layer " + big + ": no such layer");
    CHECK(m.size() < 300);
    CHECK(m.find("no such layer") != std::string::npos);
    CHECK(sespm::clip_message("a short message: kept as it is") == "a short message: kept as it is");
}

TEST_CASE("a 100 KB argument is not echoed in full, whatever option it is given to") {
    std::string big(100 * 1024, 'x'), data = test::data_dir();
    test::ScratchDir d;
    std::vector<std::vector<std::string>> commands{
        {big},
        {"table", "--" + big},
        {"table", "--layer", big, "--data", data},
        {"table", "--layer", "dispersal", "--format", big, "--data", data},
        {"table", "--layer", "dispersal", "--geography", big, "--data", data},
        {"table", "--layer", "dispersal", "--ratio", big, "--data", data},
        {"export", "--layer", "dispersal", "--classify", big, "-o", d.file("a.geojson"), "--data", data},
        {"export", "--layer", "dispersal", "--classes", big, "-o", d.file("a.geojson"), "--data", data},
        {"export", "--layer", "dispersal", "-o", d.file(big + ".txt"), "--data", data},
        {"render", "--bbox", "1e300," + big, "-o", d.file("a.png"), "--data", data},
        {"render", "--scale", big, "-o", d.file("a.png"), "--data", data},
        {"query", big, "--data", data},
        {"query", "within", "--code", "E07000178", "--km", big, "--data", data},
        {"query", "neighbours", "--code", big, "--data", data},
        {"pledges", "set", "--project", d.file("p.sespm"), "--code", big, "--places", "1", "--data", data},
        {"pledges", "set", "--project", d.file("p.sespm"), "--code", "E07000178", "--places", big, "--data", data},
        {"scenario", big},
        {"--width", big},
    };
    for (const auto& args : commands) {
        auto r = run_sespm(args);
        CAPTURE(args.size() > 1 ? args[0] + " " + args[1] : std::string("(command)"));
        CHECK(r.exit_code != 0);
        CHECK(r.err.size() < 1200);
        CHECK(r.err.find(std::string(300, 'x')) == std::string::npos);
        CHECK(r.err.find("...") != std::string::npos);
    }
}

TEST_CASE("a 1e300 coordinate is not printed as a 300-digit number") {
    test::ScratchDir d;
    auto r = run_sespm({"export", "--open", std::string(SESPM_TEST_DIR) + "/bad_inputs/b_huge_coordinate.geojson",
                        "--by", "area", "-o", d.file("out.geojson"), "--data", test::data_dir()});
    CAPTURE(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.size() < 300);
    CHECK(longest_digit_run(r.err) < 20);
    CHECK(r.err.find("e+300, 0)") != std::string::npos);
    d.write("p.csv", "name,lat,lon\nA,1e300,0\n");
    r = run_sespm({"query", "count-points", "--points", d.file("p.csv"), "--data", test::data_dir()});
    CAPTURE(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.size() < 600);
}

TEST_CASE("whole numbers too large for an option say so") {
    test::ScratchDir d;
    std::string data = test::data_dir();
    for (std::string n : {"2147483648", "99999999999999999999999"}) {
        auto r = run_sespm({"pledges", "set", "--project", d.file("p.sespm"), "--code", "E07000178", "--places", n,
                            "--data", data});
        CAPTURE(r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("too large") != std::string::npos);
        CHECK(r.err.find("not a whole number") == std::string::npos);
    }
    auto r = run_sespm({"export", "--layer", "dispersal", "--classes", "-2147483649", "-o", d.file("a.csv"), "--data", data});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("too small") != std::string::npos);
    r = run_sespm({"export", "--layer", "dispersal", "--classes", "five", "-o", d.file("a.csv"), "--data", data});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("not a whole number") != std::string::npos);
    CHECK(!test::file_exists(d.file("p.sespm")));
}
