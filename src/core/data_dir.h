// data_dir.h: where the program finds its data. In order: --data DIR, $SESPM_DATA, ./data,
// then ../shared/data (relative to the working directory: run from the checkout, that is the
// checkout's sibling shared/). A directory counts only if it
// holds boundaries/lad.geojson; when none does, the error lists every place looked in.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace sespm {

struct DataDirCandidate {
    std::string path;
    std::string origin;   // "--data", "$SESPM_DATA", "./data", ...
};

std::vector<DataDirCandidate> data_dir_candidates(const std::optional<std::string>& flag);
// Throws DataError naming each candidate and why it was rejected.
std::string find_data_dir(const std::optional<std::string>& flag);

// data_dir + "/" + rel, after checking that the file it names (following symbolic links)
// lies inside the data directory; throws DataError naming `file_for_messages` and `field`
// otherwise (a link in stats/ pointing elsewhere). A file that does not exist is returned as is
// (the reader says it cannot be opened).
std::string resolve_in_data_dir(const std::string& data_dir, const std::string& rel,
                                const std::string& file_for_messages, const std::string& field);

} // namespace sespm

namespace sespm {
// Code-Point Open in the data folder: the postcode lookup for points given by postcode.
std::string postcode_lookup_file(const std::string& data_dir);
} // namespace sespm
