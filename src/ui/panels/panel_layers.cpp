// panel_layers.cpp: the Layers panel: which overlay, at which geography, over which areas,
// how it is classified and coloured, ESOL provider points, opening any file (shown as the map,
// or added as an outline layer over it), and the layer list (panel_layer_list.cpp).
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "rules/cell.h"
#include "rules/classify.h"
#include "core/csv.h"
#include "core/text.h"
#include "widgets/edit_cell.h"
#include "ui/map_app.h"

#include "map/class_policy.h"

namespace sespm {

namespace {

const LayerSpec* wanted_spec(const MapApp& app) {
    if (!app.screen.wanted.open_file.empty()) return nullptr;  // an opened file has no layer file: not the last layer's settings
    for (const auto& l : app.layers()) if (l.id == app.screen.wanted.layer_id) return &l;
    return nullptr;
}

// One overlay's radio button; true when it was chosen.
bool overlay_choice(MapApp& app, const LayerSpec& l) {
    MapRequest& w = app.screen.wanted;
    bool changed = false;
    {
        bool on = w.open_file.empty() && w.layer_id == l.id;
        if (ImGui::RadioButton(l.title.c_str(), on) && !on) {
            if (!w.open_file.empty())  // the opened file gives way to the layer: say so, and how to get it back
                app.screen.status_after_load = "Closed " + std::filesystem::path(w.open_file).filename().string() + " (File > Open file... shows it again)";
            w.layer_id = l.id;
            w.open_file.clear();
            w.classes = {};
            if (l.native == Geography::County && w.geography == Geography::District) w.geography = Geography::County;
            changed = true;
        }
        app.hooks.note_widget("layer " + l.id);
    }
    return changed;
}

// Returns true when the map must be rebuilt. Layers whose file names a "section" (the pressures
// and the labour market) are listed under its heading, closed unless one of them is shown.
bool overlay_section(MapApp& app) {
    MapRequest& w = app.screen.wanted;
    bool changed = false;
    ImGui::TextDisabled("Overlay");
    std::vector<std::string> sections;
    for (const auto& l : app.layers()) {
        if (!l.has_figures()) continue;
        if (l.section.empty()) changed |= overlay_choice(app, l);
        else if (std::find(sections.begin(), sections.end(), l.section) == sections.end()) sections.push_back(l.section);
    }
    for (const auto& section : sections) {
        bool shown = false;
        for (const auto& l : app.layers()) shown |= l.section == section && w.open_file.empty() && w.layer_id == l.id;
        if (shown) ImGui::SetNextItemOpen(true, ImGuiCond_Always);
        bool open = ImGui::CollapsingHeader(section.c_str());
        app.hooks.note_widget("section " + section);
        if (!open) continue;
        ImGui::Indent();
        for (const auto& l : app.layers())
            if (l.has_figures() && l.section == section) changed |= overlay_choice(app, l);
        ImGui::Unindent();
    }
    for (const auto& l : app.layers()) {
        if (l.kind != LayerKind::Points) continue;
        bool on = w.points_layer == l.id;
        if (ImGui::Checkbox(l.title.c_str(), &on)) {
            w.points_layer = on ? l.id : "";
            changed = true;
        }
    }
    return changed;
}

bool areas_section(MapApp& app, bool& refit) {
    MapRequest& w = app.screen.wanted;
    bool changed = false;
    ImGui::TextDisabled("Areas");
    if (!w.open_file.empty()) {  // an opened file's own areas: the built-in geographies do not apply
        std::string name = std::filesystem::path(w.open_file).filename().string();
        ImGui::TextWrapped("Those of %s (choose a layer above for the built-in geographies)", name.c_str());
        return false;
    }
    const char* geos[] = {"Districts", "Counties and unitaries", "LEPs", "SESPM sub-regions", "Regions"};
    int g = static_cast<int>(w.geography);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::Combo("##geography", &g, geos, IM_ARRAYSIZE(geos))) {
        w.geography = static_cast<Geography>(g);
        changed = refit = true;
    }
    bool se = w.within.has_value();
    if (ImGui::Checkbox("South East only (the rest as context)", &se)) {
        if (se) w.within = "E12000008";
        else w.within.reset();
        changed = refit = true;
    }
    return changed;
}

bool palette_combo(MapApp& app, const LayerSpec* spec) {
    MapRequest& w = app.screen.wanted;
    float s = app.screen.ui_scale;
    bool changed = false;
    // what the map on the screen is drawn with (a scenario's, a difference's, a file's own default)
    std::string pal = !w.classes.palette.empty() ? w.classes.palette
                      : app.screen.map && !app.screen.map->view.palette.empty() ? app.screen.map->view.palette
                      : chosen_palette(w.classes, spec, MapKind::Layer);
    std::string pal_title = pal;
    for (const auto& p : palettes()) if (p.id == pal) pal_title = p.title;
    ImGui::SetNextItemWidth(-1);
    bool open = ImGui::BeginCombo("##palette", pal_title.c_str());
    app.hooks.note_widget("palette " + pal);
    if (!open) return false;
    for (const auto& p : palettes()) {
        auto cols = palette_colors(p.id, 5);
        ImVec2 pos = ImGui::GetCursorScreenPos();
        float sw = 14 * s;
        for (int i = 0; i < 5; ++i)
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(pos.x + i * sw, pos.y + 2 * s), ImVec2(pos.x + (i + 1) * sw, pos.y + 14 * s),
                                                      IM_COL32(cols[i].r, cols[i].g, cols[i].b, 255));
        ImGui::Dummy(ImVec2(5 * sw + 6 * s, 0));
        ImGui::SameLine();
        if (ImGui::Selectable(p.title.c_str(), p.id == pal)) {
            w.classes.palette = p.id;
            changed = true;
        }
    }
    ImGui::EndCombo();
    return changed;
}

// The upper bounds of the classes on the map now (all but the last, which runs to the top).
std::vector<double> current_breaks(const MapApp& app, const LayerSpec* spec) {
    if (spec && spec->class_method == "manual" && !spec->manual_breaks.empty()) return spec->manual_breaks;
    std::vector<double> b;
    if (!app.screen.map) return b;
    const auto& up = app.screen.map->view.styled.classification.upper;
    for (size_t i = 0; i + 1 < up.size(); ++i) b.push_back(round_to(up[i], 1));
    b.erase(std::unique(b.begin(), b.end()), b.end());
    return b;
}

std::string breaks_text(const std::vector<double>& b) {
    std::string t;
    for (double x : b) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", x);
        t += (t.empty() ? "" : ", ") + std::string(buf);
    }
    return t;
}

// Manual classes: the upper bounds typed as a list ("1, 2, 5, 10"), applied on Enter; a list
// that is not ascending numbers is refused with the reason, and the map keeps its classes.
bool breaks_field(MapApp& app) {
    MapRequest& w = app.screen.wanted;
    ImGui::SetNextItemWidth(-1);
    auto typed = edit_cell("##breaks", breaks_text(w.classes.breaks), "class upper bounds, e.g. 1, 2, 5, 10", false);
    app.hooks.note_widget("breaks");
    ImGui::TextDisabled("Upper bounds, ascending; Enter applies");
    if (!typed) return false;
    std::vector<double> b;
    std::string t = *typed;
    std::replace(t.begin(), t.end(), ';', ',');
    for (const auto& part : split_list(t)) {
        std::string p = trim(part);
        char* end = nullptr;
        double d = std::strtod(p.c_str(), &end);
        if (p.empty() || *end || !std::isfinite(d)) {
            app.screen.error = "Manual breaks: '" + p + "' is not a number (give ascending numbers, e.g. 1, 2, 5, 10)";
            return false;
        }
        if (!b.empty() && !(d > b.back())) {
            app.screen.error = "Manual breaks: " + p + " is not above the break before it (give ascending numbers)";
            return false;
        }
        b.push_back(d);
    }
    if (b.empty() || b.size() > 12) {
        app.screen.error = "Manual breaks: give 1 to 12 ascending numbers";
        return false;
    }
    w.classes.breaks = b;
    return true;
}

bool display_options(MapApp& app) {  // the map's opacity is in the layer list
    ImGui::Checkbox(app.screen.wanted.open_file.empty() ? "District names" : "Area names", &app.screen.labels);
    app.hooks.note_widget("names");
    return false;
}

bool classes_section(MapApp& app) {
    MapRequest& w = app.screen.wanted;
    bool changed = false;
    ImGui::TextDisabled("Classes");
    const LayerSpec* spec = wanted_spec(app);
    if (app.screen.map && app.screen.map->view.kind != MapKind::Layer && w.classes.method.empty())
        ImGui::TextWrapped("%s map: %s (pick a method to override)", app.screen.map->view.kind == MapKind::Pressure ? "Pressure" : "Scenario",
                           app.screen.map->view.classification.c_str());
    const char* methods[] = {"quantile", "equal", "jenks", "stddev", "manual"};
    const char* method_titles[] = {"Quantiles", "Equal intervals", "Natural breaks (Jenks)", "Standard deviation", "Manual breaks"};
    std::string cur = !w.classes.method.empty() ? w.classes.method : spec ? spec->class_method : "quantile";
    int m = 0;
    for (int i = 0; i < 5; ++i) if (cur == methods[i]) m = i;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##method", method_titles[m])) {
        for (int i = 0; i < 5; ++i) {
            if (ImGui::Selectable(method_titles[i], i == m) && i != m) {
                w.classes.method = methods[i];
                if (i == 4 && w.classes.breaks.empty()) w.classes.breaks = current_breaks(app, spec);  // start from the classes shown
                if (i != 4) w.classes.breaks.clear();
                changed = true;
            }
            app.hooks.note_widget(std::string("method ") + methods[i]);
        }
        ImGui::EndCombo();
    }
    app.hooks.note_widget("method");
    if (m == 4) return breaks_field(app) | changed | palette_combo(app, spec) | display_options(app);
    int k = w.classes.classes ? *w.classes.classes : spec ? spec->classes : 5;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderInt("##classes", &k, 2, 9, "%d classes")) {
        w.classes.classes = k;
        changed = true;
    }
    changed |= palette_combo(app, spec);
    return display_options(app) | changed;
}

// Any file: open it as the map or add it over the map; style an opened file by a field.
bool file_section(MapApp& app) {
    MapRequest& w = app.screen.wanted;
    float s = app.screen.ui_scale;
    bool changed = false;
    ImGui::TextDisabled("Any vector file (GeoJSON, GeoPackage, Shapefile...)");
    char buf[1024];
    std::snprintf(buf, sizeof buf, "%s", app.panels.open_path.c_str());
    ImGui::SetNextItemWidth(-60 * s);
    if (ImGui::InputTextWithHint("##open", "path to a file", buf, sizeof buf)) app.panels.open_path = buf;
    ImGui::SameLine();
    if (ImGui::Button("Open") && !app.panels.open_path.empty()) app.open_file(app.panels.open_path);
    if (ImGui::Button("Add over the map") && !app.panels.open_path.empty()) app.add_overlay(app.panels.open_path);
    ImGui::SameLine();
    if (ImGui::Button("Browse..."))
        app.files.ask_path(FileDialogMode::Open, "Choose a vector file", {{"Vector files", {".geojson", ".json", ".gpkg", ".shp", ".fgb", ".kml", ".gml"}}, {"All files", {}}},
                     app.panels.open_path, [&app](const std::string& p) { app.panels.open_path = p; });
    ImGui::TextDisabled("or drop a file on the window to open it");
    if (w.open_file.empty()) return false;
    std::vector<std::string> fields{"area"};  // style the file by any numeric property, or by area
    if (app.screen.map && app.screen.map->view.options.open_file == w.open_file && !app.screen.map->view.set->areas.empty())
        for (const auto& [k, val] : app.screen.map->view.set->areas[0].props) {
            char* end = nullptr;
            std::strtod(val.c_str(), &end);
            if (!val.empty() && end && *end == 0) fields.push_back(k);
        }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##by", ("Style by: " + (w.by.empty() ? std::string("area") : w.by)).c_str())) {
        for (const auto& f : fields)
            if (ImGui::Selectable(f.c_str(), f == w.by)) { w.by = f; changed = true; }
        ImGui::EndCombo();
    }
    return changed;
}

} // namespace

void panel_layers(MapApp& app) {
    ImGuiViewport* vp = ImGui::GetMainViewport();
    float s = app.screen.ui_scale;
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 10 * s, vp->WorkPos.y + 10 * s), ImGuiCond_Always, ImVec2(1, 0));
    // as tall as its content was last frame, but it scrolls rather than run over the
    // attribution strip and the table pane below it
    float room = std::max(160 * s, vp->WorkSize.y - app.bottom_pane_px() - 70 * s);
    float h = app.screen.layers_content_h > 0 ? std::min(app.screen.layers_content_h, room) : 0;
    ImGui::SetNextWindowSize(ImVec2(360 * s, h), ImGuiCond_Always);
    begin_panel(app, PanelId::Layers, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
    bool refit = false;
    bool changed = overlay_section(app);
    ImGui::Separator();
    changed |= areas_section(app, refit);
    if (changed) {  // another layer or geography: the map leaves a model's pressure index
        app.screen.wanted.pressure.clear();
        app.panels.scenario.pressure_on_map = false;
    }
    ImGui::Separator();
    changed |= classes_section(app);
    ImGui::Separator();
    changed |= file_section(app);
    ImGui::Separator();
    layer_list(app);
    ImGui::Separator();
    if (ImGui::Button("Fit to region (F)")) app.fit_to_selection();
    ImGui::SameLine();
    if (ImGui::Button("Questions...")) app.panels.open(PanelId::Query) = true;
    ImGui::SameLine();
    if (ImGui::Button("Export...")) app.panels.open(PanelId::Export) = true;
    app.screen.layers_content_h = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y + ImGui::GetScrollY();
    ImGui::End();
    if (changed) app.request_map(refit);
}

} // namespace sespm
