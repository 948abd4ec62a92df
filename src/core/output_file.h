// output_file.h: owns putting an output file on disk whole or not at all. The bytes are written
// under a temporary name beside the target, with every write, the fsync and the close checked,
// then renamed over it. On any failure the temporary file is removed, an existing file is left
// untouched and a DataError names the file and the reason ("no space left on device"). A file
// the user could not write (no write permission; for root, no write bit at all) is never replaced.
// While a command runs (StagedOutputs), every output stays under its temporary name until the
// command has succeeded as a whole, so a command that fails late (a rejected row, a second output
// that cannot be written) leaves every earlier file alone.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace sespm {

// DataError when `path` exists and is read-only for the user: the rename would otherwise replace
// it behind its mode. Called before any work (by output_folder) and again before the rename.
void check_replaceable(const std::string& path);

// The folder `path` would be written in (its parent, or "."); DataError, saying so plainly, when
// it does not exist or is not writable (a read-only file system included).
std::string check_folder_writable(const std::string& path);

// The temporary name `path` is written under: ".NAME.tmp-PID-N" in the same folder.
std::string temporary_name(const std::string& path);

// Writes `size` bytes as the file `path` (see above); staged while a StagedOutputs is alive.
void write_output_file(const std::string& path, const void* data, size_t size);

// The same, put in place at once even while a command's outputs are staged: for files that are
// not the command's result (the program's own caches).
void write_file_now(const std::string& path, const void* data, size_t size);

// One command's outputs (the command line holds one per command; the window none). While it is
// alive, write_output_file writes each file whole under its temporary name and keeps it there;
// commit() renames them all into place and prints their announcements. Destroyed uncommitted
// (the command failed), it removes the temporary files, and every earlier file is as it was.
class StagedOutputs {
public:
    StagedOutputs();
    ~StagedOutputs();
    StagedOutputs(const StagedOutputs&) = delete;
    StagedOutputs& operator=(const StagedOutputs&) = delete;
    // Renames every staged file into place (DataError naming the file when one cannot be) and
    // prints the announcements on stderr.
    void commit();
    // The outputs that were staged and will not be written, for the failed command's message.
    std::vector<std::string> staged_paths() const;
};

// "wrote FILE: ..." for stderr: printed at once when nothing is staged, else when the outputs
// are committed (never for a command that failed).
void announce_output(const std::string& line);

// strerror(err) starting with a lower-case letter, for the end of a message.
std::string errno_reason(int err);

} // namespace sespm
