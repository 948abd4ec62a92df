// window_settings.cpp: see window_settings.h.
#include "ui/window_settings.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "io/output_file.h"

namespace sespm {

std::string window_settings_path() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    std::string base = xdg && *xdg ? xdg : home && *home ? std::string(home) + "/.config" : "";
    return base.empty() ? "" : base + "/sespm-map/window.ini";
}

WindowSettings load_window_settings(const std::string& path) {
    WindowSettings s;
    if (path.empty()) return s;
    std::ifstream in(path);
    std::string line;
    int n = 0;
    while (in && std::getline(in, line)) {
        ++n;
        auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        if (key != "table_height") continue;
        char* end = nullptr;
        float h = std::strtof(value.c_str(), &end);
        if (value.empty() || *end || !(h >= 60 && h <= 4000))
            std::cerr << "sespm-map: warning: " << path << ":" << n << ": table_height: '" << value
                      << "' is not a height in pixels (60 to 4000); the default is used\n";
        else s.table_height = h;
    }
    return s;
}

void save_window_settings(const std::string& path, const WindowSettings& s) {
    if (path.empty() || !s.table_height) return;
    std::string text = "table_height=" + std::to_string(static_cast<int>(*s.table_height)) + "\n";
    try {
        std::error_code ec;
        std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
        write_output_file(path, text.data(), text.size());
    } catch (const std::exception& e) {
        std::cerr << "sespm-map: warning: the table's height is not remembered: " << e.what() << "\n";
    }
}

} // namespace sespm
