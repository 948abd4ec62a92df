// output_file.h: owns putting an output file on disk whole or not at all. The bytes are written
// under a temporary name beside the target, with every write, the fsync and the close checked,
// then renamed over it. On any failure the temporary file is removed, an existing file is left
// untouched and a DataError names the file and the reason ("no space left on device"). A file
// the user could not write (no write permission; for root, no write bit at all) is never replaced.
#pragma once
#include <cstddef>
#include <string>

namespace sespm {

// DataError when `path` exists and is read-only for the user: the rename would otherwise replace
// it behind its mode. Called before any work (by output_folder) and again before the rename.
void check_replaceable(const std::string& path);

// The folder `path` would be written in (its parent, or "."); DataError, saying so plainly, when
// it does not exist or is not writable (a read-only file system included).
std::string check_folder_writable(const std::string& path);

// The temporary name `path` is written under: ".NAME.tmp-PID-N" in the same folder.
std::string temporary_name(const std::string& path);

// Writes `size` bytes as the file `path` (see above).
void write_output_file(const std::string& path, const void* data, size_t size);

// strerror(err) starting with a lower-case letter, for the end of a message.
std::string errno_reason(int err);

} // namespace sespm
