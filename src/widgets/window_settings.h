// window_settings.h: what the window remembers between runs, in
// $XDG_CONFIG_HOME/sespm-map/window.ini (else ~/.config/...): a few "key=value" lines: the
// attribute table pane's height, the recent projects (most recent first, one
// "recent_project=PATH" line each), the file dialog's recent folders ("recent_folder=PATH") and
// the board report's last Commentary ("report_commentary=TEXT", newlines and backslashes
// escaped as \n and \\), so the next pack starts from it.
// A missing file gives the defaults; a setting that cannot be read or saved costs one warning
// line on stderr naming the file and never stops the window.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace sespm {

struct WindowSettings {
    std::optional<float> table_height;         // logical pixels (before the monitor's scale)
    std::vector<std::string> recent_projects;  // most recent first
    std::vector<std::string> recent_folders;   // the file dialog's, most recent first
    std::string report_commentary;             // the last board report's Commentary box
};

inline constexpr size_t kRecentProjects = 10;

std::string window_settings_path();        // empty when there is no home folder
WindowSettings load_window_settings(const std::string& path);
void save_window_settings(const std::string& path, const WindowSettings& s);
// Puts `project` first in the recent list (once), keeping at most kRecentProjects.
void remember_project(WindowSettings& s, const std::string& project);

} // namespace sespm
