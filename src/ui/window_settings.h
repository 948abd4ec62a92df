// window_settings.h: what the window remembers between runs (the attribute table pane's height
// and whether it was open), in $XDG_CONFIG_HOME/sespm-map/window.ini (else ~/.config/...): a few
// "key=value" lines. A missing file gives the defaults; a setting that cannot be read or saved
// costs one warning line on stderr and never stops the window.
#pragma once
#include <optional>
#include <string>

namespace sespm {

struct WindowSettings {
    std::optional<float> table_height;     // logical pixels (before the monitor's scale)
};

std::string window_settings_path();        // empty when there is no home folder
WindowSettings load_window_settings(const std::string& path);
void save_window_settings(const std::string& path, const WindowSettings& s);

} // namespace sespm
