// test_messages.cpp: messages stay readable whatever the user typed: a 100 KB argument or a 1e300
// coordinate is never echoed in full (values are clipped to ~80 characters with "..."), and a
// number too large for its option says "too large", not "not a whole number".
#include <doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
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

// Issue 21, item 7: the messages a hostile probe found unhelpful, each now naming the file and
// what is wrong with it, and none of them waiting on a FIFO.
TEST_CASE("inputs that are not files, loops, UTF-16 and empty folders say what they are") {
    test::ScratchDir d;
    std::string data = test::data_dir();
    REQUIRE(test::run_shell("mkfifo " + d.file("fifo.csv") + " && ln -s " + d.file("loop.csv") + " " + d.file("loop.csv") +
                            " && ln -s " + d.file("gone.csv") + " " + d.file("dangling.csv")).exit_code == 0);
    struct Case { std::vector<std::string> args; std::string expect; };
    const Case cases[] = {
        {{"query", "count-points", "--points", d.file("fifo.csv")}, "fifo.csv: is a FIFO (named pipe), not a points file"},
        {{"query", "count-points", "--points", d.file("loop.csv")}, "loop.csv: is a loop of symbolic links"},
        {{"query", "count-points", "--points", d.file("dangling.csv")}, "dangling.csv: is a symbolic link to a file that does not exist"},
        {{"query", "count-points", "--points", "/dev/null"}, "/dev/null: is a device, not a points file"},
        {{"report", "--commentary", d.file("fifo.csv"), "-o", d.file("r.pdf")}, "fifo.csv: is a FIFO (named pipe), not a text file"},
    };
    for (const auto& c : cases) {
        auto args = c.args;
        args.push_back("--data");
        args.push_back(data);
        CAPTURE(c.expect);
        auto r = run_sespm(args);  // a FIFO opened for reading would hang here (the ctest timeout)
        CHECK(r.exit_code == 1);
        CHECK_MESSAGE(r.err.find(c.expect) != std::string::npos, r.err);
    }
    // a FIFO where a layer's count file should be: refused, not waited on
    {
        test::FakeDataDir fake;
        std::string series = fake.file("stats/asylum_s95_dispersal_timeseries_2014q1_2024q3.csv");
        std::filesystem::remove(series);
        REQUIRE(test::run_shell("mkfifo " + series).exit_code == 0);
        auto r = run_sespm({"table", "--layer", "dispersal", "--data", fake.path});
        CHECK(r.exit_code == 1);
        CHECK_MESSAGE(r.err.find("asylum_s95_dispersal_timeseries_2014q1_2024q3.csv: is a FIFO (named pipe), not a CSV file") != std::string::npos, r.err);
    }
    // a layer file saved as UTF-16 by Windows Notepad; an empty layers folder
    std::filesystem::create_directories(d.file("layers16"));
    std::string utf16 = "\xFF\xFE";
    for (char ch : std::string("{\"id\": \"x\"}")) { utf16 += ch; utf16 += '\0'; }
    d.write("layers16/x.json", utf16);
    auto r = run_sespm({"layers", "--layers", d.file("layers16"), "--data", data});
    CHECK(r.exit_code == 1);
    CHECK_MESSAGE(r.err.find("x.json:1: the file is UTF-16 text; layer files are UTF-8") != std::string::npos, r.err);
    std::filesystem::create_directories(d.file("empty"));
    r = run_sespm({"layers", "--layers", d.file("empty"), "--data", data});
    CHECK(r.exit_code == 1);
    CHECK_MESSAGE(r.err.find("holds no layer files (*.json)") != std::string::npos, r.err);
    CHECK(r.out.empty());
}

TEST_CASE("a NUL or an escape sequence in a value neither cuts a message off nor reaches the terminal") {
    auto r = run_sespm({"table", "--layer", std::string("disp\x1b[2J") + "ersal", "--data", test::data_dir()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find('\x1b') == std::string::npos);
    CHECK_MESSAGE(r.err.find("disp\\x1B[2Jersal") != std::string::npos, r.err);
    CHECK(sespm::clip(std::string("E0600\0" "0044", 10)) == "E0600\\x000044");
}

TEST_CASE("the shared model names settings, not flags: the command line reads --flag, the window words") {
    struct Case { sespm::SettingError e; std::string cli, window; };
    const Case cases[] = {
        {{"ratio", "E06000044", "the ratio must be at least 1 resident per place"},
         "--ratio E06000044: the ratio must be at least 1 resident per place",
         "Residents per place 'E06000044': the ratio must be at least 1 resident per place"},
        {{"layer", "nosuch", "no such layer"}, "--layer nosuch: no such layer", "Layer 'nosuch': no such layer"},
        {{"name", "", "a scenario needs a name"}, "--name: a scenario needs a name", "Scenario: a scenario needs a name"},
        {{"classes", "40", "use 2 to 12"}, "--classes 40: use 2 to 12", "Number of classes '40': use 2 to 12"},
        // another setting named in the problem, in braces: a flag on the command line, words in the window
        {{"since", "2030-01-01", "give an earlier date or a later {period}"}, "--since 2030-01-01: give an earlier date or a later --period",
         "Compared with '2030-01-01': give an earlier date or a later 'Period'"},
        {{"codes", "X", "check {geography} and {within}"}, "--codes X: check --geography and --within", "Areas 'X': check 'Geography' and 'Within'"},
        // a brace that names no setting is left as it is
        {{"layer", "a", "{Not a setting} and {x1} and {data} and {"}, "--layer a: {Not a setting} and {x1} and {data} and {",
         "Layer 'a': {Not a setting} and {x1} and {data} and {"},
    };
    for (const auto& c : cases) {
        CHECK(std::string(c.e.what()) == c.cli);
        CHECK(sespm::message_for_people(c.e) == c.window);
        CHECK(sespm::message_for_people(c.e).find("--") == std::string::npos);
    }
    CHECK(sespm::message_for_people(sespm::DataError("x.csv:3: field 'value': bad")) == "x.csv:3: field 'value': bad");
    // any error may name a setting in braces: a data file's message asks for the sheet to read
    sespm::DataError two_sheets("b.xlsx: 2 sheets have points; choose one by its name ({sheet})");
    CHECK(sespm::message_for_people(two_sheets) == "b.xlsx: 2 sheets have points; choose one by its name ('Sheet')");
    CHECK(sespm::message_for_command_line(two_sheets) == "b.xlsx: 2 sheets have points; choose one by its name (--sheet)");
    // and every model error that used to say "--flag" the command line still prints the same
    auto r = run_sespm({"table", "--layer", "nosuch", "--data", test::data_dir()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--layer nosuch: no such layer") != std::string::npos);
    // below cli/, no message text names a command-line flag (but the start-up ones, --data and
    // --layers, and the admin's 'project init' command): an independent look at the source
    std::string src = std::string(SESPM_TEST_DIR) + "/../src/";
    auto flags = test::run_shell("grep -rnE '\"[^\"]*--[a-z][a-z-]+' " + src + "core " + src + "geodata " + src + "caches " + src +
                                 "stores " + src + "outputs " + src + "map --include=*.cpp | grep -v '^[^:]*:[0-9]*: *//'"
                                 " | grep -v 'help-commands\\|--data\\|\"--\" + s\\|project init --project\\|--layers'");
    CHECK_MESSAGE(flags.out.empty(), flags.out);
}
