// user_folders.cpp: see user_folders.h.
#include "core/user_folders.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

namespace sespm {

namespace {

std::optional<std::string> set_variable(const char* name) {
    const char* v = std::getenv(name);
    if (v && *v) return std::string(v);
    return std::nullopt;
}

std::optional<std::string> xdg_folder(const char* variable, const char* under_home) {
    if (auto x = set_variable(variable)) return *x + "/sespm-map";
    if (auto h = home_folder()) return *h + "/" + under_home + "/sespm-map";
    return std::nullopt;
}

} // namespace

std::optional<std::string> home_folder() {
    if (auto h = set_variable("HOME")) return h;
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_dir && *pw->pw_dir) return std::string(pw->pw_dir);
    return std::nullopt;
}

std::string home_folder_or_current() { return home_folder().value_or("."); }

std::optional<std::string> config_folder() { return xdg_folder("XDG_CONFIG_HOME", ".config"); }

std::optional<std::string> cache_folder() { return xdg_folder("XDG_CACHE_HOME", ".cache"); }

} // namespace sespm
