// open_with_desktop.h: hands a file the program wrote (the board report's PDF) to the desktop's
// own viewer through xdg-open, started with an argument list (posix_spawnp), never through a
// shell, so no character in a folder or file name can run a command.
#pragma once
#include <optional>
#include <string>

namespace sespm {

// Starts `xdg-open PATH` and returns at once; nullopt when it started, else why it could not
// (no such file, no xdg-open). The viewer's own failures are its to show.
std::optional<std::string> open_with_desktop(const std::string& path);

} // namespace sespm
