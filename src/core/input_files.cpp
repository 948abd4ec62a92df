// input_files.cpp: see input_files.h.
#include "core/input_files.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include <map>
#include <mutex>
#include <utility>

namespace sespm {

namespace {

std::mutex g_mutex;
std::map<std::pair<dev_t, ino_t>, std::string>& inputs() {
    static std::map<std::pair<dev_t, ino_t>, std::string> files;
    return files;
}

} // namespace

void note_input_file(const std::string& path) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
    std::lock_guard<std::mutex> lock(g_mutex);
    inputs().emplace(std::make_pair(st.st_dev, st.st_ino), path);
}

std::string not_a_file_reason(const std::string& path, const std::string& what) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) {
        int err = errno;
        struct stat link{};
        if (err == ELOOP) return "is a loop of symbolic links (a link that leads back to itself); nothing can be read from it";
        if (err == ENOENT && ::lstat(path.c_str(), &link) == 0) return "is a symbolic link to a file that does not exist";
        if (err == ENOENT || err == ENOTDIR) return "does not exist";
        if (err == EACCES) return "cannot be reached (permission denied on a folder on the way)";
        return std::string("cannot be read (") + std::strerror(err) + ")";
    }
    if (S_ISREG(st.st_mode)) return "";
    if (S_ISDIR(st.st_mode)) return "is a folder, not " + what;
    if (S_ISFIFO(st.st_mode)) return "is a FIFO (named pipe), not " + what + "; it was not opened, as reading it would wait for a writer";
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "is a device, not " + what;
    if (S_ISSOCK(st.st_mode)) return "is a socket, not " + what;
    return "is not a regular file, not " + what;
}

std::optional<std::string> input_file_at(const std::string& path) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    std::lock_guard<std::mutex> lock(g_mutex);
    auto it = inputs().find({st.st_dev, st.st_ino});
    if (it == inputs().end()) return std::nullopt;
    return it->second;
}

} // namespace sespm
