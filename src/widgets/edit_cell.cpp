// edit_cell.cpp: see edit_cell.h.
#include "widgets/edit_cell.h"

#include <imgui.h>

#include <cstdio>
#include <cstring>
#include <unordered_map>

namespace sespm {

namespace {
struct Field {
    char buf[64] = "";
    std::string initial;       // the model's text when the edit began
    bool active = false;
    bool cancelled = false;    // Esc was pressed during this edit
};
std::unordered_map<ImGuiID, Field>& fields() {
    static std::unordered_map<ImGuiID, Field> f;
    return f;
}
} // namespace

std::optional<std::string> edit_cell(const char* id, const std::string& current, const char* hint, bool decimal) {
    Field& f = fields()[ImGui::GetID(id)];
    if (!f.active) std::snprintf(f.buf, sizeof f.buf, "%s", current.c_str());  // show the model while idle
    // a click selects the whole value, so what is typed replaces it (as in a spreadsheet cell)
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_AutoSelectAll | (decimal ? ImGuiInputTextFlags_CharsDecimal : 0);
    ImGui::InputTextWithHint(id, hint, f.buf, sizeof f.buf, flags);
    bool active = ImGui::IsItemActive();
    if (active && !f.active) {
        f.initial = current;
        f.cancelled = false;
    }
    if (active && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) f.cancelled = true;
    f.active = active;
    if (!ImGui::IsItemDeactivated()) return std::nullopt;
    std::string typed(f.buf);
    if (f.cancelled || typed == f.initial) {  // Esc, or nothing changed: the model stands
        std::snprintf(f.buf, sizeof f.buf, "%s", current.c_str());
        return std::nullopt;
    }
    return typed;
}

} // namespace sespm
