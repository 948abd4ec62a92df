// panels.h: every panel of the window in one table: its window title, its entry in the View menu
// (a panel that is always there has none), whether it lies over the map (framing keeps the
// areas clear of it), whether it starts open, and the function that draws it. A panel opens its
// window with begin_panel, which also notes where it was drawn, so the framing asks the panels
// where they are instead of looking windows up by title. A new panel is its panel_*.cpp and one
// row in panels.cpp; a panel that remembers something between frames adds its struct and member
// to panel_state.h.
#pragma once
#include <array>
#include <cstddef>
#include <vector>

#include <imgui.h>

#include "widgets/map_fit.h"
#include "ui/panels/panel_state.h"

namespace sespm {

class MapApp;

enum class PanelId { Layers, Time, Table, Scenario, Query, Chart, Changes, Export, Report, About };
inline constexpr size_t kPanelCount = 10;

struct PanelInfo {
    PanelId id;
    const char* title;         // the ImGui window's name ("##..." shows no title)
    const char* view_menu;     // its toggle in the View menu; nullptr: none (always there, or opened by an action)
    bool always;               // drawn every frame, never closed
    bool over_map;             // lies over the map: framing keeps the areas clear of it
    bool starts_open;
    void (*draw)(MapApp&);
};

// Every panel, in the order they are drawn (and listed in the View menu).
const std::vector<PanelInfo>& all_panels();
const PanelInfo& panel_info(PanelId id);

// Which panels are open, where each was drawn in the last frames, and what each remembers
// between frames (PanelStates: typed text, choices, results, in ui/panels/panel_state.h).
class PanelWindows : public PanelStates {
public:
    PanelWindows();
    // A new map or project: the panels showing results start afresh (the open scenario's
    // figures are recomputed; the total and rule it was allocated with stay).
    void reset_results();

    bool& open(PanelId id) { return open_[index(id)]; }
    bool is_open(PanelId id) const { return open_[index(id)]; }
    // The panels over the map drawn this frame or the one before, with `margin` pixels around.
    std::vector<ScreenBox> over_map(float margin) const;
    void placed(PanelId id, const ScreenBox& box);   // begin_panel's note

private:
    static size_t index(PanelId id) { return static_cast<size_t>(id); }
    std::array<bool, kPanelCount> open_{};
    std::array<ScreenBox, kPanelCount> box_{};
    std::array<int, kPanelCount> frame_{};
};

// ImGui::Begin for the panel (with a close box when it can be closed), then notes where it is.
// As with ImGui::Begin, ImGui::End must follow whatever it returns.
bool begin_panel(MapApp& app, PanelId id, ImGuiWindowFlags flags = 0);

} // namespace sespm
