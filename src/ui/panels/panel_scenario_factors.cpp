// panel_scenario_factors.cpp: the Scenario panel's Factors section (see scenario_factors.h).
#include "ui/panels/scenario_factors.h"

#include <imgui.h>

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "core/error.h"
#include "map/fair_share_preview.h"
#include "ui/map_app.h"

namespace sespm {

namespace {

// Every layer that can be a factor (district figures with a declared direction), once; a
// reopened scenario's model is set into them then.
void fill_choices(MapApp& app, ScenarioPanelState& ps) {
    if (ps.factors.empty())
        for (const auto& l : app.layers())
            if (l.higher_is_pressure && l.native == Geography::District)
                ps.factors.push_back({l.id, l.title, *l.higher_is_pressure, false, 1});
    if (!ps.model_to_load || ps.factors.empty()) return;
    for (auto& c : ps.factors) c.on = false;
    std::string dropped;
    for (const auto& fw : ps.model_to_load->factors) {
        bool found = false;
        for (auto& c : ps.factors)
            if (c.layer == fw.layer) { c.on = true; c.weight = fw.weight; found = true; }
        if (!found) dropped += (dropped.empty() ? "" : ", ") + fw.layer;
    }
    if (!dropped.empty())  // said, never dropped silently: Allocate would save a different model
        app.screen.error = "The saved model's factor " + dropped + " is not a layer that can be a factor here (layers/): "
                           "left out of the Factors section";
    ps.model_to_load.reset();
}

std::vector<FactorWeight> chosen(const ScenarioPanelState& ps) {
    std::vector<FactorWeight> out;
    for (const auto& c : ps.factors)
        if (c.on) out.push_back({c.layer, c.weight});
    return out;
}

// Everything the preview depends on, as text: when it changes, the preview is worked out again.
std::string model_key(const MapApp& app, const ScenarioPanelState& ps) {
    std::string k = std::to_string(ps.total) + "|" + std::to_string(ps.meaning) + "|" + std::to_string(ps.floor) + "|" +
                    std::to_string(ps.cap) + "|" +
                    app.screen.wanted.within.value_or("") + "|";
    char buf[64];
    for (const auto& f : chosen(ps)) {
        auto r = std::to_chars(buf, buf + sizeof buf, f.weight);
        k += f.layer + "=" + std::string(buf, r.ptr) + ",";
    }
    if (app.project.scenario)
        for (const auto& [code, ratio] : app.project.scenario->ratio_overrides) k += code + ":" + std::to_string(ratio) + ",";
    return k;
}

std::string signed_places(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.1f", v);
    return buf;
}

// The pressure index on the map (or back to the scenario or the published figures).
void show_pressure(MapApp& app, ScenarioPanelState& ps) {
    MapRequest& w = app.screen.wanted;
    if (!ps.pressure_on_map) {
        w.pressure.clear();
        app.project.refresh_scenario_view();
        return;
    }
    app.project.scenario_on_map = false;
    w.scenario.reset();
    w.compare_with.reset();
    w.layer_id = "dispersal";
    w.open_file.clear();
    w.geography = Geography::District;
    w.pressure = chosen(ps);
    if (w.pressure.empty()) { ps.pressure_on_map = false; app.project.refresh_scenario_view(); return; }
    app.request_map(false);
}

void refresh_preview(MapApp& app, ScenarioPanelState& ps) {
    std::string key = model_key(app, ps);
    if (key == ps.preview_key) return;
    double now = ImGui::GetTime();
    if (ImGui::IsAnyItemActive() && now - ps.preview_at < 0.25) return;  // a slider moving: a few times a second
    AllocateRequest req;
    req.total = ps.total;
    req.rule = AllocationRule::Factors;
    req.within = app.screen.wanted.within;
    req.factors = chosen(ps);
    req.meaning = ps.meaning == 1 ? TotalMeaning::Stock : TotalMeaning::Extra;
    req.floor = ps.meaning == 1 ? 0 : ps.floor;
    req.cap_ratio = ps.cap == 200 ? 0 : ps.cap;
    if (app.project.scenario) req.ratio_overrides = app.project.scenario->ratio_overrides;
    if (req.factors.empty()) {
        ps.preview.reset();
        ps.preview_error = "Add a pressure to see each district's share and why.";
        ps.preview_key = key;
        return;
    }
    bool ran = app.with_session([&](Session& s) {
        try {
            ps.preview = preview_model(s, req);
            ps.preview_error.clear();
        } catch (const std::exception& e) {
            ps.preview.reset();
            ps.preview_error = message_for_people(e);
        }
    });
    if (!ran) return;  // still loading: next frame
    ps.preview_key = key;
    ps.preview_at = now;
    if (ps.pressure_on_map) show_pressure(app, ps);
}

// The chosen pressures, a weight slider each (and a button to take it out), then a list to add
// another; what the total means; the floor.
void choices(MapApp& app, ScenarioPanelState& ps, float s) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("Each pressure moves a district's population share down where it is under more pressure and up "
                        "where less. Weight 1: the district under most pressure counts 0.37 of its population.");
    ImGui::PopTextWrapPos();
    for (auto& c : ps.factors) {
        if (!c.on) continue;
        ImGui::PushID(c.layer.c_str());
        if (ImGui::SmallButton("x")) c.on = false;
        app.hooks.note_widget("factor-remove " + c.layer);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Take %s out of the model", c.title.c_str());
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110 * s);
        const double lo = 0, hi = 3;
        ImGui::SliderScalar("##weight", ImGuiDataType_Double, &c.weight, &lo, &hi, "%.2f");
        app.hooks.note_widget("weight " + c.layer);
        ImGui::SameLine();
        ImGui::TextUnformatted(c.title.c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", c.higher_is_pressure ? "A higher figure means more pressure: fewer places"
                                                          : "A lower figure means more pressure: fewer places");
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(std::min(320 * s, ImGui::GetContentRegionAvail().x));
    bool open = ImGui::BeginCombo("##add", "Add a pressure...", ImGuiComboFlags_HeightLargest);
    app.hooks.note_widget("factor-add");
    if (open) {
        for (auto& c : ps.factors) {
            if (c.on) continue;
            if (ImGui::Selectable(c.title.c_str())) { c.on = true; c.weight = 1.0; }
            app.hooks.note_widget("factor-add " + c.layer);
        }
        ImGui::EndCombo();
    }
    ImGui::RadioButton("places to add", &ps.meaning, 0);
    ImGui::SameLine();
    ImGui::RadioButton("the total to hold in all", &ps.meaning, 1);
    app.hooks.note_widget("factors-stock");
    if (ps.meaning == 0) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(90 * s);
        ImGui::InputInt("at least each", &ps.floor, 1, 5);
        ps.floor = std::max(0, ps.floor);
    }
    ImGui::SetNextItemWidth(110 * s);
    ImGui::InputDouble("residents per place (cap)", &ps.cap, 10, 50, "%g");
    app.hooks.note_widget("factors-cap");
    ps.cap = std::clamp(ps.cap, 200.0, 1e9);   // stricter than the cluster limit, never looser
    ImGui::PushTextWrapPos(0);
    if (ps.cap == 200) ImGui::TextDisabled("No district above its cluster limit (1 per 200 residents, or its agreed ratio)");
    else ImGui::TextDisabled("No district above 1 per %g residents (or its agreed ratio); status still reads against the cluster limit", ps.cap);
    ImGui::PopTextWrapPos();
}

void preview_summary(const ScenarioPanelState& ps) {
    const Allocation& a = ps.preview->allocation;
    ImGui::PushTextWrapPos(0);
    if (!a.targets.empty())
        ImGui::Text("Preview, not saved: targets add up to %lld of %d; %lld places to add to reach them; %lld held above them",
                    ps.total - a.result.shortfall, ps.total, a.result.total_allocated, a.surplus);
    else
        ImGui::Text("Preview, not saved: %lld of %d places allocated; did not fit: %lld", a.result.total_allocated, ps.total,
                    a.result.shortfall);
    // the factors' gaps, by name: what a district without a figure was counted as
    for (const auto& f : a.factors) {
        std::vector<std::string> without;
        factor_pressure(f, a.inputs, &without);
        if (without.empty()) continue;
        std::string names;
        for (const auto& code : without)
            for (const auto& b : a.base)
                if (b.code == code) names += (names.empty() ? "" : ", ") + b.name;
        std::string title = f.name;
        for (const auto& c : ps.factors) if (c.layer == f.name) title = c.title;
        ImGui::TextDisabled("%s: no figure for %s (%s)", title.c_str(), names.c_str(),
                            f.missing_is_zero ? "counted as none: its layer file says a missing figure most likely means none"
                                              : "given the others' mean pressure");
    }
    ImGui::PopTextWrapPos();
}

void preview_table(MapApp& app, const ScenarioPanelState& ps, float s) {
    const ModelPreview& p = *ps.preview;
    const Allocation& a = p.allocation;
    bool stock = !a.targets.empty();
    int cols = 5 + static_cast<int>(a.factors.size()) + (ps.compare_population ? 2 : 0);
    ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_RowBg |
                            ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("fair-share", cols, flags, ImVec2(0, 220 * s))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("District");
    ImGui::TableSetupColumn("Pressure");
    ImGui::TableSetupColumn("Population share");
    for (const auto& f : a.factors) {
        std::string title = f.name;
        for (const auto& c : ps.factors) if (c.layer == f.name) title = c.title;
        ImGui::TableSetupColumn(title.c_str());
    }
    ImGui::TableSetupColumn("Cap");
    ImGui::TableSetupColumn(stock ? "Target" : "Places");
    if (ps.compare_population) {
        ImGui::TableSetupColumn(stock ? "By population (target)" : "By population");
        ImGui::TableSetupColumn("Difference");
    }
    ImGui::TableHeadersRow();
    app.hooks.note_widget("fair-share-table");
    for (size_t i = 0; i < a.inputs.size(); ++i) {
        const auto& row = p.shares.rows[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(a.base[i].name.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.2f", p.pressure[i]);
        ImGui::TableNextColumn();
        ImGui::Text("%.1f", row.population);
        for (double push : row.pushes) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(signed_places(push).c_str());
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(signed_places(row.cap).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%lld", row.result);
        if (ps.compare_population) {
            ImGui::TableNextColumn();
            ImGui::Text("%lld", p.by_population[i]);
            ImGui::TableNextColumn();
            ImGui::Text("%+lld", row.result - p.by_population[i]);
        }
    }
    ImGui::EndTable();
}

} // namespace

void load_model(ScenarioPanelState& ps, const FairShareModel& m) {
    ps.rule = static_cast<int>(AllocationRule::Factors);
    ps.model_to_load = m;
    ps.meaning = m.meaning == TotalMeaning::Stock ? 1 : 0;
    ps.floor = static_cast<int>(std::min<long long>(m.floor, 1000000));
    ps.cap = m.cap_ratio > 0 ? m.cap_ratio : 200;
}

bool factor_request(MapApp& app, AllocateRequest& req) {
    ScenarioPanelState& ps = app.panels.scenario;
    req.factors = chosen(ps);
    req.meaning = ps.meaning == 1 ? TotalMeaning::Stock : TotalMeaning::Extra;
    req.floor = ps.meaning == 1 ? 0 : ps.floor;
    req.cap_ratio = ps.cap == 200 ? 0 : ps.cap;
    if (req.factors.empty()) app.screen.status = "Add a pressure under the rule (Add a pressure...), or choose another rule";
    return !req.factors.empty();
}

void factors_section(MapApp& app, float s) {
    ScenarioPanelState& ps = app.panels.scenario;
    fill_choices(app, ps);
    if (ps.factors.empty()) {
        ImGui::TextWrapped("No layer can be a factor: a layer file says \"pressure\": \"higher\" or \"lower\" to be one.");
        return;
    }
    ImGui::Checkbox("Compare with the population rule", &ps.compare_population);
    app.hooks.note_widget("compare-population");
    ImGui::SameLine();
    if (ImGui::Checkbox("Pressure index on the map", &ps.pressure_on_map)) show_pressure(app, ps);
    app.hooks.note_widget("pressure-map");
    choices(app, ps, s);
    refresh_preview(app, ps);
    if (!ps.preview_error.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(ps.preview_error.c_str());
        ImGui::PopTextWrapPos();
    }
    if (!ps.preview) return;
    preview_summary(ps);
    preview_table(app, ps, s);
}

void fair_share_tooltip(const MapApp& app, const std::string& code) {
    const ScenarioPanelState& ps = app.panels.scenario;
    if (!ps.preview || ps.rule != static_cast<int>(AllocationRule::Factors)) return;
    const ModelPreview& p = *ps.preview;
    const Allocation& a = p.allocation;
    size_t i = 0;
    while (i < a.inputs.size() && a.inputs[i].code != code) ++i;
    if (i == a.inputs.size()) return;
    const auto& row = p.shares.rows[i];
    ImGui::Separator();
    ImGui::TextDisabled("Fair share (the Factors preview, not saved)");
    if (ImGui::BeginTable("why", 2)) {
        auto line = [](const std::string& what, const std::string& value) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", what.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(value.c_str());
        };
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", p.pressure[i]);
        line("Pressure index", buf);
        std::snprintf(buf, sizeof buf, "%.1f", row.population);
        line("Population share", buf);
        for (size_t k = 0; k < a.factors.size() && k < row.pushes.size(); ++k) {
            std::string title = a.factors[k].name;
            for (const auto& c : ps.factors) if (c.layer == title) title = c.title;
            line(title, signed_places(row.pushes[k]));
        }
        line("Cluster limit (cap)", signed_places(row.cap));
        line("Floor and rounding", signed_places(row.floor_and_rounding));
        line(a.targets.empty() ? "Places" : "Target", std::to_string(row.result));
        if (!a.targets.empty()) line("Still to add", std::to_string(a.result.allocated[i]));
        ImGui::EndTable();
    }
}

} // namespace sespm
