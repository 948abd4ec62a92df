// edit_cell.cpp: see edit_cell.h.
#include "ui/edit_cell.h"

#include <imgui.h>

#include <cstring>
#include <unordered_map>

namespace sespm {

namespace {
struct Field {
    char buf[64] = "";
    bool active = false;
};
std::unordered_map<ImGuiID, Field>& fields() {
    static std::unordered_map<ImGuiID, Field> f;
    return f;
}
} // namespace

std::optional<std::string> edit_cell(const char* id, const std::string& current, const char* hint, bool decimal) {
    Field& f = fields()[ImGui::GetID(id)];
    if (!f.active) std::snprintf(f.buf, sizeof f.buf, "%s", current.c_str());  // show the model while idle
    ImGui::InputTextWithHint(id, hint, f.buf, sizeof f.buf, decimal ? ImGuiInputTextFlags_CharsDecimal : 0);
    f.active = ImGui::IsItemActive();
    if (ImGui::IsItemDeactivatedAfterEdit()) return std::string(f.buf);
    return std::nullopt;
}

} // namespace sespm
