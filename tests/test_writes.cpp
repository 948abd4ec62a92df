// test_writes.cpp: no lost data on the way out. Every output kind (export .geojson/.csv/.gpkg,
// query dissolve -o, scenario export, render's PNG, and standard output) written onto a full disk
// ends in exit 1 with the reason, leaves no partial file and an existing output untouched; a
// read-only output file is refused, never replaced by the rename; a read-only folder is named
// plainly. The full and read-only file systems are small tmpfs mounts (root and mount needed, as
// on CI; without them the tests fail and say so); standard output uses /dev/full.
#include <doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <set>

#include "core/error.h"
#include "helpers.h"
#include "core/output_file.h"

namespace fs = std::filesystem;
using test::run_sespm;

namespace {

// A 64 KB tmpfs mounted on a scratch folder for the test's lifetime, when mount is allowed.
struct SmallTmpfs {
    test::ScratchDir dir;
    bool mounted = false;
    explicit SmallTmpfs(const std::string& options = "size=64k") {
        if (geteuid() != 0) return;
        mounted = test::run_shell("mount -t tmpfs -o " + options + " tmpfs " + dir.path).exit_code == 0;
    }
    ~SmallTmpfs() {
        if (mounted) test::run_shell("umount " + dir.path);
    }
    std::string file(const std::string& name) const { return dir.file(name); }
};

// Writes a filler file until the file system is full.
void fill_up(const std::string& dir) {
    int fd = ::open((dir + "/filler").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    std::string block(4096, 'f');
    while (::write(fd, block.data(), block.size()) > 0) {}
    ::close(fd);
}

std::set<std::string> names_in(const std::string& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
    return out;
}

const std::string kOld = "old content that must survive";

// A project with one (empty) scenario, for `scenario export`.
std::string make_project(const test::ScratchDir& d) {
    std::string p = d.file("plan.sespm");
    auto r = run_sespm({"scenario", "create", "--project", p, "--name", "S", "--data", test::data_dir()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return p;
}

// Every command that writes a file, writing `out`.
std::vector<std::vector<std::string>> writers(const std::string& project, const std::string& stem) {
    std::string data = test::data_dir();
    return {
        {"export", "--layer", "dispersal", "-o", stem + ".geojson", "--data", data},
        {"export", "--layer", "dispersal", "-o", stem + ".csv", "--data", data},
        {"export", "--layer", "dispersal", "-o", stem + ".gpkg", "--data", data},
        {"query", "dissolve", "--codes", "E07000178,E07000177", "-o", stem + "_dissolve.gpkg", "--data", data},
        {"scenario", "export", "--project", project, "--name", "S", "-o", stem + "_scenario.geojson", "--data", data},
        {"render", "-o", stem + ".png", "--width", "200", "--height", "150", "--data", data},
    };
}

std::string output_of(const std::vector<std::string>& args) {
    for (size_t i = 0; i + 1 < args.size(); ++i) if (args[i] == "-o") return args[i + 1];
    return "";
}

} // namespace

TEST_CASE("a full disk: every output kind fails with exit 1 and the reason, nothing partial, old files untouched") {
    SmallTmpfs fs64;
    REQUIRE_MESSAGE(fs64.mounted, "cannot mount a tmpfs (run the tests as root, as CI does, or in a container that allows mount)");
    test::ScratchDir home;
    std::string project = make_project(home);
    // Existing outputs, then no space left.
    for (const auto& args : writers(project, fs64.file("old"))) {
        std::string out = output_of(args);
        int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        REQUIRE(fd >= 0);
        REQUIRE(::write(fd, kOld.data(), kOld.size()) == static_cast<ssize_t>(kOld.size()));
        ::close(fd);
    }
    fill_up(fs64.dir.path);
    auto before = names_in(fs64.dir.path);
    for (const char* stem : {"new", "old"}) {
        for (const auto& args : writers(project, fs64.file(stem))) {
            std::string out = output_of(args);
            CAPTURE(out);
            auto r = run_sespm(args, "HOME=" + home.path);
            CAPTURE(r.err);
            CHECK(r.exit_code == 1);
            CHECK(r.err.find(out) != std::string::npos);
            CHECK(r.err.find("no space left on device") != std::string::npos);
            CHECK(r.err.find("wrote ") == std::string::npos);
            CHECK(r.err.find("CREATE TABLE") == std::string::npos);  // no SQL statement dumped
            CHECK(test::without_notes(r.err).size() < 400);
            CHECK(names_in(fs64.dir.path) == before);  // no partial file, no temporary file
            if (std::string(stem) == "old") CHECK(test::read_file(out) == kOld);
        }
    }
}

TEST_CASE("write_output_file on a full disk throws with the reason and removes its temporary file") {
    SmallTmpfs fs64;
    REQUIRE_MESSAGE(fs64.mounted, "cannot mount a tmpfs (run the tests as root, as CI does, or in a container that allows mount)");
    std::string big(128 * 1024, 'x');
    CHECK_THROWS_WITH_AS(sespm::write_output_file(fs64.file("a.bin"), big.data(), big.size()),
                         doctest::Contains("no space left on device"), sespm::DataError);
    CHECK(names_in(fs64.dir.path).empty());
    sespm::write_output_file(fs64.file("b.bin"), "small", 5);  // what fits is written
    CHECK(test::read_file(fs64.file("b.bin")) == "small");
}

TEST_CASE("standard output on a full device (/dev/full): exit 1 and the reason, never exit 0") {
    REQUIRE_MESSAGE(fs::exists("/dev/full"), "/dev/full does not exist: the full-device test cannot run");
    test::ScratchDir d;
    std::string project = make_project(d), data = test::data_dir();
    std::vector<std::vector<std::string>> commands{
        {"table", "--layer", "dispersal", "--data", data},
        {"table", "--layer", "dispersal", "--format", "json", "--data", data},
        {"layers", "--data", data},
        {"query", "dissolve", "--codes", "E07000178,E07000177", "--data", data},
        {"scenario", "list", "--project", project, "--data", data},
        {"pledges", "list", "--project", project, "--data", data},
        {"export", "--help"},
    };
    for (const auto& args : commands) {
        std::string cmd = "{ '" SESPM_EXE "'";
        for (const auto& a : args) cmd += " '" + a + "'";
        cmd += " >/dev/full; }";
        auto r = test::run_shell(cmd);
        CAPTURE(cmd);
        CAPTURE(r.err);
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("standard output") != std::string::npos);
        CHECK(r.err.find("no space left on device") != std::string::npos);
    }
    // and the same commands into a file work
    auto r = run_sespm({"table", "--layer", "dispersal", "--data", data});
    CHECK(r.exit_code == 0);
    CHECK(test::lines(r.out).size() > 300);
}

TEST_CASE("a read-only output file (mode 444) is refused, not replaced by the rename") {
    test::ScratchDir d;
    std::string project = make_project(d);
    for (const auto& args : writers(project, d.file("locked"))) {
        std::string out = output_of(args);
        d.write(fs::path(out).filename().string(), kOld);
        REQUIRE(::chmod(out.c_str(), 0444) == 0);
        auto before = names_in(d.path);
        auto r = run_sespm(args);
        CAPTURE(out);
        CAPTURE(r.err);
        CHECK(r.exit_code == 1);
        CHECK(r.err.find(out) != std::string::npos);
        CHECK(r.err.find("read-only") != std::string::npos);
        CHECK(test::read_file(out) == kOld);
        CHECK(names_in(d.path) == before);
        CHECK((fs::status(out).permissions() & fs::perms::owner_write) == fs::perms::none);
    }
    // In-process too: the check is made again just before the rename.
    d.write("late.bin", kOld);
    REQUIRE(::chmod(d.file("late.bin").c_str(), 0444) == 0);
    CHECK_THROWS_WITH_AS(sespm::write_output_file(d.file("late.bin"), "new", 3), doctest::Contains("read-only"),
                         sespm::DataError);
    CHECK(test::read_file(d.file("late.bin")) == kOld);
    // A writable file is replaced as before.
    d.write("open.bin", kOld);
    sespm::write_output_file(d.file("open.bin"), "new", 3);
    CHECK(test::read_file(d.file("open.bin")) == "new");
}

TEST_CASE("a read-only output folder is named plainly, for files and for project files") {
    SmallTmpfs ro("size=1m");
    REQUIRE_MESSAGE(ro.mounted, "cannot mount a tmpfs (run the tests as root, as CI does, or in a container that allows mount)");
    std::string data = test::data_dir();
    // an existing project, then the file system goes read-only
    auto r = run_sespm({"pledges", "set", "--project", ro.file("p.sespm"), "--code", "E07000178", "--places", "5",
                        "--data", data});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    REQUIRE(test::run_shell("mount -o remount,ro " + ro.dir.path).exit_code == 0);
    for (const std::string& project : {ro.file("p.sespm"), ro.file("new.sespm")}) {
        r = run_sespm({"pledges", "set", "--project", project, "--code", "E07000178", "--places", "6", "--data", data});
        CAPTURE(r.err);
        CHECK(r.exit_code == 1);
        CHECK(r.err.find(project) != std::string::npos);
        CHECK(r.err.find("read-only file system") != std::string::npos);
        CHECK(r.err.find("attempt to write a readonly database") == std::string::npos);
        CHECK(r.err.find("unable to open database file") == std::string::npos);
    }
    for (const char* name : {"a.geojson", "a.png"}) {
        std::vector<std::string> args = std::string(name) == "a.png"
                                            ? std::vector<std::string>{"render", "-o", ro.file(name), "--data", data}
                                            : std::vector<std::string>{"export", "--layer", "dispersal", "-o", ro.file(name), "--data", data};
        r = run_sespm(args);
        CAPTURE(r.err);
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("read-only file system") != std::string::npos);
    }
}
