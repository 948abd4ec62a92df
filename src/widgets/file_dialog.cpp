// file_dialog.cpp: see file_dialog.h. The listing is read once per folder, filter and "hidden"
// choice (not every frame); paths are std::filesystem paths, errors are error_codes shown in
// the dialog, never exceptions out of a frame.
#include "core/user_folders.h"
#include "widgets/file_dialog.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace sespm {

namespace fs = std::filesystem;

namespace {

const size_t kRecentFolders = 8;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

void note(const FileDialogContext& ctx, const std::string& name) {
    if (ctx.note) ctx.note(name);
}

void read_listing(FileDialog& d) {
    d.entries.clear();
    d.listed_folder = d.folder;
    d.listed_filter = d.filter;
    d.listed_hidden = d.show_hidden;
    std::error_code ec;
    fs::directory_iterator it(d.folder, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        d.message = "Cannot read the folder " + d.folder + ": " + ec.message();
        return;
    }
    const std::vector<std::string> none;
    const auto& exts = d.filter < static_cast<int>(d.filters.size()) ? d.filters[d.filter].extensions : none;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        std::string name = it->path().filename().string();
        if (!d.show_hidden && !name.empty() && name[0] == '.') continue;
        std::error_code e2;
        bool dir = it->is_directory(e2);
        if (!dir && !has_extension(name, exts)) continue;
        d.entries.push_back({name, dir});
    }
    std::sort(d.entries.begin(), d.entries.end(), [](const FileDialog::Entry& a, const FileDialog::Entry& b) {
        if (a.dir != b.dir) return a.dir;
        return lower(a.name) < lower(b.name);
    });
}

void go_to(FileDialog& d, const std::string& folder) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::path(folder), ec);
    if (ec || !fs::is_directory(p, ec)) {
        d.message = "No folder " + folder;
        return;
    }
    d.folder = p.string();
    d.message.clear();
}

void places_column(FileDialog& d, const FileDialogContext& ctx) {
    ImGui::TextDisabled("Places");
    bool marked = false;  // one place marked as the folder shown, though several may be it
    for (const auto& [label, folder] : ctx.places) {
        bool here = !marked && d.folder == folder;
        marked = marked || here;
        if (ImGui::Selectable(label.c_str(), here)) go_to(d, folder);
        note(ctx, "dialog-place " + label);
    }
    if (!ctx.recent_folders || ctx.recent_folders->empty()) return;
    ImGui::Separator();
    ImGui::TextDisabled("Recent folders");
    for (const auto& f : *ctx.recent_folders) {
        std::string label = fs::path(f).filename().string();
        if (label.empty()) label = f;
        ImGui::PushID(f.c_str());
        if (ImGui::Selectable(label.c_str(), !marked && d.folder == f)) go_to(d, f);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.c_str());
        note(ctx, "dialog-recent " + f);
        ImGui::PopID();
    }
}

} // namespace

std::string resolve_typed_path(const std::string& typed, const std::string& folder) {
    std::string t = typed;
    if (t == "~") t = home_folder().value_or("/");
    else if (t.rfind("~/", 0) == 0) t = home_folder().value_or("/") + t.substr(1);
    fs::path p(t);
    if (p.is_relative()) p = fs::path(folder) / p;
    return p.lexically_normal().string();
}

bool has_extension(const std::string& path, const std::vector<std::string>& extensions) {
    if (extensions.empty()) return true;
    std::string l = lower(path);
    for (const auto& e : extensions)
        if (l.size() > e.size() && l.compare(l.size() - e.size(), e.size(), e) == 0) return true;
    return false;
}

void show_file_dialog(FileDialog& d, FileDialogMode mode, const std::string& title, std::vector<FileFilter> filters,
                      const std::string& start, std::function<void(const std::string&)> on_chosen) {
    d.open = true;
    d.mode = mode;
    d.title = title;
    d.ok_label = mode == FileDialogMode::Open ? "Open" : mode == FileDialogMode::Save ? "Save" : "Create";
    d.filters = std::move(filters);
    d.filter = 0;
    d.on_chosen = std::move(on_chosen);
    d.message.clear();
    d.pending_replace.clear();
    d.listed_folder.clear();
    std::error_code ec;
    fs::path s(start.empty() ? (d.folder.empty() ? home_folder().value_or("/") : d.folder) : resolve_typed_path(start, home_folder().value_or("/")));
    if (fs::is_directory(s, ec)) {
        d.folder = s.string();
        d.name.clear();
    } else {
        d.folder = fs::is_directory(s.parent_path(), ec) ? s.parent_path().string() : home_folder().value_or("/");
        d.name = mode == FileDialogMode::Open && !fs::exists(s, ec) ? "" : s.filename().string();
    }
}

namespace {

void finish(FileDialog& d, const FileDialogContext& ctx, std::string path) {  // a copy: it may be d.pending_replace
    if (ctx.recent_folders) {
        auto& r = *ctx.recent_folders;
        std::string folder = fs::path(path).parent_path().string();
        r.erase(std::remove(r.begin(), r.end(), folder), r.end());
        r.insert(r.begin(), folder);
        if (r.size() > kRecentFolders) r.resize(kRecentFolders);
    }
    d.open = false;
    d.pending_replace.clear();
    ImGui::CloseCurrentPopup();
    if (d.on_chosen) d.on_chosen(path);
}

// The name field's path checked against the mode; a folder typed there is opened instead.
void accept(FileDialog& d, const FileDialogContext& ctx) {
    if (d.name.empty()) {
        d.message = "Choose a file, or type its name";
        return;
    }
    std::string path = resolve_typed_path(d.name, d.folder);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        go_to(d, path);
        d.name.clear();
        return;
    }
    const FileFilter* f = d.filter < static_cast<int>(d.filters.size()) ? &d.filters[d.filter] : nullptr;
    bool known = std::any_of(d.filters.begin(), d.filters.end(), [&](const FileFilter& k) { return !k.extensions.empty() && has_extension(path, k.extensions); });
    if (d.mode != FileDialogMode::Open && f && !f->extensions.empty() && !known)
        path += f->extensions.front();  // "board" saved as a PNG is board.png; "x.csv" stays a CSV
    bool exists = fs::exists(path, ec);
    if (d.mode == FileDialogMode::Open && !fs::is_regular_file(path, ec)) {
        d.message = exists ? path + " is not a file" : "No file " + path;
        return;
    }
    if (d.mode != FileDialogMode::Open && !fs::is_directory(fs::path(path).parent_path(), ec)) {
        d.message = "No folder " + fs::path(path).parent_path().string();
        return;
    }
    if (d.mode == FileDialogMode::SaveNew && exists) {
        d.message = path + " exists already: open it instead, or give a new name";
        return;
    }
    if (d.mode == FileDialogMode::Save && exists) {
        d.pending_replace = path;  // asked by replace_popup, at the dialog's own level of the ID stack
        return;
    }
    finish(d, ctx, path);
}

void replace_popup(FileDialog& d, const FileDialogContext& ctx) {
    if (!d.pending_replace.empty() && !ImGui::IsPopupOpen("Replace the file?")) ImGui::OpenPopup("Replace the file?");
    if (!ImGui::BeginPopupModal("Replace the file?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::Text("%s already exists.", d.pending_replace.c_str());
    ImGui::TextUnformatted("Replace it?");
    bool replace = ImGui::Button("Replace");
    note(ctx, "dialog-replace");
    ImGui::SameLine();
    if (ImGui::Button("Keep it")) {
        d.pending_replace.clear();
        ImGui::CloseCurrentPopup();
    }
    note(ctx, "dialog-keep");
    ImGui::EndPopup();
    if (replace) finish(d, ctx, d.pending_replace);
}

// Up, and the folder shown as an editable path (Enter goes there).
void folder_row(FileDialog& d, const FileDialogContext& ctx) {
    if (ImGui::Button("Up")) go_to(d, fs::path(d.folder).parent_path().string());
    note(ctx, "dialog-up");
    ImGui::SameLine();
    std::string typed = d.folder;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##folder", &typed, ImGuiInputTextFlags_EnterReturnsTrue)) go_to(d, resolve_typed_path(typed, d.folder));
    note(ctx, "dialog-folder");
}

void listing(FileDialog& d, const FileDialogContext& ctx, float height) {
    if (d.listed_folder != d.folder || d.listed_filter != d.filter || d.listed_hidden != d.show_hidden) read_listing(d);
    ImGui::BeginChild("##listing", ImVec2(0, height), true);
    for (const auto& e : d.entries) {
        std::string label = (e.dir ? "[folder] " : "") + e.name;
        ImGui::PushID(e.name.c_str());
        bool clicked = ImGui::Selectable(label.c_str(), !e.dir && e.name == d.name, ImGuiSelectableFlags_AllowDoubleClick);
        note(ctx, "dialog-entry " + e.name);
        ImGui::PopID();
        if (!clicked) continue;
        if (e.dir) {
            go_to(d, (fs::path(d.folder) / e.name).string());
            break;  // the listing changes under the loop
        }
        d.name = e.name;
        d.message.clear();
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) accept(d, ctx);
    }
    if (d.entries.empty()) ImGui::TextDisabled("(no folders or matching files here)");
    ImGui::EndChild();
}

// The file name (any path may be typed), the type filter, OK and Cancel.
void name_row(FileDialog& d, const FileDialogContext& ctx) {
    float s = ctx.scale;
    const ImGuiStyle& st = ImGui::GetStyle();
    auto button_w = [&](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x + st.FramePadding.x * 2 + st.ItemSpacing.x; };
    float right = button_w(d.ok_label) + button_w("Cancel") + (d.filters.empty() ? 0 : 150 * s + st.ItemSpacing.x);
    ImGui::SetNextItemWidth(std::max(100 * s, ImGui::GetContentRegionAvail().x - right));
    bool enter = ImGui::InputTextWithHint("##name", "file name, or a path", &d.name, ImGuiInputTextFlags_EnterReturnsTrue);
    note(ctx, "dialog-name");
    ImGui::SameLine();
    if (!d.filters.empty()) {
        ImGui::SetNextItemWidth(150 * s);
        if (ImGui::BeginCombo("##filter", d.filters[d.filter].title.c_str())) {
            for (size_t i = 0; i < d.filters.size(); ++i)
                if (ImGui::Selectable(d.filters[i].title.c_str(), static_cast<int>(i) == d.filter)) d.filter = static_cast<int>(i);
            ImGui::EndCombo();
        }
        note(ctx, "dialog-filter");
        ImGui::SameLine();
    }
    if (ImGui::Button(d.ok_label.c_str()) || enter) accept(d, ctx);
    note(ctx, "dialog-ok");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
        d.open = false;
        ImGui::CloseCurrentPopup();
    }
    note(ctx, "dialog-cancel");
}

} // namespace

void draw_file_dialog(FileDialog& d, const FileDialogContext& ctx) {
    if (!d.open) return;
    float s = ctx.scale;
    std::string id = d.title + "###file-dialog";
    if (!ImGui::IsPopupOpen(id.c_str())) ImGui::OpenPopup(id.c_str());
    ImGui::SetNextWindowSize(ImVec2(780 * s, 500 * s), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(id.c_str(), &d.open)) return;
    folder_row(d, ctx);
    float list_h = ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 2.6f;
    ImGui::BeginChild("##places", ImVec2(190 * s, list_h), true);
    places_column(d, ctx);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginGroup();
    listing(d, ctx, list_h - ImGui::GetFrameHeightWithSpacing());
    ImGui::Checkbox("Hidden files", &d.show_hidden);
    ImGui::EndGroup();
    if (!d.message.empty()) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", d.message.c_str());
    else ImGui::TextDisabled("%s", d.folder.c_str());
    note(ctx, "dialog-says " + d.message);
    name_row(d, ctx);
    replace_popup(d, ctx);
    ImGui::EndPopup();
}

} // namespace sespm
