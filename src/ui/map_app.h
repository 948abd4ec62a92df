// map_app.h: the desktop map: a GLFW window with Dear ImGui panels over the same map model the
// command line uses (src/map: one Session, MapRequest -> MapView, the scenario and pledge
// commands). The app owns the session (data, layers, atlas, project) through a background
// loader: loading, evaluating and tessellating a map happens off the main thread while the
// window keeps drawing the previous map and a progress bar; the main thread only uploads.
#pragma once
#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "rules/allocation.h"
#include "rules/layer_spec.h"
#include "rules/scenario.h"
#include "rules/scenario_edit.h"
#include "core/undo.h"
#include "map/atlas.h"
#include "stores/pg_listen.h"
#include "map/project_snapshot.h"
#include "map/scenario_commands.h"
#include "map/session.h"
#include "report/report.h"
#include "render/camera.h"
#include "render/map_renderer.h"
#include "map/map_view.h"
#include "render/mesh.h"
#include "render/overlay.h"
#include "render/picker.h"
#include "widgets/file_dialog.h"
#include "ui/layer_stack.h"
#include "widgets/map_fit.h"
#include "widgets/window_settings.h"
#include "ui/panels/panel_state.h"
#include "ui/panels/panels.h"
#include "ui/map_screen.h"
#include "ui/open_project.h"
#include "ui/project_live.h"
#include "ui/window_files.h"
#include "ui/test_hooks.h"

struct GLFWwindow;

namespace sespm {

struct AppOptions {
    std::optional<std::string> data_dir, layers_dir;
    MapRequest view;
    std::string project;         // --project FILE: pledges and scenarios (created on the first edit)
    std::string screenshot;      // --screenshot FILE: draw `frames` frames, save, exit
    std::string export_data;     // --export-data FILE: File > Export of the loaded map, then exit
    std::string export_png;      // --export-png FILE: File > Export's PNG of the loaded map, then exit
    int frames = 3;
    int bench_frames = 0;
    bool bench_play = false;     // --bench-play: the benchmark frames play the time slider instead of panning
    bool first_frame = false;    // --first-frame: exit once the first map has been drawn and shown (bench/)
    bool table_open = false;     // --table: the attribute table starts expanded
    std::string overlay;         // --overlay FILE: an extra layer over the map
    std::string scenario, compare;  // --scenario NAME [--compare NAME]: shown on the map, panel open
    int width = 1600, height = 1000;
};

class MapApp {
    friend class OpenProject;
    friend class LiveProject;
    friend class WindowFiles;
    friend class TestHooks;

public:
    explicit MapApp(AppOptions opt);
    ~MapApp();
    // Opens the window and runs until it is closed; returns the process exit code.
    int run();

    // --- what the window holds, each part in its own file -----------------------------------
    AppOptions options;
    MapScreen screen;                      // what the window shows (ui/map_screen.h)
    PanelWindows panels;                   // which panels are open, where, what each remembers (ui/panels/panels.h)
    OpenProject project;                   // the project's rows as stored, and every edit (ui/open_project.h)
    LiveProject live;                      // opening a project by location, a server's live refresh, conflicts (ui/project_live.h)
    TestHooks hooks;                       // $SESPM_UI_LAYOUT and --bench-frames (ui/test_hooks.h)
    WindowFiles files;                     // the File menu, the file dialog, settings kept, the title (ui/window_files.h)

    // --- what the panels ask of the window --------------------------------------------------
    const std::vector<LayerSpec>& layers() const;
    std::string data_dir() const;
    void request_map(bool refit);          // start loading `screen.wanted` (queued if one is running)
    bool loading() const { return job_.valid() && !cancel_.load(); }
    // Runs f with the session when no background job is using it; returns false if busy.
    bool with_session(const std::function<void(Session&)>& f);
    void open_file(const std::string& path);   // show any polygon file GDAL reads (menu, drop, --open)
    void add_overlay(const std::string& path);
    float bottom_pane_px() const;          // the attribute table pane's height taken from the map
    void fit_to_selection();
    void zoom_to_area(int area);
    // Zooms to a place found by name or postcode and selects the areas of the map that make it
    // up (or contain it); says so in the status line when none of the map's areas do.
    void show_place(const PlaceMatch& m);
    // File > Export > Save PNG: the view as the user sees it, or, with `only_selected`, the
    // selected areas framed whole and centred (one county for a council's page).
    void export_png(const std::string& path, bool only_selected = false);
    void export_vector(const std::string& path);
    // Writes the board report off the main thread (the map stays usable; progress is shown).
    void start_report(const ReportRequest& req);

private:
    bool ctrl_chord(int key) const;              // Ctrl+key pressed since the last frame, outside text fields
    void step_period(int delta);           // the time slider's , and . keys
    void cancel_loading() { cancel_ = true; }
    float progress() const { return progress_.load(); }
    Bbox visible_map_bbox() const;         // the map between the panels, BNG (what File > Export draws)
    Bbox selected_bbox() const;            // the selected areas framed whole, with a margin, BNG
    void poll_job();
    void handle_input();
    void draw_frame();
    void draw_menu_bar();
    void draw_banners();
    void draw_map();
    bool open_window();                    // GLFW, GL context, ImGui, callbacks; false when impossible
    bool after_frame(int& frame, int& code); // --screenshot, --export-data, F12; true: leave the loop
    void close_window();
    // Framing (map_framing.cpp): fit `whole` (its `parts` clear of the docked panels) into the
    // map's free space now, and again over the next frames as the panels settle.
    void frame_world(const Bbox& whole, const std::vector<Bbox>& parts);
    void refit_after_panels();
    std::vector<ScreenBox> docked_panels() const;
    Bbox fit_whole_{};
    std::vector<Bbox> fit_parts_;
    int refit_frames_ = 0;
    ScreenBox fit_shown_;                  // where the last fit put the map: what File > Export frames
    void draw_tooltip();
    void place_tooltip();
    void point_tooltip(int p);
    void recent_in_tooltip(const MapView& v, int row);
    void area_tooltip(const MapView& v, int area);
    ImVec2 tooltip_size_{0, 0};
    bool save_screenshot(const std::string& path);
    void start_mesh_upgrade();            // builds the full mesh of a map shown with a quick one
    bool mesh_upgrading_ = false;         // the job running is start_mesh_upgrade's
    // poll_job's adopters, one per MapBundle::Kind (adopt_map: false when the request pending must wait)
    void adopt_report(std::unique_ptr<MapBundle> b);
    void adopt_overlay(std::unique_ptr<MapBundle> b);
    void adopt_mesh_upgrade(std::unique_ptr<MapBundle> b);
    bool adopt_map(std::unique_ptr<MapBundle> b);
    void add_pending_overlay();           // --overlay, once the first map is wholly there
    void run_pending_request();
    double idle_wait_s() const;
    std::vector<ScreenBox> docked_now_;      // this frame's docked panels (refit_after_panels)
    std::array<double, 3> fitted_camera_{};  // the camera (mpp, cx, cy) the last fit made
    float fitted_bottom_px_ = 0;            // the table pane's height when it was made

    GLFWwindow* window_ = nullptr;
    std::unique_ptr<Session> session_;     // used by the loader thread, or by with_session when idle
    std::unique_ptr<GeosContext> ui_geos_; // picking on the main thread
    std::unique_ptr<MapRenderer> renderer_;
    LabelFitCache label_cache_;
    std::future<std::unique_ptr<MapBundle>> job_;
    std::atomic<float> progress_{0};
    std::chrono::steady_clock::time_point job_started_;  // when job_ began (the banner waits a moment)
    std::atomic<bool> cancel_{false};       // the Cancel button: the running load is dropped
    std::string job_error_;
    bool report_running_ = false;          // the job is a board report (no Cancel: it is written whole)
    bool pending_ = false, pending_refit_ = false;
    bool dragging_ = false;
    int undo_requested_ = 0;             // Ctrl+Z presses (negative) and Ctrl+Y presses since the last frame
    bool screenshot_requested_ = false;  // F12: the window to sespm-window-N.png in ~/Pictures (else ~)
    int screenshot_count_ = 0;
    struct KeyRelease { int key, scancode, mods; };
    std::set<int> pressed_this_frame_;             // keys pressed since the last NewFrame
    std::set<int> ctrl_chords_;                    // keys pressed with Ctrl since the last frame (Ctrl+E, Ctrl+O)
    std::vector<KeyRelease> deferred_releases_;    // their releases, handed to ImGui a frame later
    double last_x_ = 0, last_y_ = 0, press_x_ = 0, press_y_ = 0;
};

// Shared by the panels (ui/panels/) and the window.
inline constexpr float kLayersPanelWidth = 360;   // the Layers panel, right edge (times ui_scale)
float table_height_clamped(const MapApp& app, float h);  // 120 px to 3/4 of the window
// "3 of 14 districts have no published figure": what a group's total leaves out.
std::string group_gap_text(int without, int members, Geography native);
void layer_list(MapApp& app);      // in the Layers panel (panel_layer_list.cpp)
void panel_find(MapApp& app);      // in the menu bar
void project_menu(MapApp& app);    // File menu items: the open project, open another

} // namespace sespm
