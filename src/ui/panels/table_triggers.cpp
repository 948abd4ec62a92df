// table_triggers.cpp: see table_triggers.h.
#include "ui/panels/table_triggers.h"

#include <imgui.h>

#include <cstdlib>

#include "map/triggers.h"
#include "widgets/edit_cell.h"
#include "ui/map_app.h"

namespace sespm {

namespace {

std::optional<double> trigger_of(const std::map<std::string, double>& triggers, const std::string& code) {
    auto it = triggers.find(code);
    return it == triggers.end() ? std::nullopt : std::optional<double>(it->second);
}

std::optional<double> share_of(const MapView& v, int r) {
    return r < static_cast<int>(v.result.measures.size()) ? v.result.measures[r].share_pct : std::nullopt;
}

// "60" or "62.5": as a planner would type it back.
std::string pct_text(double pct) { return Cell::of_num(pct, pct == static_cast<long long>(pct) ? 0 : 1).format(); }

void typed_trigger(MapApp& app, const std::string& code, const std::string& t) {
    if (t.empty()) { app.project.set_trigger(code, std::nullopt); return; }
    char* end = nullptr;
    double pct = std::strtod(t.c_str(), &end);
    if (end == t.c_str() || *end != '\0' || !(pct > 0 && pct <= 100))
        app.screen.error = "A trigger point is a share of the limit in percent, more than 0 and at most 100: '" + t + "'";
    else app.project.set_trigger(code, pct);
}

} // namespace

bool has_trigger_columns(const MapApp& app, const MapView& v) {
    return !v.result.spec.limit_column.empty() && v.options.open_file.empty() && v.kind == MapKind::Layer && !app.loading() &&
           !v.result.measures.empty();
}

void trigger_headers(const MapApp& app) {
    ImGui::TableSetupColumn("Agreed trigger (% of limit)", ImGuiTableColumnFlags_WidthFixed, 150 * app.screen.ui_scale);
    ImGui::TableSetupColumn("Trigger status");
}

void trigger_cells(MapApp& app, const MapView& v, int r, int first) {
    const std::string& code = v.result.rows[r][0].text;
    auto pct = trigger_of(app.project.triggers, code);
    ImGui::TableSetColumnIndex(first);
    ImGui::PushID(r * 1000 + 999);
    ImGui::SetNextItemWidth(-1);
    auto typed = edit_cell("##trigger", pct ? pct_text(*pct) : "", "agree", true);
    app.hooks.note_widget("trigger " + code);
    if (typed) typed_trigger(app, code, *typed);
    ImGui::PopID();
    ImGui::TableNextColumn();
    std::string status = pct ? trigger_status(share_of(v, r), *pct) : "";
    if (status == "reached") ImGui::TextColored(ImVec4(0.70f, 0.09f, 0.17f, 1), "reached");
    else if (status.empty()) ImGui::TextDisabled("-");
    else ImGui::TextUnformatted(status.c_str());
}

Cell trigger_sort_cell(const std::map<std::string, double>& triggers, const MapView& v, int r, int k) {
    auto pct = trigger_of(triggers, v.result.rows[r][0].text);
    if (k == 0) return Cell::of_num(pct, 1);
    return Cell::of_text(pct ? trigger_status(share_of(v, r), *pct) : "");
}

} // namespace sespm
