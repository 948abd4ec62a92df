// common.h: what several subcommands share: the Session and MapRequest read from the command
// line (--data, --layers, --project; --layer/--open, --geography, --within, --ratio, --points,
// --classify/--classes/--palette, --period, --classes-over), and writing a table as CSV or JSON. The commands only parse,
// call the map model (src/map) and print.
#pragma once
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/args.h"
#include "rules/cell.h"
#include "map/area_names.h"
#include "map/map_view.h"
#include "map/session.h"
#include "trends/trends.h"

namespace sespm {

// Options every data command accepts.
inline const std::set<std::string> kCommonValueOpts{"--data", "--layers"};
std::set<std::string> with_common(std::set<std::string> opts);

SessionOptions session_options(const Args& a);
std::unique_ptr<Session> open_session(const Args& a);

// Areas given by name where a code is taken (--within, --code, --codes, --ratio NAME=N) replaced
// by their codes ("Kent" -> E10000016), or a usage error with the nearest names. Plain codes
// cost nothing; names open the boundaries once. `code_kinds`: what --code/--codes may name.
void resolve_area_options(Args& a, AreaKinds code_kinds);

Geography geography_option(const Args& a);
std::map<std::string, double> ratio_options(const Args& a);
// --within CODE|all (all = none); `def` when absent.
std::optional<std::string> within_option(const Args& a, const std::optional<std::string>& def);
// The map a command asks for: --layer (or --open FILE --by F --code-field --name-field),
// --geography, --within (default `within`), --ratio, --points, --classify, --classes, --breaks
// (implies --classify manual), --palette.
MapRequest map_request(const Args& a, const std::optional<std::string>& within);
// --breaks 1,2,5,10: numbers (their order is checked with the classes, in map/class_policy).
std::vector<double> breaks_option(const std::string& list);
// The project's pledges as the layer's user columns, and --scenario/--compare from it.
void add_project(Session& s, const Args& a, MapRequest& req);
// With --project: the trigger columns (and alerts on stderr) for a layer with a limit.
void add_trigger_output(Session& s, const LayerSpec& spec, const EvaluateOptions& eo, LayerResult& r);
void add_trend_triggers(Session& s, const LayerSpec& spec, const EvaluateOptions& eo, TrendTable& t);

std::string format_option(const Args& a);   // --format csv|json (default csv)
std::string csv_escape(const std::string& s);
void write_csv(std::ostream& out, const std::vector<std::string>& columns,
               const std::vector<std::vector<Cell>>& rows);
void write_json(std::ostream& out, const std::vector<std::string>& columns,
                const std::vector<std::vector<Cell>>& rows);
void write_table(std::ostream& out, const std::string& format, const std::vector<std::string>& columns,
                 const std::vector<std::vector<Cell>>& rows);

} // namespace sespm
