// area_names.cpp: see area_names.h. Names are compared lower-cased, with "&" read as "and" and
// runs of spaces as one; near misses are ranked by edit distance.
#include "map/area_names.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>

#include "core/data_dir.h"
#include "core/bad_rows.h"
#include "core/error.h"
#include "core/text.h"
#include "geodata/points.h"

namespace sespm {

namespace {

std::string folded(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
        if (c == '&') { out += "and"; continue; }
        if (std::isspace(static_cast<unsigned char>(c)) || c == '-' || c == ',') {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t cur = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
            prev = cur;
        }
    }
    return row[b.size()];
}

std::string kind_of(Geography g);

struct Named {
    const Area* area;
    Geography geography;
};

std::vector<Named> all_areas(Atlas& atlas, AreaKinds kinds) {
    std::vector<Named> out;
    std::set<std::string> seen;  // a unitary is a district and a county under one code: once
    for (Geography g : {Geography::District, Geography::County, Geography::Region, Geography::Subregion, Geography::Lep}) {
        if (kinds == AreaKinds::Districts && g != Geography::District) break;
        for (const Area& a : atlas.areas_lonlat(g).areas)
            if (seen.insert(a.code).second) out.push_back({&a, g});
    }
    return out;
}

bool is_code(Atlas& atlas, const std::string& text, AreaKinds kinds) {
    if (kinds == AreaKinds::Districts) return atlas.areas_lonlat(Geography::District).find(text) != nullptr;
    try {
        atlas.members_of(text);
        return true;
    } catch (const UsageError&) {
        return false;
    }
}

std::string described(const Named& n) {
    return n.area->name + " (" + n.area->code + ", " + kind_of(n.geography) + ")";
}

[[noreturn]] void no_such_area(const std::vector<Named>& areas, const std::string& text, const std::string& setting, AreaKinds kinds) {
    std::string want = folded(text);
    std::vector<std::pair<size_t, const Named*>> near;
    for (const auto& n : areas) near.push_back({edit_distance(want, folded(n.area->name)), &n});
    std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string msg = std::string("no ") + (kinds == AreaKinds::Districts ? "district" : "area") +
                      " has that code or name (give a code such as E12000008, or a name such as Kent)";
    std::string hint;
    for (size_t i = 0; i < near.size() && i < 3 && near[i].first <= std::max<size_t>(2, want.size() / 3); ++i)
        hint += (hint.empty() ? "" : ", ") + described(*near[i].second);
    if (!hint.empty()) msg += "; did you mean " + hint + "?";
    throw SettingError(setting, text, msg);
}

std::string kind_of(Geography g) {
    return g == Geography::District ? "district" : g == Geography::County ? "county" : g == Geography::Lep ? "LEP"
         : g == Geography::Region   ? "region"   : "SESPM sub-region";
}

// A postcode: letters and digits with one optional space, 5 to 8 characters, a digit in it.
bool looks_like_postcode(const std::string& t) {
    std::string n = normalise_postcode(t);
    return n.size() >= 5 && n.size() <= 8 && std::any_of(n.begin(), n.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
           std::isalpha(static_cast<unsigned char>(n[0]));
}

// The postcode's row in the South East lookup (read line by line: the file is 14 MB and one
// search needs one row).
std::optional<PlaceMatch> find_postcode(Atlas& atlas, const std::string& text) {
    std::string want = normalise_postcode(text);
    std::ifstream in(postcode_lookup_file(atlas.data_dir()));
    std::string line;
    std::getline(in, line);  // postcode,easting,northing,lat,lon,quality,lad_code
    while (std::getline(in, line)) {
        auto comma = line.find(',');
        if (comma == std::string::npos || normalise_postcode(line.substr(0, comma)) != want) continue;
        std::vector<std::string> f = split_list(line);
        if (f.size() < 7) return std::nullopt;
        PlaceMatch m;
        m.kind = "postcode";
        m.code = f[6];
        m.has_point = true;
        m.x = std::atof(f[1].c_str());
        m.y = std::atof(f[2].c_str());
        const Area* d = atlas.areas_lonlat(Geography::District).find(m.code);
        m.name = f[0] + (d ? " (" + d->name + ")" : "");
        return m;
    }
    return std::nullopt;
}

} // namespace

std::vector<PlaceMatch> find_places(Atlas& atlas, const std::string& text, size_t limit) {
    std::vector<PlaceMatch> out;
    std::string want = folded(text);
    if (want.empty()) return out;
    if (looks_like_postcode(text))
        if (auto pc = find_postcode(atlas, text)) out.push_back(*pc);
    std::vector<Named> areas = all_areas(atlas, AreaKinds::Any);
    // the partnership's own areas first: those with a South East district in them
    std::vector<std::string> se = atlas.members_of("E12000008");
    std::set<std::string> in_se(se.begin(), se.end());
    std::stable_partition(areas.begin(), areas.end(), [&](const Named& n) {
        return std::any_of(n.area->members.begin(), n.area->members.end(), [&](const std::string& d) { return in_se.count(d) > 0; });
    });
    for (int pass = 0; pass < 3 && out.size() < limit; ++pass)  // exact, start, anywhere
        for (const auto& n : areas) {
            std::string name = folded(n.area->name);
            size_t at = name.find(want);
            bool hit = pass == 0 ? name == want : pass == 1 ? at == 0 && name != want : at != std::string::npos && at != 0;
            if (!hit || out.size() >= limit) continue;
            out.push_back({n.area->code, n.area->name, kind_of(n.geography)});
        }
    return out;
}

std::string resolve_area(Atlas& atlas, const std::string& text, const std::string& setting, AreaKinds kinds) {
    if (is_code(atlas, text, kinds)) return text;
    std::vector<Named> areas = all_areas(atlas, kinds);
    std::string want = folded(text);
    std::vector<const Named*> exact, prefix;
    for (const auto& n : areas) {
        std::string name = folded(n.area->name);
        if (name == want) exact.push_back(&n);
        else if (!want.empty() && name.rfind(want, 0) == 0) prefix.push_back(&n);
    }
    const std::vector<const Named*>& hits = exact.empty() ? prefix : exact;
    if (hits.empty()) no_such_area(areas, text, setting, kinds);
    if (exact.empty() && prefix.size() > 1) {
        std::string list;
        for (size_t i = 0; i < prefix.size() && i < 6; ++i) list += (i ? ", " : "") + described(*prefix[i]);
        throw SettingError(setting, text, "the start of " + std::to_string(prefix.size()) + " names (" + list +
                           (prefix.size() > 6 ? ", ..." : "") + "); give more of the name, or the code");
    }
    if (hits.size() > 1) {  // one name, several geographies: the first, said aloud
        std::string others;
        for (size_t i = 1; i < hits.size(); ++i) others += (i > 1 ? ", " : "") + described(*hits[i]);
        input_log().note("'" + text + "' (" + setting + ") is taken as " + described(*hits[0]) + "; also " + others +
                         " (give its code for that one)");
    }
    return hits[0]->area->code;
}

std::vector<std::string> resolve_areas(Atlas& atlas, const std::vector<std::string>& texts, const std::string& setting, AreaKinds kinds) {
    std::vector<std::string> out;
    for (const auto& t : texts) out.push_back(resolve_area(atlas, t, setting, kinds));
    return out;
}

} // namespace sespm
