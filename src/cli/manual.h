// manual.h: the manual page, sespm-map(1), written from the same table of commands
// (cli/commands.h) and the same help texts the commands print for --help, so it cannot say
// something the program does not: `sespm-map help --manual > sespm-map.1`.
#pragma once
#include <string>

namespace sespm {

// The page in man(7) roff. `intro` and `closing` are the main help's words before and after
// the list of commands (cli.cpp).
std::string manual_page(const std::string& intro, const std::string& closing);

} // namespace sespm
