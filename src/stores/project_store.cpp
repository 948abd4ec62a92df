// project_store.cpp: what both project stores share: picking the store for a location string
// (a server location or a file path), the usage errors for locations that keep nothing, and
// the wording of a refused edit (a conflict with someone else's change).
#include "stores/project_store.h"

#include <cctype>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "stores/pg_project_store.h"
#include "stores/sqlite_project_store.h"

namespace sespm {

std::string conflict_message(const ConflictInfo& c, const std::string& display_name) {
    std::string whose = (display_name.empty() ? c.key : display_name) + "'s " + c.what;
    std::string now = c.theirs.empty() ? " was removed" : " was changed to " + c.theirs;
    std::string by = c.by.empty() ? "" : " by " + c.by;
    std::string at = c.at.empty() ? "" : " at " + c.at;
    std::string yours = c.yours.empty() ? "yours (a removal)" : "yours (" + c.yours + ")";
    return whose + now + by + at + "; " + yours + " was not saved (reload and edit again to overwrite it)";
}

ProjectError::ProjectError(const std::string& location, const ConflictInfo& c)
    : DataError(where(location, 0, c.key, conflict_message(c, ""))), kind(Kind::Conflict), conflict(c) {}

std::string canonical_json(const std::string& text) {
    if (text.empty()) return text;
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    return j.is_discarded() ? text : j.dump();
}

bool is_server_location(const std::string& location) {
    std::string head = location.substr(0, 13);  // a URI's scheme is any case ("POSTGRESQL://" too)
    for (char& ch : head) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (head.rfind("postgresql://", 0) == 0 || head.rfind("postgres://", 0) == 0) return true;
    size_t eq = location.find('=');
    if (eq == std::string::npos || eq == 0) return false;
    size_t start = location.find_first_not_of(" \t");
    for (size_t i = start; i < eq; ++i) {
        unsigned char ch = static_cast<unsigned char>(location[i]);
        if (std::isspace(ch)) { if (location.find_first_not_of(" \t", i) != eq) return false; break; }
        if (!std::isalpha(ch) && ch != '_') return false;   // a libpq keyword before the first '='
    }
    return true;
}

void check_project_location(const std::string& location) {
    if (location.empty())
        throw SettingError("project", "", "the project location is empty (an unset shell variable?); give a file name or a server location");
    if (location == ":memory:" || location.rfind("file::memory:", 0) == 0)
        throw SettingError("project", location, "an in-memory project keeps nothing; give a file name");
    if (is_server_location(location)) {
        pg_store::check_server_location(location);
        return;
    }
    // SQLite would read "file:x.sespm?mode=memory" as a URI and keep nothing: only plain paths
    std::string head = location.substr(0, 5);
    for (char& ch : head) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (head == "file:")
        throw SettingError("project", clip(location), "an SQLite URI (file:...) is not taken; give a plain file path "
                         "(./" + clip(location) + " if the file's name really starts with 'file:')");
    // a FIFO, a device, a socket or a folder is refused before anything opens it for reading
    std::error_code ec;
    auto st = std::filesystem::status(location, ec);
    if (!ec && std::filesystem::exists(st) && !std::filesystem::is_regular_file(st))
        throw SettingError("project", clip(location), std::string() +
                         (std::filesystem::is_directory(st) ? "a folder" : std::filesystem::is_fifo(st) ? "a named pipe (FIFO)"
                          : std::filesystem::is_character_file(st) || std::filesystem::is_block_file(st) ? "a device" : "not a regular file") +
                         ", not a project file; give a .sespm file");
}

std::unique_ptr<ProjectStore> open_project(const std::string& location, ProjectAccess access) {
    check_project_location(location);
    if (is_server_location(location)) return std::make_unique<pg_store::PgProjectStore>(location, access);
    return std::make_unique<sqlite_store::SqliteProjectStore>(location, access);
}

std::string init_project(const std::string& location) {
    check_project_location(location);
    if (is_server_location(location)) return pg_store::PgProjectStore::init(location);
    bool existed = std::filesystem::exists(location);
    auto store = open_project(location, ProjectAccess::Write);  // creates or upgrades the file
    return std::string(existed ? "the project file is at" : "created the project file,") + " schema " + std::to_string(kProjectSchemaVersion);
}

void check_name(const std::string& location, const std::string& what, const std::string& name) {
    if (name.empty()) throw ProjectError(ProjectError::Kind::Io, where(location, 0, "name", "a " + what + " needs a name"));
    size_t characters = 0;
    for (unsigned char c : name) characters += (c & 0xC0) != 0x80;
    if (characters > kMaxNameCharacters)
        throw ProjectError(ProjectError::Kind::Io, where(location, 0, "name", "a " + what + " name is " + std::to_string(characters) +
                                                                            " characters long; the most is " + std::to_string(kMaxNameCharacters) +
                                                                            " (in a project file and on a server alike)"));
}

void check_pledge(const std::string& location, const std::string& code, std::optional<int> places) {
    if (places && *places < 0)
        throw ProjectError(ProjectError::Kind::Io, where(location, 0, "places", "a pledge cannot be negative (" + clip(code) + ")"));
}

void check_trigger(const std::string& location, const std::string& key, std::optional<double> pct) {
    if (key.empty()) throw ProjectError(ProjectError::Kind::Io, where(location, 0, "key", "a trigger needs an area code or cluster"));
    if (pct && !(*pct > 0 && *pct <= 100))
        throw ProjectError(ProjectError::Kind::Io, where(location, 0, "pct", "a trigger is a share of the limit in (0, 100] (" + clip(key) + ")"));
}

ProjectRights& rights_of(ProjectStore& store) {
    if (ProjectRights* r = store.rights()) return *r;
    throw ProjectError(ProjectError::Kind::Io, where(store.location(), 0, "", "a project file has no users or rights (anyone who can write the file may edit it); "
                                                                             "rights are for a shared server"));
}

} // namespace sespm
