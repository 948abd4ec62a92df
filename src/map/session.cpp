// session.cpp: see session.h.
#include "map/session.h"

#include <filesystem>

#include "core/data_dir.h"
#include "core/error.h"

namespace sespm {

Session::Session(const SessionOptions& opt) : project_location_(opt.project) {
    if (opt.data_optional) {
        try { data_dir = find_data_dir(opt.data_dir); } catch (const DataError&) { /* attribution only */ }
    } else {
        data_dir = find_data_dir(opt.data_dir);
        layers = read_layer_dir(find_layer_dir(opt.layers_dir));
    }
    atlas = std::make_unique<Atlas>(data_dir, geos);
}

const LayerSpec& Session::layer(const std::string& id) const {
    std::string ids;
    for (const auto& l : layers) {
        if (l.id == id) return l;
        ids += (ids.empty() ? "" : ", ") + l.id;
    }
    throw SettingError("layer", id, "no such layer (layers: " + ids + ")");
}

std::string Session::postcode_lookup() const { return postcode_lookup_file(data_dir); }

void Session::set_project(const std::string& location) {
    check_project_location(location);
    project_.reset();
    project_writable_ = false;
    project_location_ = location;
}

ProjectStore* Session::project_for_reading() {
    if (project_) return project_.get();
    if (!has_project()) return nullptr;
    std::error_code ec;
    if (!is_server_location(project_location_) && !std::filesystem::exists(project_location_, ec)) {
        check_project_location(project_location_);
        return nullptr;
    }
    project_ = open_project(project_location_, ProjectAccess::Read);
    return project_.get();
}

ProjectStore& Session::project_for_writing() {
    if (!has_project()) throw SettingError("project", "", "a project is needed to keep this edit (give the project file or server)");
    if (!project_ || !project_writable_) {
        std::unique_ptr<ProjectStore> reader = std::move(project_);
        project_ = open_project(project_location_, ProjectAccess::Write);
        if (reader) project_->read_versions() = reader->read_versions();  // the first edit goes over what was read
        project_writable_ = true;
    }
    return *project_;
}

std::map<std::string, std::map<std::string, double>> pledge_values(const std::map<std::string, int>& pledges) {
    std::map<std::string, std::map<std::string, double>> out;
    for (const auto& [code, n] : pledges) out["pledges"][code] = n;
    return out;
}

std::map<std::string, std::map<std::string, double>> Session::user_values() {
    ProjectStore* p = project_for_reading();
    return p ? pledge_values(p->pledges()) : std::map<std::string, std::map<std::string, double>>{};
}

} // namespace sespm
