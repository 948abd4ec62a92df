// output_file.cpp: see output_file.h.
#include "core/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "core/error.h"
#include "core/input_files.h"

namespace fs = std::filesystem;

namespace sespm {

std::string errno_reason(int err) {
    std::string s = std::strerror(err);
    if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

void check_replaceable(const std::string& path) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;  // nothing there to protect
    // root passes access(W_OK) for every file, so for root the mode bits decide.
    bool writable = ::geteuid() == 0 ? (st.st_mode & 0222) != 0 : ::access(path.c_str(), W_OK) == 0;
    if (writable) return;
    char mode[8];
    std::snprintf(mode, sizeof mode, "%03o", static_cast<unsigned>(st.st_mode & 0777));
    throw DataError(where(path, 0, "", std::string("the file is read-only (mode ") + mode +
                                           "); it was not replaced: make it writable or choose another name"));
}

std::string check_folder_writable(const std::string& path) {
    std::error_code ec;
    fs::path dir = fs::path(path).parent_path().empty() ? fs::path(".") : fs::path(path).parent_path();
    if (!fs::is_directory(dir, ec)) throw DataError(where(path, 0, "", "the folder " + dir.string() + " does not exist"));
    if (::access(dir.c_str(), W_OK) != 0) {
        int err = errno;
        throw DataError(where(path, 0, "", "the folder " + dir.string() +
                                               (err == EROFS ? " is on a read-only file system" : " is not writable") +
                                               ": the file cannot be written there (" + errno_reason(err) + ")"));
    }
    return dir.string();
}

std::string temporary_name(const std::string& path) {
    static std::atomic<unsigned> counter{0};
    fs::path target(path);
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string name = "." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                       std::to_string(counter++);
    return (dir / name).string();
}

namespace {

// Writes everything or returns the errno of the first failure (0 on success).
int write_all(int fd, const char* p, size_t n) {
    while (n > 0) {
        ssize_t w = ::write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        p += w;
        n -= static_cast<size_t>(w);
    }
    return 0;
}

} // namespace

namespace {

struct StagedFile {
    std::string path, tmp;
};

// The outputs of the command that is running, and their announcements; active while a
// StagedOutputs is alive (one at a time: the command line runs one command per process).
struct Staging {
    bool active = false;
    std::vector<StagedFile> files;
    std::vector<std::string> announcements;
};

Staging& staging() {
    static Staging s;
    return s;
}

void check_not_an_input(const std::string& path) {
    if (auto input = input_file_at(path))  // the one check: by device and inode, whatever path names it
        throw UsageError(clip(path) + ": is " + (*input == path ? "one of this command's inputs" : "the input " + clip(*input) + " by another name") +
                         "; it was not replaced: write the output under another name");
}

// Two outputs of one command named the same file (by any name): the second would silently win.
void check_not_staged_twice(const std::string& path) {
    std::error_code ec;
    fs::path abs = fs::weakly_canonical(fs::absolute(path, ec), ec);
    for (const auto& f : staging().files)
        if (fs::weakly_canonical(fs::absolute(f.path, ec), ec) == abs)
            throw UsageError(clip(path) + ": this command writes two outputs under this name; give each its own file name");
}

// Writes the bytes under a fresh temporary name beside `path` (fsynced, closed); returns it.
std::string write_temporary(const std::string& path, const void* data, size_t size) {
    std::string tmp = temporary_name(path);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) throw DataError(where(path, 0, "", "cannot create the file: " + errno_reason(errno)));
    int err = write_all(fd, static_cast<const char*>(data), size);
    // fsync surfaces errors a file system reports late (NFS, quotas); EINVAL: it cannot sync, fine.
    if (err == 0 && ::fsync(fd) != 0 && errno != EINVAL) err = errno;
    if (::close(fd) != 0 && err == 0) err = errno;
    if (err != 0) {
        ::unlink(tmp.c_str());
        throw DataError(where(path, 0, "", "cannot write the file: " + errno_reason(err) + " (nothing was changed)"));
    }
    return tmp;
}

// Renames the finished temporary file over `path`, checking again that it may be replaced.
void put_in_place(const std::string& tmp, const std::string& path) {
    try {
        check_replaceable(path);
    } catch (const DataError&) {
        ::unlink(tmp.c_str());
        throw;
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        throw DataError(where(path, 0, "", "cannot replace the file: " + errno_reason(err)));
    }
}

} // namespace

void write_output_file(const std::string& path, const void* data, size_t size) {
    check_not_an_input(path);
    check_replaceable(path);
    if (staging().active) check_not_staged_twice(path);
    std::string tmp = write_temporary(path, data, size);
    if (staging().active) staging().files.push_back({path, tmp});
    else put_in_place(tmp, path);
}

void write_file_now(const std::string& path, const void* data, size_t size) {
    check_not_an_input(path);
    check_replaceable(path);
    put_in_place(write_temporary(path, data, size), path);
}

StagedOutputs::StagedOutputs() {
    staging() = Staging{};
    staging().active = true;
}

StagedOutputs::~StagedOutputs() {
    for (const auto& f : staging().files) ::unlink(f.tmp.c_str());
    staging() = Staging{};
}

std::vector<std::string> StagedOutputs::staged_paths() const {
    std::vector<std::string> out;
    for (const auto& f : staging().files) out.push_back(f.path);
    return out;
}

void StagedOutputs::commit() {
    Staging& s = staging();
    // Every file is checked before any is renamed, so a read-only target found now stops them all.
    for (const auto& f : s.files) check_replaceable(f.path);
    std::vector<std::string> done;
    while (!s.files.empty()) {
        StagedFile f = s.files.front();
        s.files.erase(s.files.begin());
        try {
            put_in_place(f.tmp, f.path);
        } catch (const DataError& e) {  // say which files are in place and which are not
            std::string rest;
            for (const auto& r : s.files) rest += ", " + clip(r.path);
            std::string placed;
            for (const auto& d : done) placed += (placed.empty() ? "" : ", ") + clip(d);
            throw DataError(std::string(e.what()) + (placed.empty() ? "" : "; already written: " + placed) + "; not written: " + clip(f.path) + rest);
        }
        done.push_back(f.path);
    }
    for (const auto& line : s.announcements) std::cerr << line << "\n";
    s.announcements.clear();
}

void announce_output(const std::string& line) {
    if (staging().active) staging().announcements.push_back(line);
    else std::cerr << line << "\n";
}

} // namespace sespm
