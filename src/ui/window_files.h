// window_files.h: the window's files and projects: the File menu (open any polygon file or add it
// as an overlay, new / open project, recent projects, export, board report), the one file dialog
// (file_dialog.h) with its places and recent folders, the window settings kept between runs
// (window_settings.h), switching the project the edits go to, and the title bar: the project's
// name, and a "•" only when its last edit could not be written (every edit is written to the
// project at once, so there is never unsaved work).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "widgets/file_dialog.h"
#include "widgets/window_settings.h"

namespace sespm {

class MapApp;

class WindowFiles {
public:
    explicit WindowFiles(MapApp& app) : app_(app) {}

    FileDialog dialog;                     // one at a time
    WindowSettings settings;               // recent projects and folders, table height, commentary
    std::string settings_path;             // where they are kept (window_settings.h)
    void save_settings();
    void note_recent_project();            // the project in use goes first once its file exists
    void ask_path(FileDialogMode mode, const std::string& title, std::vector<FileFilter> filters, const std::string& start,
                  std::function<void(const std::string&)> chosen);
    void switch_project(const std::string& path, bool create);   // File > Open/New project, Recent projects
    void menu();                           // the File menu
    void draw_dialogs();                   // the file dialog, when one is open
    void update_title();
    // The attribute table's height, logical pixels, as last kept (0: none yet); after a splitter
    // drag, the new height is kept for the next run.
    float table_height_logical() const { return settings.table_height.value_or(0.0f); }
    void remember_table_height(float height_px, float ui_scale);

private:
    void recent_projects_menu();
    std::string title_shown_;
    MapApp& app_;
};

} // namespace sespm
