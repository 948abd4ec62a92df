// user_folders.h: where the user's own folders are: the home folder (for default file names,
// screenshots, the file dialog's places) and the XDG configuration and cache folders. The one
// place that reads $HOME, $XDG_CONFIG_HOME and $XDG_CACHE_HOME.
#pragma once
#include <optional>
#include <string>

namespace sespm {

// $HOME, else the home folder in the password database, else nullopt.
std::optional<std::string> home_folder();

// The home folder, or "." when there is none (a default place to offer for a file).
std::string home_folder_or_current();

// $XDG_CONFIG_HOME or ~/.config, then "/sespm-map"; nullopt without either.
std::optional<std::string> config_folder();

// $XDG_CACHE_HOME or ~/.cache, then "/sespm-map"; nullopt without either.
std::optional<std::string> cache_folder();

} // namespace sespm
