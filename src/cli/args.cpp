// args.cpp: see args.h.
#include "cli/args.h"

#include <charconv>
#include <climits>
#include <cmath>

#include "core/error.h"

namespace sespm {

std::optional<std::string> Args::get(const std::string& opt) const {
    auto it = values.find(opt);
    if (it == values.end() || it->second.empty()) return std::nullopt;
    // "--project A --project B" edited B without a word; the same value twice is no question
    for (const auto& v : it->second)
        if (v != it->second.front())
            throw UsageError(opt + " is given " + std::to_string(it->second.size()) + " times ('" + clip(it->second.front(), 60) + "', then '" +
                             clip(v, 60) + "'); it takes one value: give it once");
    return it->second.front();
}

std::vector<std::string> Args::all(const std::string& opt) const {
    auto it = values.find(opt);
    return it == values.end() ? std::vector<std::string>{} : it->second;
}

std::string Args::require(const std::string& opt, const std::string& command) const {
    auto v = get(opt);
    if (!v) throw UsageError(command + ": " + opt + " is required (see " + command + " --help)");
    return *v;
}

double Args::number(const std::string& opt, double def) const {
    auto v = get(opt);
    if (!v) return def;
    double d = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), d);
    if (ec != std::errc() || p != v->data() + v->size() || !std::isfinite(d))
        throw UsageError(opt + " " + clip(*v) + ": not a number");
    return d;
}

int Args::integer(const std::string& opt, int def) const {
    auto v = get(opt);
    if (!v) return def;
    int i = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), i);
    if (ec == std::errc::result_out_of_range && p == v->data() + v->size())
        throw UsageError(opt + " " + clip(*v) + ((*v)[0] == '-' ? ": too small (at least " + std::to_string(INT_MIN) + ")"
                                            : ": too large (at most " + std::to_string(INT_MAX) + ")"));
    if (ec != std::errc() || p != v->data() + v->size()) throw UsageError(opt + " " + clip(*v) + ": not a whole number");
    return i;
}

Args parse_args(const std::vector<std::string>& argv, const std::set<std::string>& value_opts,
                const std::set<std::string>& flag_opts, const std::string& command) {
    Args a;
    for (size_t i = 0; i < argv.size(); ++i) {
        std::string s = argv[i];
        if (s == "--help" || s == "-h") { a.flags.insert("--help"); continue; }
        if (s.size() > 1 && s[0] == '-' && !(s.size() > 1 && (std::isdigit(static_cast<unsigned char>(s[1])) || s[1] == '.'))) {
            std::string name = s, value;
            bool inline_value = false;
            if (auto eq = s.find('='); eq != std::string::npos && s.rfind("--", 0) == 0) {
                name = s.substr(0, eq);
                value = s.substr(eq + 1);
                inline_value = true;
            }
            if (value_opts.count(name)) {
                if (!inline_value) {
                    if (i + 1 >= argv.size()) throw UsageError(command + ": " + clip(name) + " needs a value");
                    value = argv[++i];
                }
                a.values[name].push_back(value);
            } else if (flag_opts.count(name) && !inline_value) {
                a.flags.insert(name);
            } else {
                throw UsageError(command + ": unknown option " + clip(name) + " (see " + command + " --help)");
            }
        } else {
            a.positional.push_back(s);
        }
    }
    // "--project A --project B" edited B without a word; only --ratio CODE=N and --factor
    // LAYER=WEIGHT may repeat (and where it takes one value, get() refuses a second)
    for (const auto& [name, values] : a.values)
        if (values.size() > 1 && name != "--ratio" && name != "--factor") a.get(name);
    // -o and --output are one option under two spellings: "-o a --output b" took a without a word
    if (a.values.count("-o") && a.values.count("--output") && a.values["-o"].front() != a.values["--output"].front())
        throw UsageError(command + ": -o and --output are the same option, given as '" + clip(a.values["-o"].front(), 60) + "' and '" +
                         clip(a.values["--output"].front(), 60) + "': give it once");
    return a;
}

} // namespace sespm
