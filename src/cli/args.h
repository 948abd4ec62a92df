// args.h: a small strict command-line parser: known options only, values checked, every
// mistake a UsageError (exit 2) that names the option.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sespm {

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> values;   // option -> every value given
    std::set<std::string> flags;

    // The one value of an option that takes one; UsageError when it was given twice with
    // different values (the same value twice is taken).
    std::optional<std::string> get(const std::string& opt) const;
    // Every value of an option that may be repeated (--ratio CODE=N ...).
    std::vector<std::string> all(const std::string& opt) const;
    bool has(const std::string& flag) const { return flags.count(flag) > 0; }
    std::string require(const std::string& opt, const std::string& command) const;
    double number(const std::string& opt, double def) const;
    int integer(const std::string& opt, int def) const;
};

// `value_opts` take a value ("--layer ID" or "--layer=ID"), `flag_opts` do not.
// "--help"/"-h" is always accepted as a flag.
Args parse_args(const std::vector<std::string>& argv, const std::set<std::string>& value_opts,
                const std::set<std::string>& flag_opts, const std::string& command);

} // namespace sespm
