// panel_scenario.cpp: the Scenario panel: dispersal scenarios kept in the project: pick, create,
// duplicate, rename, delete; allocate a total over the districts the map selects by a rule (the
// fair-share rule's Factors section is panel_scenario_factors.cpp);
// edit extra places per district, ratio overrides and clusters (from the districts selected on
// the map); see breaches, clusters that are not contiguous or below critical mass; show the
// scenario or its difference from another on the map. Every edit goes through the map model's
// commands (the same as `sespm-map scenario ...`), is saved at once and can be undone.
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "map/scenario_commands.h"
#include "map/scenario_eval.h"
#include "ui/panels/scenario_factors.h"
#include "widgets/edit_cell.h"

#include "core/error.h"
#include "map/triggers.h"
#include "ui/map_app.h"

namespace sespm {

namespace {

bool name_taken(const MapApp& app, const std::string& n) {
    return std::find(app.project.scenario_names.begin(), app.project.scenario_names.end(), n) != app.project.scenario_names.end();
}

// Pick a scenario; New, Duplicate as, Rename to, Delete.
void manage_section(MapApp& app, float s) {
    ScenarioPanelState& ps = app.panels.scenario;
    ImGui::TextDisabled("Saved in %s", app.project.path.c_str());
    std::string current = app.project.scenario ? app.project.scenario->name : "(none)";
    ImGui::SetNextItemWidth(260 * s);
    if (ImGui::BeginCombo("Scenario", current.c_str())) {
        if (ImGui::Selectable("(none: published figures)", !app.project.scenario)) app.project.open_scenario("");
        for (const auto& n : app.project.scenario_names)
            if (ImGui::Selectable(n.c_str(), app.project.scenario && app.project.scenario->name == n)) app.project.open_scenario(n);
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(std::min(200 * s, ImGui::GetContentRegionAvail().x));
    ImGui::InputTextWithHint("##newname", "name", ps.new_name, sizeof ps.new_name);
    app.hooks.note_widget("scenario-name");
    std::string nn = ps.new_name;
    bool usable = !nn.empty() && !name_taken(app, nn);
    if (!nn.empty() && !usable) { ImGui::SameLine(); ImGui::TextDisabled("(taken)"); }
    // The buttons flow onto the next line when the panel is too narrow for them all.
    float right = ImGui::GetWindowContentRegionMax().x + ImGui::GetWindowPos().x;
    auto button = [&](const char* label) {
        float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SameLine();
        if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        bool pressed = ImGui::Button(label);
        app.hooks.note_widget(std::string("scenario-button ") + label);
        return pressed;
    };
    if (button("New") && usable) app.project.new_scenario(nn);
    if (!app.project.scenario) return;
    if (button("Duplicate as") && usable) app.project.duplicate_scenario(nn);
    if (button("Rename to") && usable) app.project.rename_scenario(nn);
    if (button("Delete")) ImGui::OpenPopup("delete?");
    if (ImGui::BeginPopup("delete?")) {
        ImGui::Text("Delete '%s' from the project? (Ctrl+Z brings it back)", app.project.scenario->name.c_str());
        if (ImGui::Button("Delete it")) {
            app.project.delete_scenario();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void compare_section(MapApp& app, float s) {
    if (ImGui::Checkbox("Show on the map", &app.project.scenario_on_map)) app.project.refresh_scenario_view();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(200 * s);
    std::string cmp = app.project.compare_scenario ? app.project.compare_scenario->name : "(no comparison)";
    bool open = ImGui::BeginCombo("Compare with", cmp.c_str());
    app.hooks.note_widget("compare");
    if (open) {
        if (ImGui::Selectable("(no comparison)", !app.project.compare_scenario)) app.project.compare_with("");
        for (const auto& n : app.project.scenario_names) {
            if (n != app.project.scenario->name && ImGui::Selectable(n.c_str())) app.project.compare_with(n);
            app.hooks.note_widget("compare-with " + n);
        }
        ImGui::EndCombo();
    }
}

// Runs the allocation the panel describes and saves it into the open scenario (one undo step).
void run_allocation(MapApp& app) {
    ScenarioPanelState& ps = app.panels.scenario;
    AllocateRequest req;
    req.total = ps.total;
    req.rule = static_cast<AllocationRule>(ps.rule);
    req.within = app.screen.wanted.within;
    req.ratio_overrides = app.project.scenario->ratio_overrides;
    if (req.rule == AllocationRule::Factors && !factor_request(app, req)) return;
    std::optional<Allocation> al;
    bool ran = app.with_session([&](Session& session) {
        try { al = allocate_places(session, req); } catch (const std::exception& e) { app.screen.error = message_for_people(e); }
    });
    if (!ran) { app.screen.status = "Still loading: allocate again in a moment"; return; }
    if (!al) return;
    app.project.save_allocation_to_scenario(*al, {req.total, req.rule, req.within.value_or(""), al->result.total_allocated, al->model});
    app.screen.status = "Allocated " + std::to_string(al->result.total_allocated) + " of " + std::to_string(ps.total) +
                 " places; did not fit: " + std::to_string(al->result.shortfall);
    app.project.scenario_on_map = true;
    app.project.refresh_scenario_view();
}

// Allocating over a scenario that already has places replaces them: asked first, as the
// command line asks for --replace. Replace or Cancel (Esc); Ctrl+Z undoes a replacement.
void confirm_replace(MapApp& app) {
    if (!ImGui::BeginPopupModal("Replace the places?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    long long places = 0;
    for (const auto& [code, n] : app.project.scenario->extra_places) places += n;
    ImGui::Text("'%s' already has %lld places in %zu districts.", app.project.scenario->name.c_str(), places, app.project.scenario->extra_places.size());
    ImGui::TextUnformatted("Replace them with this allocation? Its ratios, clusters and notes are kept (Ctrl+Z undoes it).");
    if (ImGui::Button("Replace")) {
        ImGui::CloseCurrentPopup();
        run_allocation(app);
    }
    app.hooks.note_widget("allocate-replace");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        app.screen.status = "Allocation cancelled: '" + app.project.scenario->name + "' keeps its places";
        ImGui::CloseCurrentPopup();
    }
    app.hooks.note_widget("allocate-cancel");
    ImGui::EndPopup();
}

// Allocation over the districts the map selects (the South East by default).
void allocate_section(MapApp& app, float s) {
    ScenarioPanelState& ps = app.panels.scenario;
    ImGui::TextDisabled("Allocate places");
    ImGui::SetNextItemWidth(120 * s);
    ImGui::InputInt("places", &ps.total, 100, 1000);
    ImVec2 t0 = ImGui::GetItemRectMin(), t1 = ImGui::GetItemRectMax();
    app.hooks.note_rect("allocate-total", t0.x, t0.y, t0.x + 40 * s, t1.y);  // the typed number, not its - and + buttons
    ps.total = std::max(0, ps.total);
    ImGui::SameLine();
    const char* rules[] = {"by population", "by headroom", "equalise rates", "fair share (factors)"};
    ImGui::SetNextItemWidth(170 * s);
    ImGui::Combo("##rule", &ps.rule, rules, 4);
    app.hooks.note_widget("allocate-rule");
    ImGui::SameLine();
    bool pressed = ImGui::Button("Allocate");
    app.hooks.note_widget("allocate");
    if (pressed && app.project.scenario->extra_places.empty()) run_allocation(app);
    else if (pressed) ImGui::OpenPopup("Replace the places?");
    if (app.project.scenario) confirm_replace(app);
    if (ps.rule == static_cast<int>(AllocationRule::Factors) && app.project.scenario) factors_section(app, s);
}

// The districts selected on the map that the scenario covers: a context district (outside the
// region, selectable for its tooltip) is left out and counted in `outside`.
std::vector<std::string> selected_districts(const MapApp& app, int& outside) {
    std::vector<std::string> sel;
    outside = 0;
    if (app.screen.map && app.screen.map->view.options.geography == Geography::District && app.screen.map->view.options.open_file.empty())
        for (int i : app.screen.selected) {
            bool in_region = i < static_cast<int>(app.screen.map->view.row_of_area.size()) && app.screen.map->view.row_of_area[i] >= 0;
            if (in_region) sel.push_back(app.screen.map->view.set->areas[i].code);
            else ++outside;
        }
    return sel;
}

// Ratio overrides and clusters from the selection on the map; the critical mass.
void selection_section(MapApp& app, float s) {
    ScenarioPanelState& ps = app.panels.scenario;
    ImGui::TextDisabled("Selected districts");
    int outside = 0;
    std::vector<std::string> sel = selected_districts(app, outside);
    ImGui::TextDisabled("%zu selected on the map (click, shift-click)%s", sel.size(),
                        outside ? ("; " + std::to_string(outside) + " outside the region left out").c_str() : "");
    ImGui::SetNextItemWidth(120 * s);
    ImGui::InputFloat("residents per place", &ps.ratio, 10, 50, "%.0f");
    ImGui::SameLine();
    if (ImGui::Button("Set ratio") && !sel.empty() && ps.ratio >= 1)
        for (const auto& c : sel) app.project.edit_scenario(ScenarioEdit::set_ratio(c, ps.ratio));
    ImGui::SameLine();
    if (ImGui::Button("Clear ratio") && !sel.empty())
        for (const auto& c : sel) app.project.edit_scenario(ScenarioEdit::set_ratio(c, 0));
    ImGui::SetNextItemWidth(200 * s);
    ImGui::InputTextWithHint("##cluster", "cluster name", ps.cluster_name, sizeof ps.cluster_name);
    app.hooks.note_widget("cluster-name");
    ImGui::SameLine();
    bool make = ImGui::Button("Make a cluster of them");
    app.hooks.note_widget("make-cluster");
    if (make && !sel.empty() && ps.cluster_name[0]) app.project.edit_scenario(ScenarioEdit::set_cluster({ps.cluster_name, sel}));
    ImGui::SetNextItemWidth(120 * s);
    if (auto typed = edit_cell("##critical", std::to_string(app.project.scenario->critical_mass), "0", true)) {
        long long cm = typed->empty() ? 0 : std::atoll(typed->c_str());
        if (cm >= 0) app.project.edit_scenario(ScenarioEdit::set_critical_mass(cm));
    }
    ImGui::SameLine();
    ImGui::TextUnformatted("critical mass (places per cluster)");
}

void summary_lines(MapApp& app, const ScenarioOutcome& o) {
    ImGui::Text("%.0f places (%.0f extra) against a limit of %.0f (the sum of the districts' limits)", o.new_total, o.extra, o.limit);
    std::map<std::string, std::string> names;
    std::string zero;  // no published current figure: counted as 0 current places
    for (const auto& d : o.districts) {
        names[d.code] = d.name;
        if (!d.current) zero += (zero.empty() ? "" : ", ") + d.name;
    }
    if (!zero.empty())
        ImGui::TextWrapped("Taken as 0 now (the Home Office publishes no zero rows, so these have no published figure): %s",
                           zero.c_str());
    if (o.breaches.empty()) ImGui::TextUnformatted("No district over its cluster limit.");
    else {
        std::string b;
        for (const auto& c : o.breaches) b += (b.empty() ? "" : ", ") + (names.count(c) ? names[c] : c);
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(170, 20, 20, 255));
        ImGui::TextWrapped("Over the limit: %s", b.c_str());
        ImGui::PopStyleColor();
    }
    for (size_t k = 0; k < o.clusters.size(); ++k) {
        const auto& c = o.clusters[k];
        ImGui::PushID(static_cast<int>(k));
        ImGui::Text("Cluster %s: %.0f places, limit %.0f, %s%s%s%s%s", c.name.c_str(), c.new_total, c.limit, c.status.c_str(),
                    c.contiguous ? "" : ", NOT CONTIGUOUS", c.below_critical_mass ? ", BELOW CRITICAL MASS" : "",
                    c.trigger_pct ? ", " : "", cluster_trigger_text(c).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("remove")) app.project.edit_scenario(ScenarioEdit::remove_cluster(c.name));
        ImGui::PopID();
    }
}

void district_table(MapApp& app, const ScenarioOutcome& o, float s) {
    if (!ImGui::BeginTable("districts", 6, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV,
                           ImVec2(0, 240 * s)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* h : {"District", "Current", "Extra", "New total", "% of limit", "Status"}) ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (const auto& d : o.districts) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.name.c_str());
        ImGui::TableNextColumn();
        if (d.current) ImGui::Text("%.0f", *d.current); else ImGui::TextDisabled("none published (taken as 0)");
        ImGui::TableNextColumn();
        ImGui::PushID(d.code.c_str());
        ImGui::SetNextItemWidth(-1);
        if (auto typed = edit_cell("##extra", std::to_string(d.extra), "0", true)) {
            long long n = typed->empty() ? 0 : std::atoll(typed->c_str());
            if (n >= 0) app.project.edit_scenario(ScenarioEdit::set_places(d.code, n));
        }
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::Text("%.0f", d.new_total);
        ImGui::TableNextColumn();
        ImGui::Text("%.1f", d.share_pct);
        ImGui::TableNextColumn();
        if (d.status == "over") ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "over");
        else ImGui::TextUnformatted(d.status.c_str());
    }
    ImGui::EndTable();
}

// Results, recomputed after each edit.
void results_section(MapApp& app, float s) {
    ScenarioPanelState& ps = app.panels.scenario;
    const Scenario& sc = *app.project.scenario;
    if (!ps.outcome_for || !(*ps.outcome_for == sc)) {
        app.with_session([&](Session& session) {
            ps.outcome_for = sc;
            try {
                ps.outcome = evaluate_scenario_in(*session.atlas, session.layer("dispersal"), sc, app.screen.wanted.within);
                add_cluster_triggers(app.project.triggers, *ps.outcome);
            } catch (const std::exception& e) {
                app.screen.error = message_for_people(e);
            }
        });
    }
    if (!ps.outcome) return;
    ImGui::Separator();
    ImGui::TextDisabled("Results");
    summary_lines(app, *ps.outcome);
    district_table(app, *ps.outcome, s);
}

} // namespace

void panel_scenario(MapApp& app) {
    float s = app.screen.ui_scale;
    // bottom-left, above the attribute table pane, leaving the legend and the map's centre clear
    ImGuiViewport* vp = ImGui::GetMainViewport();
    float table_top = vp->WorkPos.y + vp->WorkSize.y - app.bottom_pane_px();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 10 * s, table_top - 10 * s), ImGuiCond_FirstUseEver, ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(500 * s, std::min(470 * s, table_top - vp->WorkPos.y - 20 * s)), ImGuiCond_FirstUseEver);
    if (!begin_panel(app, PanelId::Scenario)) { ImGui::End(); return; }
    ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    if (wp.y + ws.y > table_top && !ImGui::IsWindowCollapsed()) {  // never under the table pane (it grew, or the panel was dragged)
        float h = std::min(ws.y, table_top - vp->WorkPos.y - 10 * s);
        ImGui::SetWindowSize(ImVec2(ws.x, h));
        ImGui::SetWindowPos(ImVec2(wp.x, std::max(vp->WorkPos.y, table_top - h - 5 * s)));
        wp = ImGui::GetWindowPos();
        ws = ImGui::GetWindowSize();
    }
    app.hooks.note_rect("scenario-panel", wp.x, wp.y, wp.x + ws.x, wp.y + ws.y);
    bool has_dispersal = false;
    for (const auto& l : app.layers()) has_dispersal |= l.id == "dispersal";
    if (!has_dispersal) { ImGui::TextUnformatted("No dispersal layer (layers/dispersal.json)."); ImGui::End(); return; }
    manage_section(app, s);
    if (app.project.scenario) {
        ImGui::Separator();
        compare_section(app, s);
        ImGui::Separator();
        allocate_section(app, s);
        ImGui::Separator();
        selection_section(app, s);
        if (app.project.scenario) results_section(app, s);
    }
    ImGui::End();
}

} // namespace sespm
