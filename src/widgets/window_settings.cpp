// window_settings.cpp: see window_settings.h.
#include "core/user_folders.h"
#include "widgets/window_settings.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "core/output_file.h"

namespace sespm {

std::string window_settings_path() {
    auto folder = config_folder();
    return folder ? *folder + "/window.ini" : "";
}

namespace {

// One line for a text of several: "\n" for a newline, "\\" for a backslash.
std::string escape_line(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c != '\r') out += c;
    }
    return out;
}

std::string unescape_line(const std::string& line) {
    std::string out;
    for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) {
            out += line[i + 1] == 'n' ? '\n' : line[i + 1];
            ++i;
        } else {
            out += line[i];
        }
    }
    return out;
}

void read_table_height(WindowSettings& s, const std::string& value, const std::string& where) {
    char* end = nullptr;
    float h = std::strtof(value.c_str(), &end);
    if (value.empty() || *end || !(h >= 60 && h <= 4000))
        std::cerr << "sespm-map: warning: " << where << ": table_height: '" << value
                  << "' is not a height in pixels (60 to 4000); the default is used\n";
    else s.table_height = h;
}

} // namespace

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
        if (key == "table_height") read_table_height(s, value, path + ":" + std::to_string(n));
        else if (key == "recent_project" && !value.empty() && s.recent_projects.size() < kRecentProjects) s.recent_projects.push_back(value);
        else if (key == "recent_folder" && !value.empty()) s.recent_folders.push_back(value);
        else if (key == "report_commentary") s.report_commentary = unescape_line(value);
    }
    return s;
}

void save_window_settings(const std::string& path, const WindowSettings& s) {
    if (path.empty()) return;
    std::string text;
    if (s.table_height) text += "table_height=" + std::to_string(static_cast<int>(*s.table_height)) + "\n";
    for (const auto& p : s.recent_projects)
        if (p.find('\n') == std::string::npos) text += "recent_project=" + p + "\n";
    if (!s.report_commentary.empty()) text += "report_commentary=" + escape_line(s.report_commentary) + "\n";
    for (const auto& f : s.recent_folders)
        if (f.find('\n') == std::string::npos) text += "recent_folder=" + f + "\n";
    try {
        std::error_code ec;
        std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
        write_output_file(path, text.data(), text.size());
    } catch (const std::exception& e) {
        std::cerr << "sespm-map: warning: the window's settings (table height, recent projects) are not remembered: " << e.what() << "\n";
    }
}

void remember_project(WindowSettings& s, const std::string& project) {
    auto& r = s.recent_projects;
    r.erase(std::remove(r.begin(), r.end(), project), r.end());
    r.insert(r.begin(), project);
    if (r.size() > kRecentProjects) r.resize(kRecentProjects);
}

} // namespace sespm
