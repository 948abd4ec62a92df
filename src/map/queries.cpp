// queries.cpp: see queries.h.
#include "map/queries.h"

#include <malloc.h>

#include <geos_c.h>

#include "core/bad_rows.h"
#include "core/error.h"
#include "geodata/area_reader.h"
#include "geodata/points.h"
#include "geodata/spatial.h"

namespace sespm {

std::optional<Question> parse_question(const std::string& s) {
    if (s == "neighbours") return Question::Neighbours;
    if (s == "within") return Question::Within;
    if (s == "count-points") return Question::CountPoints;
    if (s == "nearest") return Question::Nearest;
    if (s == "dissolve") return Question::Dissolve;
    return std::nullopt;
}

namespace {

size_t index_of(const QueryRequest& q, const AreaSet& set, const std::string& code, const char* setting) {
    const Area* ar = set.find(code);
    if (!ar)
        throw SettingError(setting, code, "no " + (!q.open_file.empty() ? "area of " + q.open_file : std::string(geography_name(q.geography))) +
                                              " has this code");
    return static_cast<size_t>(ar - set.areas.data());
}

void add_area_row(QueryAnswer& a, size_t i, std::vector<Cell> figures) {
    std::vector<Cell> row{Cell::of_text(a.set->areas[i].code), Cell::of_text(a.set->areas[i].name)};
    for (auto& f : figures) row.push_back(std::move(f));
    a.rows.push_back(std::move(row));
    a.areas.push_back(i);
}

// Points that fell in no area are not an error (Scotland, Ireland, the sea), but never silent.
void note_points_outside(const PointSet& pts, const std::vector<int>& counts, const std::string& where) {
    long inside = 0;
    for (int c : counts) inside += c;
    long outside = static_cast<long>(pts.size()) - inside;
    if (outside > 0)
        input_log().note(pts.source + ": " + std::to_string(outside) + " of " + std::to_string(pts.size()) +
                         " points fall in no area of " + where + " (outside the boundaries: elsewhere, or in the sea)");
}

// The points a point question asks about: --points, else the first points layer.
PointSet question_points(Session& s, const QueryRequest& q) {
    std::string file = q.points_file, label = "name";
    if (file.empty())
        for (const auto& l : s.layers)
            if (l.kind == LayerKind::Points) { file = s.data_dir + "/" + l.points_file; label = l.point_label; }
    if (file.empty()) throw SettingError("points", "", "no points layer to ask about (give a points file)");
    return read_points(file, label, s.postcode_lookup());
}

void answer_points(Session& s, const QueryRequest& q, const PointSet& pts, QueryAnswer& a) {
    std::vector<size_t> sel;
    if (q.open_file.empty()) sel = s.atlas->select(q.geography, q.within);
    else for (size_t i = 0; i < a.set->areas.size(); ++i) sel.push_back(i);
    if (q.question == Question::CountPoints) {
        a.columns = {"code", "name", "count"};
        std::vector<int> n = count_points(s.geos, *a.set, sel, pts);
        note_points_outside(pts, n, sel.size() == a.set->areas.size() ? a.set->source : "the selected areas");
        for (size_t k = 0; k < sel.size(); ++k) add_area_row(a, sel[k], {Cell::of_num(n[k], 0)});
        return;
    }
    a.columns = {"code", "name", "nearest", "distance_km"};
    std::vector<NearestPoint> n = nearest_points(s.geos, *a.set, sel, pts);
    for (size_t k = 0; k < sel.size(); ++k) {
        bool found = n[k].point >= 0;
        add_area_row(a, sel[k], {Cell::of_text(found ? pts.labels[n[k].point] : ""),
                                 Cell::of_num(found ? std::optional<double>(n[k].distance_m / 1000.0) : std::nullopt, 2)});
    }
}

void answer_dissolve(Session& s, const QueryRequest& q, QueryAnswer& a) {
    const AreaSet& set = *a.set;
    std::vector<std::pair<std::string, std::string>> to_group;
    if (!q.group_by.empty()) {
        for (const auto& ar : set.areas) {
            std::string value;
            if (q.group_by == q.name_field) value = ar.name;
            else if (q.group_by == q.code_field) value = ar.code;
            else if (auto it = ar.props.find(q.group_by); it != ar.props.end()) value = it->second;
            if (value.empty()) throw DataError(where(set.source, 0, q.group_by, "area " + ar.code + " has no value to group by"));
            to_group.emplace_back(ar.code, value);
        }
    } else {
        for (const auto& c : q.codes) { index_of(q, set, c, "codes"); to_group.emplace_back(c, "dissolved"); }
        if (to_group.empty()) throw SettingError("codes", "", "lists no area to dissolve");
    }
    a.dissolved = dissolve_groups(set, to_group, {}, set.source + " (dissolved)");
    project_areas(s.geos, a.dissolved);
    a.columns = {"code", "members", "area_km2", "parts"};
    for (const auto& g : a.dissolved.areas) {
        double area = 0;
        GEOSArea_r(s.geos, g.bng.get(), &area);
        int parts = GEOSGetNumGeometries_r(s.geos, g.bng.get());
        std::string members;
        for (const auto& m : g.members) members += (members.empty() ? "" : ";") + m;
        a.rows.push_back({Cell::of_text(g.code), Cell::of_text(members), Cell::of_num(area / 1e6, 3), Cell::of_num(parts, 0)});
    }
}

} // namespace

QueryAnswer run_query(Session& s, const QueryRequest& q) {
    if (!q.open_file.empty() && q.within) throw SettingError("within", "", "works with the built-in geographies, not with an {open} file");
    QueryAnswer a;
    // Points are read before the areas: the file's table is gone before the areas load (peak memory)
    bool points = q.question == Question::CountPoints || q.question == Question::Nearest;
    PointSet pts = points ? question_points(s, q) : PointSet{};
    if (points) malloc_trim(0);  // the file's table is freed: give its many small blocks back before the areas load
    // A dissolve works on the lon/lat geometries and projects only its results (for km2), so the
    // areas it starts from are never projected; every other question measures in BNG metres.
    bool bng = q.question != Question::Dissolve;
    a.set = !q.open_file.empty() ? &s.atlas->open_file(q.open_file, q.code_field, q.name_field, bng)
            : bng                ? &s.atlas->areas(q.geography)
                                 : &s.atlas->areas_lonlat(q.geography);
    a.attribution_source = !q.open_file.empty() ? q.open_file : s.data_dir + "/boundaries/lad.geojson";
    switch (q.question) {
    case Question::Neighbours:
        a.columns = {"code", "name"};
        for (size_t i : neighbours(s.geos, *a.set, index_of(q, *a.set, q.code, "code"))) add_area_row(a, i, {});
        break;
    case Question::Within:
        a.columns = {"code", "name", "distance_km"};
        for (const auto& h : areas_within(s.geos, *a.set, index_of(q, *a.set, q.code, "code"), q.km * 1000.0))
            add_area_row(a, h.area, {Cell::of_num(h.distance_m / 1000.0, 2)});
        break;
    case Question::CountPoints:
    case Question::Nearest: answer_points(s, q, pts, a); break;
    case Question::Dissolve: answer_dissolve(s, q, a); break;
    }
    return a;
}

} // namespace sespm
