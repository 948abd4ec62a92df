// data_dir.cpp: data directory discovery (see data_dir.h).
#include "core/data_dir.h"

#include <cstdlib>
#include <filesystem>

#include "core/error.h"

namespace fs = std::filesystem;

namespace sespm {

std::vector<DataDirCandidate> data_dir_candidates(const std::optional<std::string>& flag) {
    std::vector<DataDirCandidate> c;
    if (flag) {  // an explicit --data is the only place looked in: a typo must not fall through
        c.push_back({*flag, "--data"});
        return c;
    }
    if (const char* env = std::getenv("SESPM_DATA"); env && *env) c.push_back({env, "$SESPM_DATA"});
    c.push_back({"data", "./data"});
    c.push_back({"../shared/data", "../shared/data"});
    return c;
}

std::string find_data_dir(const std::optional<std::string>& flag) {
    std::string tried;
    for (const auto& cand : data_dir_candidates(flag)) {
        fs::path p(cand.path);
        std::error_code ec;
        if (fs::is_regular_file(p / "boundaries" / "lad.geojson", ec))
            return fs::weakly_canonical(p, ec).string();
        std::string why = fs::is_directory(p, ec) ? "has no boundaries/lad.geojson" : "does not exist";
        tried += "\n  " + cand.origin + ": " + cand.path + " (" + why + ")";
    }
    throw DataError("no data directory found; looked in:" + tried +
                    "\nPass --data DIR or set SESPM_DATA to a folder holding boundaries/ and stats/.");
}

std::string resolve_in_data_dir(const std::string& data_dir, const std::string& rel,
                                const std::string& file, const std::string& field) {
    namespace fs = std::filesystem;
    std::string joined = data_dir + "/" + rel;
    std::error_code ec;
    if (!fs::exists(joined, ec)) return joined;
    fs::path root = fs::canonical(data_dir, ec);
    if (ec) return joined;
    fs::path target = fs::canonical(joined, ec);
    if (ec) return joined;
    auto r = root.begin(), t = target.begin();
    for (; r != root.end(); ++r, ++t)
        if (t == target.end() || *r != *t)
            throw DataError(where(file, 0, field, "'" + rel + "' leads to " + target.string() +
                                                      ", outside the data directory " + root.string() +
                                                      " (through a symbolic link); copy the file into the data directory"));
    return joined;
}

} // namespace sespm

namespace sespm {
std::string postcode_lookup_file(const std::string& data_dir) { return data_dir + "/postcodes/codepoint_south_east.csv"; }
} // namespace sespm
