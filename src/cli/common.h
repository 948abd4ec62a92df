// common.h: what several subcommands share: the options for the data and layer directories,
// finding a layer by id, parsing --geography/--ratio, and writing a table as CSV or JSON.
#pragma once
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/args.h"
#include "core/layer_spec.h"
#include "io/boundaries.h"
#include "map/evaluate.h"

namespace sespm {

// Options every data command accepts.
inline const std::set<std::string> kCommonValueOpts{"--data", "--layers"};

struct Session {
    std::string data_dir;
    std::vector<LayerSpec> layers;
    GeosContext geos;
    std::unique_ptr<Atlas> atlas;
};
std::unique_ptr<Session> open_session(const Args& a);
const LayerSpec& find_layer(const Session& s, const std::string& id);

Geography geography_option(const Args& a);
// --geography, --within, --ratio, --points and --project as the table/export commands read them.
EvaluateOptions evaluate_options(const Args& a);
std::map<std::string, double> ratio_options(const Args& a);

std::string csv_escape(const std::string& s);
void write_csv(std::ostream& out, const std::vector<std::string>& columns,
               const std::vector<std::vector<Cell>>& rows);
void write_json(std::ostream& out, const std::vector<std::string>& columns,
                const std::vector<std::vector<Cell>>& rows);

std::set<std::string> with_common(std::set<std::string> opts);

// --project FILE: the planner-entered figures it holds, as EvaluateOptions::user_values.
std::map<std::string, std::map<std::string, double>> project_user_values(const Args& a);

} // namespace sespm
