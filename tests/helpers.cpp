// helpers.cpp: see helpers.h.
#include "helpers.h"

#include <doctest.h>

#include "map/evaluate.h"
#include "stores/project_store.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace test {

std::string data_dir() {
    if (const char* e = std::getenv("SESPM_DATA"); e && *e) return e;
    return std::string(SESPM_TEST_DIR) + "/../../shared/data";
}

std::string geojson_checker() {
    const char* c = std::getenv("SESPM_GEOJSON_CHECK");  // tests/test_main.cpp sets the default
    std::string checker = c && *c ? c : "";
    REQUIRE_MESSAGE(!checker.empty(), "SESPM_GEOJSON_CHECK is empty");
    REQUIRE_MESSAGE(run_shell("command -v node >/dev/null").exit_code == 0, "node is not installed (scripts/setup installs it)");
    REQUIRE_MESSAGE(fs::is_directory(fs::path(checker).parent_path() / "node_modules"),
                    "the GeoJSON checker's packages are not installed: run (cd tests/node && npm ci), as scripts/test does");
    return checker;
}

std::string layers_dir() { return std::string(SESPM_TEST_DIR) + "/../layers"; }

static std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) { if (c == '\'') q += "'\\''"; else q += c; }
    return q + "'";
}

RunResult run_shell(const std::string& cmd) {
    ScratchDir tmp;
    std::string full = cmd + " >" + tmp.file("out") + " 2>" + tmp.file("err");
    int st = std::system(full.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
    r.out = read_file(tmp.file("out"));
    r.err = read_file(tmp.file("err"));
    return r;
}

RunResult run_sespm(const std::vector<std::string>& args, const std::string& env) {
    std::string cmd = env.empty() ? "" : env + " ";
    cmd += quote(SESPM_EXE);
    for (const auto& a : args) cmd += " " + quote(a);
    return run_shell(cmd);
}

ScratchDir::ScratchDir() {
    std::string tmpl = (fs::temp_directory_path() / "sespm-test-XXXXXX").string();
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    char* p = mkdtemp(buf.data());
    path = p ? p : "";
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
}

void ScratchDir::write(const std::string& name, const std::string& text) const {
    fs::create_directories(fs::path(file(name)).parent_path());
    std::ofstream(file(name), std::ios::binary) << text;
}

FakeDataDir::FakeDataDir() {
    fs::create_symlink(fs::absolute(data_dir() + "/boundaries"), file("boundaries"));
    fs::create_symlink(fs::absolute(data_dir() + "/postcodes"), file("postcodes"));
    fs::create_directories(file("stats"));
    for (const auto& e : fs::directory_iterator(data_dir() + "/stats"))
        fs::copy_file(e.path(), file("stats/" + e.path().filename().string()));  // a link out of the data dir is refused
}

void FakeDataDir::override_stats(const std::string& name, const std::string& text) const {
    fs::remove(file("stats/" + name));
    write("stats/" + name, text);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool file_exists(const std::string& path) { return fs::exists(path); }

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string l;
    while (std::getline(in, l)) if (!l.empty()) out.push_back(l);
    return out;
}

std::vector<std::string> split_csv_simple(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    bool q = false;
    for (char c : line) {
        if (c == '"') q = !q;
        else if (c == ',' && !q) { out.push_back(cur); cur.clear(); }
        else cur += c;
    }
    out.push_back(cur);
    return out;
}

std::string without_notes(const std::string& err) {
    std::string out;
    for (const auto& l : lines(err))
        if (l.rfind("sespm-map: note:", 0) != 0) out += l + "\n";
    return out;
}

void save_all_pledges(sespm::ProjectStore& s, const std::map<std::string, int>& p) {
    auto tx = s.transaction();
    for (const auto& [code, n] : s.pledges()) if (!p.count(code)) s.set_pledge(code, std::nullopt);
    for (const auto& [code, n] : p) s.set_pledge(code, n);
    tx->commit();
}

bool have_window_tools() {
    return run_shell("command -v xvfb-run && command -v xdotool").exit_code == 0;
}

// Runs `steps` (xdotool commands) against the window opened with `args`, inside xvfb-run.
RunResult drive_window(const ScratchDir& d, const std::string& args, const std::string& steps) {
    std::string script = "set -e\ncd " + d.path + "\n" + std::string(SESPM_EXE) + " --width 1600 --height 1000 " + args +
                         " > window.log 2>&1 &\npid=$!\n"
                         "xdotool search --sync --name 'SESPM Map' > /dev/null\n"
                         "for i in $(seq 100); do grep -q '^legend ' layout.txt 2>/dev/null && break; sleep 0.3; done\nsleep 3\n"
                         // click NAME: the middle of the widget the window reported
                         "click() { read x0 y0 x1 y1 < <(grep \"^$1 [0-9-]\" layout.txt | awk '{print $(NF-3),$(NF-2),$(NF-1),$NF}');\n"
                         "  xdotool mousemove $(( (x0 + x1) / 2 )) $(( (y0 + y1) / 2 )) click 1; }\n" +
                         steps +
                         "\nkill $pid\nwait $pid || true\n";
    d.write("drive.sh", script);
    return run_shell("HOME=" + d.path + " XDG_CONFIG_HOME=" + d.path + "/.config SESPM_UI_LAYOUT=" + d.file("layout.txt") + " timeout 150 xvfb-run -a -s '-screen 0 1600x1000x24' bash " + d.file("drive.sh"));
}


// "NAME x0 y0 x1 y1" from the window's layout file.
std::array<int, 4> rect_of(const std::string& layout, const std::string& name) {
    std::array<int, 4> r{-1, -1, -1, -1};
    for (const auto& line : lines(layout)) {
        if (line.rfind(name + " ", 0) != 0) continue;
        std::istringstream in(line.substr(name.size()));
        in >> r[0] >> r[1] >> r[2] >> r[3];
    }
    return r;
}


void flip_middle_byte(const std::string& path) {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    auto middle = static_cast<std::streamoff>(std::filesystem::file_size(path) / 2);
    f.seekg(middle);
    char c = 0;
    f.get(c);
    f.seekp(middle);
    f.put(static_cast<char>(~c));
}

std::vector<std::map<std::string, std::string>> rows_of(const std::string& rel) {
    std::ifstream in(data_dir() + "/" + rel);
    if (!in) throw std::runtime_error("cannot read " + data_dir() + "/" + rel);
    std::string line;
    auto next = [&] {  // a line without its CR (some data files end lines with CRLF)
        if (!std::getline(in, line)) return false;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return true;
    };
    next();
    auto header = split_csv_simple(line);
    std::vector<std::map<std::string, std::string>> out;
    while (next()) {
        auto cells = split_csv_simple(line);
        std::map<std::string, std::string> r;
        for (size_t i = 0; i < header.size() && i < cells.size(); ++i) r[header[i]] = cells[i];
        out.push_back(r);
    }
    return out;
}

// code -> value in one period of a series file (absent = no row).
std::map<std::string, double> series_at(const std::string& rel, const std::string& period) {
    std::map<std::string, double> out;
    for (auto& r : rows_of(rel))
        if (r["period"] == period && !r["value"].empty()) out[r["code"]] = std::stod(r["value"]);
    return out;
}

// Population by 2024 code: mid-2019 summed by its own code_lad24 column, or mid-2024 as is.
std::map<std::string, double> population(bool mid2019) {
    std::map<std::string, double> out;
    for (auto& r : rows_of(mid2019 ? "stats/population_mid2019_lad19.csv" : "stats/population_mid2024.csv"))
        out[mid2019 ? r["code_lad24"] : r["code"]] += std::stod(r["value"]);
    return out;
}

const sespm::LayerSpec& LayerEnv::layer(const std::string& id) const {
    for (const auto& l : layers) if (l.id == id) return l;
    throw std::runtime_error("no layer " + id);
}

std::string latest_period(const std::string& rel) {
    std::string latest;
    for (auto& r : rows_of(rel)) latest = std::max(latest, r["period"]);
    return latest;
}

std::vector<sespm::AllocationInput> south_east_allocation_inputs() {
    sespm::GeosContext geos;
    sespm::Atlas atlas(data_dir(), geos);
    auto layers = sespm::read_layer_dir(layers_dir());
    const sespm::LayerSpec* spec = nullptr;
    for (const auto& l : layers) if (l.id == "dispersal") spec = &l;
    REQUIRE(spec);
    sespm::EvaluateOptions opt;
    opt.within = "E12000008";
    sespm::LayerResult r = sespm::evaluate_layer(atlas, *spec, opt);
    std::vector<sespm::AllocationInput> in;
    for (const auto& m : r.measures) in.push_back({m.code, *m.denominator, m.count.value_or(0), *m.limit});
    REQUIRE(in.size() == 64);
    return in;
}

} // namespace test
