// read_versions.h: "what I read", shared by both project stores: the version of each row as the
// store last read it, so an edit can ask the row to still be at that version (no lost update).
// Versions written in an open transaction count only once it commits.
#pragma once
#include <map>
#include <optional>
#include <string>

namespace sespm {

class ReadVersions {
public:
    // `table` names the kind of row and its scope ("pledge/", "places/12"); 0 = absent when read.
    std::optional<long long> get(const std::string& table, const std::string& key) const {
        auto it = seen_.find(table + '\x1f' + key);
        if (it != seen_.end()) return it->second;
        if (seen_.count(table + "\x1f*")) return 0;  // the whole table was read: the row was absent
        return std::nullopt;
    }
    void saw(const std::string& table, const std::string& key, long long version) { if (recording) seen_[table + '\x1f' + key] = version; }
    void saw_all(const std::string& table) { if (recording) seen_[table + "\x1f*"] = 0; }
    void wrote(const std::string& table, const std::string& key, long long version) { pending_[table + '\x1f' + key] = version; }
    void committed() {
        for (const auto& [k, v] : pending_) seen_[k] = v;
        pending_.clear();
    }
    void rolled_back() { pending_.clear(); }

    bool recording = true;  // false: reads leave what was read as it was (ProjectStore::record_reads)

private:
    std::map<std::string, long long> seen_, pending_;
};

} // namespace sespm
