// atlas.cpp: see atlas.h.
#include "map/atlas.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/csv.h"
#include "core/error.h"
#include "core/text.h"
#include "core/parallel.h"
#include "geodata/area_reader.h"

namespace sespm {

// The sub-regions cover only the South East: England's other districts join the set as
// context (drawn quietly around the region, never selected, listed or exported; see select).
static void add_context_districts(const AreaSet& districts, const std::vector<std::pair<std::string, std::string>>& grouped, AreaSet& set) {
    std::set<std::string> in_group;
    for (const auto& [lad, group] : grouped) in_group.insert(lad);
    for (const Area& d : districts.areas) {
        if (in_group.count(d.code) || !d.lonlat || set.index.count(d.code)) continue;
        Area c;
        c.code = d.code;
        c.name = d.name;
        c.members = {d.code};
        c.props["context_only"] = "1";
        c.lonlat = clone_lonlat(d);
        set.index[c.code] = set.areas.size();
        set.areas.push_back(std::move(c));
    }
}

const AreaSet& Atlas::areas(Geography g) {
    AreaSet& s = load(g);
    areas_context_from_districts(g);
    project_areas(geos_, s);
    return s;
}

// Context districts of a group geography get a copy of the projected district, not PROJ again.
void Atlas::areas_context_from_districts(Geography g) {
    AreaSet& s = load(g);
    if (s.projected || g == Geography::District) return;
    const AreaSet& d = areas(Geography::District);
    for (Area& a : s.areas)
        if (!a.bng && is_context_only(a))
            if (const Area* src = d.find(a.code); src && src->bng)
                a.bng = GeomPtr(GEOSGeom_clone_r(geos_.get(), src->bng.get()), GeomDeleter{geos_.get()});
}

const AreaSet& Atlas::areas_lonlat(Geography g) { return load(g); }

const AreaSet& Atlas::open_file(const std::string& file, const std::string& code_field, const std::string& name_field,
                                bool projected) {
    auto it = files_.find(file);
    if (it == files_.end()) it = files_.emplace(file, read_area_file(file, code_field, name_field)).first;
    if (projected) project_areas(geos_, it->second);
    return it->second;
}

AreaSet& Atlas::load(Geography g) {
    if (auto it = sets_.find(g); it != sets_.end()) return it->second;
    AreaSet set = build_set(g);
    return sets_.emplace(g, std::move(set)).first->second;
}

void Atlas::prepare(const std::vector<Geography>& gs) {
    load(Geography::District);  // the groups are made from it; from here on sets_ is only read until the end
    std::vector<Geography> todo;
    for (Geography g : gs)
        if (g != Geography::District && !sets_.count(g)) todo.push_back(g);
    std::vector<AreaSet> made(todo.size());
    AreaSet& districts = sets_.at(Geography::District);
    // One thread projects the districts (writing only their BNG geometries) while the others
    // read files and dissolve groups from the districts' lon/lat geometries.
    run_on_threads(todo.size() + 1, [&](size_t i) {
        if (i == 0) project_areas(geos_, districts);
        else made[i - 1] = build_set(todo[i - 1]);
    });
    for (size_t i = 0; i < todo.size(); ++i) sets_.emplace(todo[i], std::move(made[i]));
    // Every set asked for ends projected, also one read earlier for lon/lat only (Find a place
    // reads every geography's names that way): what a caller gets never depends on what ran before.
    std::vector<AreaSet*> unprojected;
    for (Geography g : gs) {
        if (g == Geography::District) continue;
        areas_context_from_districts(g);
        if (!sets_.at(g).projected) unprojected.push_back(&sets_.at(g));
    }
    run_on_threads(unprojected.size(), [&](size_t i) { project_areas(geos_, *unprojected[i]); });
}

AreaSet Atlas::build_set(Geography g) {
    AreaSet set;
    switch (g) {
        case Geography::District:
            set = read_area_file(path("boundaries/lad.geojson"));
            break;
        case Geography::County: {
            set = read_area_file(path("boundaries/counties.geojson"));
            for (auto& a : set.areas) {
                auto it = a.props.find("lad_codes");
                if (it == a.props.end())
                    throw DataError(where(set.source, 0, "lad_codes", "county " + a.code + " lists no districts"));
                a.members = split_list(it->second, ';');
            }
            break;
        }
        case Geography::Lep: {
            set = read_area_file(path("boundaries/lep_from_lad.geojson"));
            CsvTable t = read_csv(path("boundaries/lad_lep_lookup.csv"));
            int lc = t.require_column("lad_code"), ec = t.require_column("lep_code");
            for (auto& a : set.areas) a.members.clear();
            for (size_t r = 0; r < t.rows.size(); ++r) {
                auto it = set.index.find(t.rows[r][ec]);
                if (it == set.index.end())
                    throw DataError(where(t.path, t.row_line[r], "lep_code",
                                          "'" + t.rows[r][ec] + "' is not in lep_from_lad.geojson"));
                set.areas[it->second].members.push_back(t.rows[r][lc]);
            }
            break;
        }
        case Geography::Subregion: {
            CsvTable t = read_csv(path("boundaries/sespm_subregions.csv"));
            int lc = t.require_column("lad_code"), sc = t.require_column("subregion");
            std::vector<std::pair<std::string, std::string>> map;
            std::map<std::string, std::string> names;
            for (const auto& row : t.rows) {
                map.emplace_back(row[lc], subregion_code(row[sc]));
                names[subregion_code(row[sc])] = row[sc];
            }
            set = dissolve_groups(areas_lonlat(Geography::District), map, names, t.path);
            add_context_districts(areas_lonlat(Geography::District), map, set);
            break;
        }
        case Geography::Region: {
            const AreaSet& d = areas_lonlat(Geography::District);
            std::vector<std::pair<std::string, std::string>> map;
            std::map<std::string, std::string> names;
            for (const auto& a : d.areas) {
                auto rc = a.props.find("rgn_code");
                if (rc == a.props.end()) throw DataError(where(d.source, 0, "rgn_code", a.code + " has no region"));
                map.emplace_back(a.code, rc->second);
                auto rn = a.props.find("rgn_name");
                if (rn != a.props.end()) names[rc->second] = rn->second;
            }
            set = dissolve_groups(d, map, names, d.source + " (dissolved by rgn_code)");
            break;
        }
    }
    return set;
}

std::vector<std::string> Atlas::members_of(const std::string& code) {
    const AreaSet& d = areas_lonlat(Geography::District);
    if (d.find(code)) return {code};
    std::vector<std::string> out;
    auto by_prop = [&](const char* prop) {
        for (const auto& a : d.areas)
            if (auto it = a.props.find(prop); it != a.props.end() && it->second == code) out.push_back(a.code);
    };
    if (code.rfind("E12", 0) == 0) by_prop("rgn_code");
    else if (code.rfind("E10", 0) == 0 || code.rfind("E11", 0) == 0 || code.rfind("E13", 0) == 0) by_prop("utla_code");
    else if (code.rfind("SESPM-", 0) == 0) {
        CsvTable t = read_csv(path("boundaries/sespm_subregions.csv"));
        int lc = t.require_column("lad_code"), sc = t.require_column("subregion");
        for (const auto& row : t.rows) if (subregion_code(row[sc]) == code) out.push_back(row[lc]);
    } else if (code.rfind("E37", 0) == 0) {
        CsvTable t = read_csv(path("boundaries/lad_lep_lookup.csv"));
        int lc = t.require_column("lad_code"), ec = t.require_column("lep_code");
        for (const auto& row : t.rows) if (row[ec] == code) out.push_back(row[lc]);
    }
    if (out.empty())
        throw UsageError("unknown area code '" + code + "' (expected a district, county, LEP (E37...), region "
                         "(E12...) or SESPM sub-region code, e.g. E12000008 for the South East)");
    return out;
}

std::string Atlas::name_of(const std::string& code) {
    for (Geography g : {Geography::District, Geography::County}) {
        if (const Area* a = areas_lonlat(g).find(code)) return a->name;
    }
    for (Geography g : {Geography::Lep, Geography::Subregion, Geography::Region}) {
        if (auto it = sets_.find(g); it != sets_.end())
            if (const Area* a = it->second.find(code)) return a->name;
    }
    return code;
}

std::vector<size_t> Atlas::select(Geography g, const std::optional<std::string>& within) {
    const AreaSet& s = areas_lonlat(g);
    std::vector<size_t> out;
    if (!within) {
        for (size_t i = 0; i < s.areas.size(); ++i)
            if (!is_context_only(s.areas[i])) out.push_back(i);
        return out;
    }
    std::vector<std::string> m = members_of(*within);
    std::set<std::string> inside(m.begin(), m.end());
    for (size_t i = 0; i < s.areas.size(); ++i)
        if (!is_context_only(s.areas[i]))
        for (const auto& mem : s.areas[i].members)
            if (inside.count(mem)) { out.push_back(i); break; }
    return out;
}


static std::string figures_key(const LayerSpec& spec) {
    std::string k = spec.path + "|" + spec.id;
    auto add = [&](const FigureSource& f) { k += "|" + f.file + "," + f.key + "," + f.value + "," + f.period_column + "," + f.as_at + "," + f.until + "," + f.crosswalk; };
    for (const auto& c : spec.counts) add(c);
    if (spec.denominator) add(*spec.denominator);
    for (const auto& e : spec.estimates) add(e);
    for (const auto& b : spec.breaks) k += "|" + b.from + b.to + b.note;
    for (const auto& r : spec.limit_history) k += "|" + r.until + std::to_string(r.per) + std::to_string(r.places);
    return k;
}

const LoadedFigures& Atlas::figures(const LayerSpec& spec) {
    std::string key = figures_key(spec);
    if (auto it = figures_.find(key); it != figures_.end()) return it->second;
    return figures_.emplace(key, read_figures(data_dir(), spec)).first->second;
}

} // namespace sespm
