// text.h: small text helpers every input path shares: splitting a comma-separated list as
// people type it ("E07000112, E07000105,").
#pragma once
#include <string>
#include <vector>

namespace sespm {

// Splits on `sep`, trims spaces around each item and drops empty items.
std::vector<std::string> split_list(const std::string& list, char sep = ',');

} // namespace sespm
