// file_dialog.h: the window's own file dialog (Debian packages no ImGui file dialog): a modal
// with recent places on the left (home, pictures, the data folder, the folders used last), the
// current folder's subfolders and files (filtered by extension, folders first), an editable
// folder path, and a file name field where any path may still be typed (absolute, ~/..., or
// relative to the folder shown). Save asks before replacing a file; New refuses one that exists;
// Open needs one that does. A folder that cannot be read says so in the dialog, naming it.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace sespm {

enum class FileDialogMode {
    Open,       // an existing file
    Save,       // a new file, or an existing one replaced once the user agrees
    SaveNew,    // a new file only (a new project: an existing one is never replaced)
};

struct FileFilter {
    std::string title;                  // "PNG image"
    std::vector<std::string> extensions;  // ".png" (lower case); empty: any file
};

struct FileDialog {
    bool open = false;
    FileDialogMode mode = FileDialogMode::Open;
    std::string title, ok_label;
    std::vector<FileFilter> filters;
    int filter = 0;
    std::string folder, name;           // the folder shown and the file name field
    std::string message;                // why the last choice was refused, or a folder not read
    bool show_hidden = false;
    std::function<void(const std::string&)> on_chosen;
    struct Entry { std::string name; bool dir; };
    std::vector<Entry> entries;         // the folder's listing, filtered
    std::string listed_folder;          // what `entries` was read for
    int listed_filter = -1;
    bool listed_hidden = false;
    std::string pending_replace;        // Save: a path that exists, waiting for Replace / Cancel
};

// Opens the dialog at `start` (a file or folder; empty: the last folder used, else home).
void show_file_dialog(FileDialog& d, FileDialogMode mode, const std::string& title, std::vector<FileFilter> filters,
                      const std::string& start, std::function<void(const std::string&)> on_chosen);

// Recent places and where the dialog notes its widgets (SESPM_UI_LAYOUT names for tests).
struct FileDialogContext {
    float scale = 1;
    std::vector<std::pair<std::string, std::string>> places;   // (label, folder), shown first
    std::vector<std::string>* recent_folders = nullptr;         // updated when a file is chosen
    std::function<void(const std::string&)> note;               // the last ImGui item's name
};

// Draws the dialog when it is open; calls on_chosen with the path once one is accepted.
void draw_file_dialog(FileDialog& d, const FileDialogContext& ctx);

// "~/x" -> "$HOME/x"; a relative path is taken in `folder`.
std::string resolve_typed_path(const std::string& typed, const std::string& folder);
// Whether `path` ends in one of `extensions` (case-insensitive); any when there are none.
bool has_extension(const std::string& path, const std::vector<std::string>& extensions);

} // namespace sespm
