// cache_files.h: what the boundary caches share (caches/area_cache.h, caches/bng_cache.h): the stamp
// that identifies a version of a source file, a checksum against damage, reading a cache file
// whole (regular files only), and the one warning line a process may print about its caches.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/user_folders.h"  // cache_folder()

namespace sespm {

// What identifies a version of a source file.
struct Stamp {
    std::string path;
    uintmax_t size = 0;
    long long mtime = 0;
};

std::optional<Stamp> stamp_of(const std::string& source);
// FNV-1a over 64-bit words (then the last bytes): a checksum against damage, not an adversary.
std::string checksum(const unsigned char* p, size_t n);
// The whole of a regular file, or the errno of the failure (ENOENT when it is absent).
int read_bytes(const std::string& path, std::string& out);
// Removes a cache copy and its record (another version, a damaged or a partial copy).
void drop_cache_copy(const std::string& path);
// Writes `bytes` as the cache copy at `path`, then its record, `record(checksum, size)`, beside
// it (path + ".check"), each whole or not at all; "" on success, else the reason, with neither
// file left behind.
std::string keep_cache_copy(const std::string& path, const unsigned char* bytes, size_t size,
                            const std::function<std::string(const std::string& checksum, size_t size)>& record);
// The one warning line a process may print about the caches.
void cache_warning(const std::string& msg);

} // namespace sespm
