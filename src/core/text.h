// text.h: small text helpers every input path shares: splitting a comma-separated list as
// people type it ("E07000112, E07000105,"), reading a whole text file.
#pragma once
#include <string>
#include <vector>

namespace sespm {

// The whole of a text file (e.g. an officer's commentary); DataError naming the file when it is
// a folder, cannot be read, or is not UTF-8 text.
std::string read_text_file(const std::string& path);

// Splits on `sep`, trims spaces around each item and drops empty items.
std::vector<std::string> split_list(const std::string& list, char sep = ',');

} // namespace sespm
