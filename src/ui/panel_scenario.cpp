// panel_scenario.cpp: the Scenario panel: dispersal scenarios kept in the project file: pick,
// create, duplicate, rename, delete; allocate a total over the South East by a rule; edit extra
// places per district, ratio overrides and clusters (from the districts selected on the map);
// see breaches, clusters that are not contiguous or below critical mass; show the scenario or
// its difference from another on the map. Every edit is saved at once and can be undone.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/allocation.h"
#include "io/project_store.h"
#include "map/scenario_eval.h"
#include "ui/edit_cell.h"
#include "ui/map_app.h"

namespace sespm {

namespace {

struct PanelState {
    std::vector<std::string> names;
    bool names_dirty = true;
    char new_name[128] = "";
    char other_name[128] = "";
    char cluster_name[128] = "";
    int total = 1000;
    int rule = 2;
    float ratio = 200;
    std::optional<Scenario> outcome_for;
    std::optional<ScenarioOutcome> outcome;
};

PanelState& state() {
    static PanelState s;
    return s;
}

const LayerSpec* dispersal_spec(const MapApp& app) {
    for (const auto& l : app.layers) if (l.id == "dispersal") return &l;
    return nullptr;
}

} // namespace

void panel_scenario(MapApp& app) {
    float s = app.ui_scale;
    PanelState& ps = state();
    // bottom-left, above the attribute table's bar, leaving the legend and the map's centre clear
    ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 10 * s, vp->WorkPos.y + vp->WorkSize.y - 50 * s), ImGuiCond_FirstUseEver, ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(500 * s, 470 * s), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Dispersal scenarios", &app.show_scenario)) { ImGui::End(); return; }
    const LayerSpec* spec = dispersal_spec(app);
    if (!spec) { ImGui::TextUnformatted("No dispersal layer (layers/dispersal.json)."); ImGui::End(); return; }
    if (ps.names_dirty) {
        try {
            ps.names = ProjectStore(app.project_path, true).scenario_names();
        } catch (const std::exception& e) {
            app.error = e.what();
        }
        ps.names_dirty = false;
    }
    ImGui::TextDisabled("Saved in %s", app.project_path.c_str());
    std::string current = app.scenario ? app.scenario->name : "(none)";
    ImGui::SetNextItemWidth(260 * s);
    if (ImGui::BeginCombo("Scenario", current.c_str())) {
        if (ImGui::Selectable("(none: published figures)", !app.scenario)) app.open_scenario("");
        for (const auto& n : ps.names)
            if (ImGui::Selectable(n.c_str(), app.scenario && app.scenario->name == n)) app.open_scenario(n);
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(200 * s);
    ImGui::InputTextWithHint("##newname", "name", ps.new_name, sizeof ps.new_name);
    ImGui::SameLine();
    std::string nn = ps.new_name;
    bool taken = std::find(ps.names.begin(), ps.names.end(), nn) != ps.names.end();
    auto with_store = [&](const std::function<void(ProjectStore&)>& f) {
        try {
            ProjectStore store(app.project_path, true);
            f(store);
        } catch (const std::exception& e) {
            app.error = e.what();
        }
        ps.names_dirty = true;
    };
    if (ImGui::Button("New") && !nn.empty() && !taken) {
        with_store([&](ProjectStore& st) { Scenario sc; sc.name = nn; st.save_scenario(sc); });
        app.open_scenario(nn);
    }
    if (app.scenario) {
        ImGui::SameLine();
        if (ImGui::Button("Duplicate as") && !nn.empty() && !taken) {
            Scenario copy = *app.scenario;
            copy.name = nn;
            with_store([&](ProjectStore& st) { st.save_scenario(copy); });
            app.open_scenario(nn);
        }
        ImGui::SameLine();
        if (ImGui::Button("Rename to") && !nn.empty() && !taken) {
            std::string old = app.scenario->name;
            with_store([&](ProjectStore& st) { st.rename_scenario(old, nn); });
            app.open_scenario(nn);
        }
        ImGui::SameLine();
        if (ImGui::Button("Delete")) ImGui::OpenPopup("delete?");
        if (ImGui::BeginPopup("delete?")) {
            ImGui::Text("Delete '%s' from the project?", app.scenario->name.c_str());
            if (ImGui::Button("Delete it")) {
                std::string old = app.scenario->name;
                with_store([&](ProjectStore& st) { st.delete_scenario(old); });
                app.open_scenario("");
                ImGui::CloseCurrentPopup();
            }
            ImGui::EndPopup();
        }
    }
    if (!app.scenario) { ImGui::End(); return; }
    Scenario& sc = *app.scenario;

    ImGui::Separator();
    if (ImGui::Checkbox("Show on the map", &app.scenario_on_map)) app.refresh_scenario_view();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(200 * s);
    std::string cmp = app.compare_scenario ? app.compare_scenario->name : "(no comparison)";
    if (ImGui::BeginCombo("Compare with", cmp.c_str())) {
        if (ImGui::Selectable("(no comparison)", !app.compare_scenario)) { app.compare_scenario.reset(); app.refresh_scenario_view(); }
        for (const auto& n : ps.names) {
            if (n == sc.name) continue;
            if (ImGui::Selectable(n.c_str())) {
                try { app.compare_scenario = ProjectStore(app.project_path, true).load_scenario(n); } catch (const std::exception& e) { app.error = e.what(); }
                app.scenario_on_map = true;
                app.refresh_scenario_view();
            }
        }
        ImGui::EndCombo();
    }

    // Allocation over the districts the map selects (the South East by default).
    ImGui::Separator();
    ImGui::TextDisabled("Allocate places");
    ImGui::SetNextItemWidth(120 * s);
    ImGui::InputInt("places", &ps.total, 100, 1000);
    ps.total = std::max(0, ps.total);
    ImGui::SameLine();
    const char* rules[] = {"by population", "by headroom", "equalise rates"};
    ImGui::SetNextItemWidth(150 * s);
    ImGui::Combo("##rule", &ps.rule, rules, 3);
    ImGui::SameLine();
    if (ImGui::Button("Allocate")) {
        std::optional<AllocationResult> res;
        std::vector<AllocationInput> in;
        bool ran = app.with_session([&](Atlas& atlas, const GeosContext&) {
            try {
                in = allocation_inputs(dispersal_baseline(atlas, *spec, app.wanted.within), sc, spec->limit_per);
                res = allocate(in, ps.total, static_cast<AllocationRule>(ps.rule));
            } catch (const std::exception& e) {
                app.error = e.what();
            }
        });
        if (!ran) app.status = "Still loading: allocate again in a moment";
        if (res) {
            app.edit_scenario([&](Scenario& x) {
                x.extra_places.clear();
                for (size_t i = 0; i < in.size(); ++i) if (res->allocated[i] > 0) x.extra_places[in[i].code] = res->allocated[i];
            });
            app.status = "Allocated " + std::to_string(res->total_allocated) + " of " + std::to_string(ps.total) +
                         " places; did not fit: " + std::to_string(res->shortfall);
            app.scenario_on_map = true;
            app.refresh_scenario_view();
        }
    }

    // Overrides and clusters from the selection on the map.
    ImGui::Separator();
    ImGui::TextDisabled("Selected districts");
    std::vector<std::string> sel;
    if (app.map && app.map->view.options.geography == Geography::District && app.map->view.options.open_file.empty())
        for (int i : app.selected) sel.push_back(app.map->view.set->areas[i].code);
    ImGui::TextDisabled("%zu selected on the map (click, shift-click)", sel.size());
    ImGui::SetNextItemWidth(120 * s);
    ImGui::InputFloat("residents per place", &ps.ratio, 10, 50, "%.0f");
    ImGui::SameLine();
    if (ImGui::Button("Set ratio") && !sel.empty() && ps.ratio >= 1)
        app.edit_scenario([&](Scenario& x) { for (const auto& c : sel) x.ratio_overrides[c] = ps.ratio; });
    ImGui::SameLine();
    if (ImGui::Button("Clear ratio") && !sel.empty())
        app.edit_scenario([&](Scenario& x) { for (const auto& c : sel) x.ratio_overrides.erase(c); });
    ImGui::SetNextItemWidth(200 * s);
    ImGui::InputTextWithHint("##cluster", "cluster name", ps.cluster_name, sizeof ps.cluster_name);
    ImGui::SameLine();
    if (ImGui::Button("Make a cluster of them") && sel.size() >= 1 && ps.cluster_name[0]) {
        std::string cname = ps.cluster_name;
        app.edit_scenario([&](Scenario& x) {
            auto it = std::find_if(x.clusters.begin(), x.clusters.end(), [&](const Cluster& c) { return c.name == cname; });
            if (it == x.clusters.end()) x.clusters.push_back({cname, sel});
            else it->districts = sel;
        });
    }
    ImGui::SetNextItemWidth(120 * s);
    if (auto typed = edit_cell("##critical", std::to_string(sc.critical_mass), "0", true)) {
        long long cm = typed->empty() ? 0 : std::atoll(typed->c_str());
        if (cm >= 0) app.edit_scenario([&](Scenario& x) { x.critical_mass = cm; });
    }
    ImGui::SameLine();
    ImGui::TextUnformatted("critical mass (places per cluster)");

    // Results (recomputed after each edit).
    if (!ps.outcome_for || !(*ps.outcome_for == sc)) {
        app.with_session([&](Atlas& atlas, const GeosContext&) {
            try {
                ps.outcome = evaluate_scenario_in(atlas, *spec, sc, app.wanted.within);
                ps.outcome_for = sc;
            } catch (const std::exception& e) {
                app.error = e.what();
                ps.outcome_for = sc;
            }
        });
    }
    if (ps.outcome) {
        const ScenarioOutcome& o = *ps.outcome;
        ImGui::Separator();
    ImGui::TextDisabled("Results");
        ImGui::Text("%.0f places (%.0f extra) against a summed limit of %.0f", o.new_total, o.extra, o.limit);
        if (o.breaches.empty()) ImGui::TextUnformatted("No district over its cluster limit.");
        else {
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(170, 20, 20, 255));
            std::string b;
            for (const auto& c : o.breaches) b += (b.empty() ? "" : ", ") + c;
            ImGui::TextWrapped("Over the limit: %s", b.c_str());
            ImGui::PopStyleColor();
        }
        for (size_t k = 0; k < o.clusters.size(); ++k) {
            const auto& c = o.clusters[k];
            ImGui::PushID(static_cast<int>(k));
            ImGui::Text("Cluster %s: %.0f places, limit %.0f, %s%s%s", c.name.c_str(), c.new_total, c.limit, c.status.c_str(),
                        c.contiguous ? "" : ", NOT CONTIGUOUS", c.below_critical_mass ? ", BELOW CRITICAL MASS" : "");
            ImGui::SameLine();
            if (ImGui::SmallButton("remove")) {
                std::string cname = c.name;
                app.edit_scenario([&](Scenario& x) {
                    x.clusters.erase(std::remove_if(x.clusters.begin(), x.clusters.end(), [&](const Cluster& q) { return q.name == cname; }), x.clusters.end());
                });
            }
            ImGui::PopID();
        }
        if (ImGui::BeginTable("districts", 6, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV,
                              ImVec2(0, 240 * s))) {
            ImGui::TableSetupScrollFreeze(0, 1);
            for (const char* h : {"District", "Current", "Extra", "New total", "% of limit", "Status"}) ImGui::TableSetupColumn(h);
            ImGui::TableHeadersRow();
            for (const auto& d : o.districts) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(d.name.c_str());
                ImGui::TableNextColumn();
                if (d.current) ImGui::Text("%.0f", *d.current); else ImGui::TextDisabled("-");
                ImGui::TableNextColumn();
                ImGui::PushID(d.code.c_str());
                ImGui::SetNextItemWidth(-1);
                if (auto typed = edit_cell("##extra", std::to_string(d.extra), "0", true)) {
                    long long n = typed->empty() ? 0 : std::atoll(typed->c_str());
                    std::string code = d.code;
                    if (n >= 0) app.edit_scenario([&](Scenario& x) { if (n == 0) x.extra_places.erase(code); else x.extra_places[code] = n; });
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
    }
    ImGui::End();
}

} // namespace sespm
