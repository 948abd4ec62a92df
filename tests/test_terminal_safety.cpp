// test_terminal_safety.cpp: names and notes are stored as given but printed with everything that
// could act on a terminal escaped (issue 21, item 4): ESC colour codes, an OSC window title,
// clear-screen, BEL, CR, a NUL-free C1 control and the right-to-left override, in a scenario's
// name, its notes and a cluster's name, through `scenario create`, `scenario list` (CSV) and the
// error that echoes the name. Checked byte by byte: no control byte but the line feeds that end
// lines, no bidirectional control; and the stored name is still the one given. Long names: one
// limit (200 characters) in the file store, said plainly.
#include <doctest.h>

#include <cstdio>

#include "helpers.h"

namespace {

const std::string kHostile = std::string("Plan\x1b[31mRED\x1b]0;owned\x07") + "\x1b[2J" + "\r" + "\xc2\x9b" + "2J" + "\xe2\x80\xae" + "gnp.exe";

// The offending bytes of `text` (everything below 0x20 but '\n', DEL, C1 controls encoded as
// UTF-8, the bidi overrides), as a readable list; empty when it is safe.
std::string unsafe_bytes(const std::string& text) {
    std::string found;
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        bool bad = (c < 0x20 && c != '\n') || c == 0x7F;
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 && static_cast<unsigned char>(text[i + 1]) <= 0x9F) bad = true;
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) >= 0xAA && static_cast<unsigned char>(text[i + 2]) <= 0xAE) bad = true;
        if (bad) found += "byte " + std::to_string(i) + " (" + std::to_string(c) + ") ";
    }
    return found;
}

} // namespace

TEST_CASE("hostile names and notes are printed escaped, byte for byte, and stored as given") {
    test::ScratchDir d;
    std::string p = d.file("p.sespm");
    auto r = test::run_sespm({"scenario", "create", "--project", p, "--name", kHostile, "--notes", "line one\nline two\x1b[0m\x07", "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK_MESSAGE(unsafe_bytes(r.err).empty(), unsafe_bytes(r.err));
    CHECK(r.err.find("Plan\\x1B[31mRED\\x1B]0;owned\\x07") != std::string::npos);
    CHECK(r.err.find("\\u{202E}gnp.exe") != std::string::npos);
    CHECK(r.err.find("\\x9B2J") != std::string::npos);

    r = test::run_sespm({"scenario", "list", "--project", p, "--data", test::data_dir()});
    REQUIRE(r.exit_code == 0);
    CHECK_MESSAGE(unsafe_bytes(r.out).empty(), unsafe_bytes(r.out));
    CHECK(r.out.find("line one\\x0Aline two\\x1B[0m\\x07") != std::string::npos);

    // an error that echoes the name (it exists already) is escaped too
    r = test::run_sespm({"scenario", "create", "--project", p, "--name", kHostile, "--data", test::data_dir()});
    CHECK(r.exit_code != 0);
    CHECK_MESSAGE(unsafe_bytes(r.err).empty(), unsafe_bytes(r.err));
    CHECK(r.err.find("exists already") != std::string::npos);

    // stored as given: SQLite's own reading of the file
    auto stored = test::run_shell("sqlite3 " + p + " \"SELECT hex(name) FROM scenarios\"");
    REQUIRE(stored.exit_code == 0);
    std::string hex;
    for (unsigned char c : kHostile) { char b[3]; std::snprintf(b, sizeof b, "%02X", c); hex += b; }
    CHECK(stored.out == hex + "\n");
}

TEST_CASE("a scenario or cluster name longer than 200 characters is refused plainly") {
    test::ScratchDir d;
    std::string p = d.file("p.sespm");
    auto r = test::run_sespm({"scenario", "create", "--project", p, "--name", std::string(8000, 'x'), "--data", test::data_dir()});
    CHECK(r.exit_code == 1);
    CHECK_MESSAGE(r.err.find("8000 characters long; the most is 200") != std::string::npos, r.err);
    CHECK(r.err.size() < 600);
    r = test::run_sespm({"scenario", "create", "--project", p, "--name", std::string(200, 'y'), "--data", test::data_dir()});
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    r = test::run_sespm({"scenario", "cluster", "--project", p, "--name", std::string(200, 'y'), "--cluster", std::string(201, 'c'), "--codes", "E06000044",
                         "--data", test::data_dir()});
    CHECK(r.exit_code == 1);
    CHECK_MESSAGE(r.err.find("201 characters long") != std::string::npos, r.err);
}
