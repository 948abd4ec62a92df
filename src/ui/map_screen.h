// map_screen.h: what the window shows, as one plain struct the panels read and change: the map
// asked for and the map loaded (a MapBundle from the background loader), the layers drawn over
// it, the camera and style, the selection and hover, the attribute table pane, and the status
// line and error banner. No behaviour: MapApp and the panels act on it.
#pragma once
#include <memory>
#include <set>
#include <string>

#include "map/map_view.h"
#include "map/session.h"
#include "render/camera.h"
#include "render/map_renderer.h"
#include "render/mesh.h"
#include "render/overlay.h"
#include "render/picker.h"
#include "report/report.h"
#include "ui/layer_stack.h"

namespace sespm {

// What one background load produces; adopted whole by the main thread.
struct MapBundle {
    MapView view;
    MapMesh mesh;
    std::unique_ptr<AreaPicker> picker;
    // What the job made, each adopted by its own function (ui/map_loader.cpp: poll_job):
    // Map: the map to show; Overlay: an extra layer drawn with it (layer_stack.h); MeshUpgrade:
    // the full mesh of a map shown with a quick one; Report: a board report written.
    enum class Kind { Map, Overlay, MeshUpgrade, Report };
    Kind kind = Kind::Map;
    bool refit = true;           // the selection changed: fit the camera to it
    // A large file seen for the first time: the mesh is only the first view's level of detail,
    // without label points, so the map is on the screen sooner; the full mesh follows.
    bool quick_mesh = false;
    std::string period_note;       // the period asked for is not the layer's: which one is shown instead
    ReportSummary report;
    std::string report_path;
};

struct MapScreen {
    MapRequest wanted;                     // what the panels ask for
    std::unique_ptr<MapBundle> map;        // what is shown
    // The map and the files added over it (outlines and a light wash, e.g. England's wards over
    // the district choropleth), in the order the Layers panel lists and draws them (layer_stack.h).
    LayerStack layer_stack;
    Camera camera;
    DrawStyle style;
    Fonts fonts;
    float ui_scale = 1.0f;
    bool labels = true;
    bool furniture = true;                 // the scale bar and north arrow (View menu; in PNG exports too)
    std::set<int> selected;                // area indices
    int hovered = -1;
    int hovered_point = -1;                // a provider dot (view.points) under the cursor
    // The attribute table pane along the bottom: expanded or a bar, its height when expanded
    // (dragged with its splitter, kept across maps).
    bool table_expanded = false;
    float table_height = 0;                // 0: a third of the window, set on the first frame
    float layers_content_h = 0;            // the Layers panel's content height, last frame (it scrolls when taller than the room)
    std::string error;                     // shown in a banner until dismissed
    std::string status;
    std::string status_after_load;         // said with the next map's status line (what the change of map closed)
};

} // namespace sespm
