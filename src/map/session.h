// session.h: what every command and the window work on: the data folder, the overlay layers,
// the boundaries (Atlas) with their GEOS context, and the open project. Opened from plain
// options, never from an argument parser, so the command line, the window and the tests open
// it the same way. One project store per session, opened when first needed.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rules/layer_spec.h"
#include "map/atlas.h"
#include "geodata/geos.h"
#include "stores/project_store.h"

namespace sespm {

struct SessionOptions {
    std::optional<std::string> data_dir, layers_dir;  // --data, --layers (else the usual search)
    std::string project;                              // --project LOCATION ("" = none)
    bool data_optional = false;   // the data folder serves only attribution (export --open FILE)
};

class Session {
public:
    explicit Session(const SessionOptions& opt);
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    std::string data_dir;                 // "" only with data_optional and no data found
    std::vector<LayerSpec> layers;
    GeosContext geos;
    std::unique_ptr<Atlas> atlas;

    // UsageError listing the layers when there is no layer `id`.
    const LayerSpec& layer(const std::string& id) const;
    // Code-Point Open, for points given by postcode.
    std::string postcode_lookup() const;

    bool has_project() const { return !project_location_.empty(); }
    const std::string& project_location() const { return project_location_; }
    // Another project (a file or a server location): the open store is closed, the next use
    // opens the new one. UsageError for a location that keeps nothing.
    void set_project(const std::string& location);
    // The open project for reading; nullptr when there is none or its file does not exist yet.
    ProjectStore* project_for_reading();
    // The open project for writing, created when it does not exist. UsageError without --project.
    ProjectStore& project_for_writing();
    // Planner-entered figures by column and district (today: "pledges") for evaluation.
    std::map<std::string, std::map<std::string, double>> user_values();

private:
    std::string project_location_;
    std::unique_ptr<ProjectStore> project_;
    bool project_writable_ = false;
};

// Pledges as the user columns of a layer ("pledges" -> district -> places).
std::map<std::string, std::map<std::string, double>> pledge_values(const std::map<std::string, int>& pledges);

} // namespace sespm
