// input_files.cpp: see input_files.h.
#include "core/input_files.h"

#include <sys/stat.h>

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

std::optional<std::string> input_file_at(const std::string& path) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    std::lock_guard<std::mutex> lock(g_mutex);
    auto it = inputs().find({st.st_dev, st.st_ino});
    if (it == inputs().end()) return std::nullopt;
    return it->second;
}

} // namespace sespm
