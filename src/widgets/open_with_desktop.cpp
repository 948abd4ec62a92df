// open_with_desktop.cpp: see open_with_desktop.h.
#include "widgets/open_with_desktop.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <thread>
#include <vector>

extern char** environ;

namespace sespm {

std::optional<std::string> open_with_desktop(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return path + " is not there any more";
    // An absolute path, so a name that starts with '-' is never read as an option.
    std::string absolute = std::filesystem::absolute(path, ec).string();
    if (ec) absolute = path;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<char*> argv = {const_cast<char*>("xdg-open"), absolute.data(), nullptr};
    pid_t pid = 0;
    int rc = posix_spawnp(&pid, "xdg-open", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return std::string("could not start xdg-open (") + std::strerror(rc) + "); is xdg-utils installed?";
    std::thread([pid] { int status = 0; waitpid(pid, &status, 0); }).detach();  // reaped, never a zombie
    return std::nullopt;
}

} // namespace sespm
