// window_options.cpp: `sespm-map` without a command opens the desktop map: the window options
// parsed into plain AppOptions (the window itself never sees the argument parser). Options:
// --data DIR, --layers DIR, --layer ID, --geography G, --within CODE|all, --open FILE
// [--by FIELD|area], --screenshot FILE.png [--frames N], --width W, --height H.
#include <iostream>

#include "app/window_options.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "core/error.h"
#include "ui/map_app.h"

namespace sespm {

static const char* kDesktopHelp = R"(usage: sespm-map [--layer ID] [--geography G] [--within CODE|all] [--open FILE [--by FIELD|area]]
                 [--project FILE] [--table] [--overlay FILE] [--scenario NAME [--compare NAME]] [--screenshot FILE.png [--frames N]] [--export-data FILE] [--export-png FILE.png]
                 [--width W] [--height H]
                 [--data DIR] [--layers DIR]

Opens the desktop map (default: dispersal density against the cluster limit, South East
districts, England as context). --project FILE keeps the pledges entered in the
attribute table (default ~/sespm-project.sespm, created on the first edit). --overlay FILE
draws any polygon file's outlines over the map (e.g. England's wards). --scenario NAME opens
a dispersal scenario from the project on the map (--compare NAME: the difference). --screenshot draws N frames (default 3) once the map has
loaded, saves the window to a PNG and exits; --export-data FILE does what File > Export > Save
data does (GeoJSON, CSV or GeoPackage of the map shown) once it has loaded, and exits;
--export-png FILE does what File > Export > Save PNG does (the map between the panels, framed
as `render --legend` frames it) and exits. --bench-frames N pans and zooms over the
loaded map for N frames and prints frame-time statistics (for bench/); with --bench-play the
frames play the time slider instead (every period in turn, from the earliest, round again).
--period DATE|latest|earliest opens a time series at that period. --first-frame exits as soon
as the first map is on the screen (for timing the whole start in bench/render.sh). --within takes a code or
a name (Kent, "Brighton and Hove", a unique start such as Brighton). Commands (sespm-map
--help-commands): layers, table, export, query, render, pledges, scenario.
Mouse: drag to pan, wheel to zoom at the cursor, click to select (shift adds), double-click
to zoom to an area. Keys: F fits the region, +/- zoom, Esc clears the selection, Ctrl+Z / Ctrl+Y
undo and redo, F12 saves the window to ~/Pictures (or your home folder).
)";

int run_desktop(const std::vector<std::string>& argv) {
    try {
        Args a = parse_args(argv, {"--data", "--layers", "--layer", "--geography", "--within", "--open", "--by",
                                   "--screenshot", "--export-data", "--export-png", "--frames", "--width", "--height", "--bench-frames", "--project", "--overlay", "--scenario", "--compare", "--period"}, {"--table", "--bench-play", "--first-frame"}, "sespm-map");
        if (a.has("--help")) { std::cout << kDesktopHelp; return 0; }
        if (!a.positional.empty())
            throw UsageError("unknown command '" + clip(a.positional[0]) + "' (" + command_names() + "; see sespm-map --help)");
        resolve_area_options(a, AreaKinds::Any);  // --within Kent as well as E10000016
        AppOptions o;
        o.data_dir = a.get("--data");
        o.layers_dir = a.get("--layers");
        o.view.layer_id = a.get("--layer").value_or("dispersal");
        o.view.within = std::string("E12000008");  // the South East in colour, England as context
        if (auto g = a.get("--geography")) {
            auto pg = parse_geography(*g);
            if (!pg) throw UsageError("--geography " + *g + ": use district, county, lep, subregion or region");
            o.view.geography = *pg;
        }
        if (auto w = a.get("--within")) {
            if (*w == "all") o.view.within.reset();
            else o.view.within = *w;
        }
        if (auto f = a.get("--open")) {
            o.view.open_file = *f;
            o.view.by = a.get("--by").value_or("area");
            if (!a.get("--within")) o.view.within.reset();
        }
        o.view.period = a.get("--period").value_or("");  // checked against the layer's periods when the map loads
        o.screenshot = a.get("--screenshot").value_or("");
        o.export_data = a.get("--export-data").value_or("");
        o.export_png = a.get("--export-png").value_or("");
        o.project = a.get("--project").value_or("");
        o.table_open = a.has("--table");
        o.overlay = a.get("--overlay").value_or("");
        o.scenario = a.get("--scenario").value_or("");
        o.compare = a.get("--compare").value_or("");
        if (!o.compare.empty() && o.scenario.empty()) throw UsageError("--compare needs --scenario");
        o.frames = a.integer("--frames", 3);
        o.bench_frames = a.integer("--bench-frames", 0);
        o.bench_play = a.has("--bench-play");
        o.first_frame = a.has("--first-frame");
        if (o.bench_play && o.bench_frames < 1) throw UsageError("--bench-play needs --bench-frames N");
        o.width = a.integer("--width", 1600);
        o.height = a.integer("--height", 1000);
        if (o.frames < 1) throw UsageError("--frames: at least 1");
        MapApp app(std::move(o));
        return app.run();
    } catch (const UsageError& e) {
        std::cerr << "sespm-map: usage error: " << clip_message(e.what()) << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "sespm-map: error: " << clip_message(e.what()) << "\n";
        return 1;
    }
}

} // namespace sespm
