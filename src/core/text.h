// text.h: small text helpers every input path shares: splitting a comma-separated list as
// people type it ("E07000112, E07000105,"), reading a whole text file, and making a stored
// string safe to print.
#pragma once
#include <string>
#include <vector>

namespace sespm {

// The whole of a text file (e.g. an officer's commentary); DataError naming the file when it is
// a folder, cannot be read, or is not UTF-8 text.
std::string read_text_file(const std::string& path);

// Splits on `sep`, trims spaces around each item and drops empty items.
std::vector<std::string> split_list(const std::string& list, char sep = ',');

// `s` with everything that could act on a terminal written out instead: C0 and C1 control
// characters and DEL as \xHH (ESC colour codes, OSC titles, clear-screen, BEL, CR, line breaks),
// the bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E/F, U+061C) as \u{HHHH}, and
// bytes that are not UTF-8 as \xHH; a backslash stays as it is. Names and notes are stored as
// given and printed through this (terminal lines and CSV alike).
std::string printable(const std::string& s);

} // namespace sespm
