// helpers.h: what the tests share: the real data directory (../shared/data beside the checkout,
// or $SESPM_DATA), running the real sespm-map binary and capturing its output and exit code,
// and scratch directories that are removed afterwards.
#pragma once
#include <array>
#include <map>
#include <string>
#include <vector>

#include "map/atlas.h"
#include "rules/allocation.h"
#include "rules/layer_spec.h"

namespace sespm { class ProjectStore; }

namespace test {

std::string data_dir();
std::string layers_dir();

struct RunResult {
    int exit_code = -1;
    std::string out, err;
};
// Runs sespm-map with the arguments (each shell-quoted) and the given extra environment.
RunResult run_sespm(const std::vector<std::string>& args, const std::string& env = "");
// Runs any shell command; returns exit code and stdout.
RunResult run_shell(const std::string& cmd);

// The independent GeoJSON checker (tests/node/check-geojson.mjs, or $SESPM_GEOJSON_CHECK); a
// test that needs it fails, naming how to install it, when node or its packages are missing.
std::string geojson_checker();

struct ScratchDir {
    std::string path;
    ScratchDir();
    ~ScratchDir();
    std::string file(const std::string& name) const { return path + "/" + name; }
    void write(const std::string& name, const std::string& text) const;
};

// A data directory whose boundaries/ and postcodes/ link to the real ones and whose stats/ holds
// copies of the real files (links out of the data directory are refused), with files overridden.
struct FakeDataDir : ScratchDir {
    FakeDataDir();
    // Replaces stats/NAME (a real file) with `text`.
    void override_stats(const std::string& name, const std::string& text) const;
};

std::string read_file(const std::string& path);
bool file_exists(const std::string& path);
// The first line (CSV header) of text.
std::string first_line(const std::string& text);
std::vector<std::string> lines(const std::string& text);
std::vector<std::string> split_csv_simple(const std::string& line);

// Figures read straight from the data's CSVs (never through the program), for expected values:
// every row of a CSV (relative to the data directory) as column -> cell; code -> value in one
// period of a series file (absent = no row); population by 2024 code (mid-2019 summed by its
// code_lad24 column, or mid-2024 as is).
std::vector<std::map<std::string, std::string>> rows_of(const std::string& rel);
std::map<std::string, double> series_at(const std::string& rel, const std::string& period);
std::map<std::string, double> population(bool mid2019);

// stderr without the "sespm-map: note: ..." lines (e.g. a layer's codes that match no boundary),
// for tests about the other messages.
std::string without_notes(const std::string& err);

// The desktop window under xvfb-run (1600x1000) driven by xdotool: `steps` are shell lines run
// once the window has drawn its map; `click NAME` clicks the middle of a widget the window
// reported in $SESPM_UI_LAYOUT (layout.txt in d); HOME is d. True when xvfb-run and xdotool exist.
bool have_window_tools();
RunResult drive_window(const ScratchDir& d, const std::string& args, const std::string& steps);
// "NAME x0 y0 x1 y1" from the window's layout file: the rectangle, or all -1.
std::array<int, 4> rect_of(const std::string& layout, const std::string& name);

// Changes the byte in the middle of a file to another value (a damaged cache file).
void flip_middle_byte(const std::string& path);

// The South East's 64 districts as allocation inputs, from the real figures of the dispersal layer
// (population, people in dispersal accommodation, cluster limit).
std::vector<sespm::AllocationInput> south_east_allocation_inputs();

// The real data's atlas and the shipped layer files, for tests that evaluate layers in process.
struct LayerEnv {
    sespm::GeosContext geos;
    sespm::Atlas atlas{data_dir(), geos};
    std::vector<sespm::LayerSpec> layers = sespm::read_layer_dir(layers_dir());
    const sespm::LayerSpec& layer(const std::string& id) const;   // throws for an unknown id
};

// The latest period of a series CSV (its largest ISO date in the `period` column), read here.
std::string latest_period(const std::string& rel);

// Writes many pledges at once (clearing the others), in one transaction, each row-level.
void save_all_pledges(sespm::ProjectStore& s, const std::map<std::string, int>& pledges);

} // namespace test
