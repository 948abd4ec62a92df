// boundaries.cpp: reading areas through OGR (GeoJSON boundary files through io/geojson_fast when
// it is sure to read them as OGR would), projecting them to EPSG:27700, and the Atlas that
// loads each geography on first use (see boundaries.h).
#include "io/boundaries.h"

#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>

#include "core/bad_rows.h"
#include "core/csv.h"
#include "core/error.h"
#include "core/text.h"
#include "core/parallel.h"
#include "io/area_cache.h"
#include "io/bng_cache.h"
#include "io/gdal_input.h"
#include "io/gdal_util.h"
#include "io/geojson_fast.h"
#include "io/points.h"
#include "io/proj.h"
#include "core/input_files.h"

namespace sespm {

void OgrGeomDeleter::operator()(OGRGeometry* g) const { OGRGeometryFactory::destroyGeometry(g); }

const Area* AreaSet::find(const std::string& code) const {
    auto it = index.find(code);
    return it == index.end() ? nullptr : &areas[it->second];
}

std::string subregion_code(const std::string& name) {
    std::string c = "SESPM";
    bool dash = true;
    for (char ch : name) {
        if (std::isalnum(static_cast<unsigned char>(ch))) {
            if (dash) c += '-';
            c += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            dash = false;
        } else {
            dash = true;
        }
    }
    return c;
}

namespace {

OGRSpatialReference make_srs(int epsg) {
    OGRSpatialReference s;
    s.importFromEPSG(epsg);
    s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return s;
}

void index_areas(AreaSet& s) {
    s.index.clear();
    for (size_t i = 0; i < s.areas.size(); ++i) s.index[s.areas[i].code] = i;
}

} // namespace

static AreaSet read_area_file_uncached(const std::string& path, const std::string& code_field,
                                       const std::string& name_field);

AreaSet read_area_file(const std::string& path, const std::string& code_field, const std::string& name_field) {
    // The cache is keyed by the file alone: with --source-layer the layer read could differ.
    auto cache = input_options().source_layer.empty() ? area_cache_path(path) : std::nullopt;
    if (cache) {
        auto read = [&](const std::string& f) { return read_area_file_uncached(f, code_field, name_field); };
        if (auto s = read_area_cache(path, *cache, read)) return std::move(*s);  // checked, else rebuilt
    }
    AreaSet s = read_area_file_uncached(path, code_field, name_field);
    if (cache) write_area_cache(s, path, *cache, code_field, name_field);
    return s;
}

namespace {

// Great Britain in longitude/latitude, generously (Scilly, St Kilda, Shetland and the sea
// around); the same box the points are checked against.
constexpr double kMinLon = -8.75, kMaxLon = 2.0, kMinLat = 49.8, kMaxLat = 61.0;

// Turns the features of one file into areas, with the same checks and messages whichever reader
// gave the rows (GDAL, or the GeoJSON fast path of io/geojson_fast).
struct AreaReader {
    std::string path;
    const std::string& code_field;
    const std::string& name_field;
    std::vector<std::string> fields;                      // the file's fields, in OGR's order
    int ci = -1, ni = -1;
    bool declared_crs = false;
    std::unique_ptr<OGRCoordinateTransformation> to_ll;  // null when the file is in lon/lat

    Area read(FeatureRow& row, long fid) const;
    void check_lonlat(const OGRGeometry& g, const std::string& what) const;
    void check_in_gb(const OGRGeometry& g, const std::string& what) const;
};

// Raw coordinates of a file without a CRS must be longitude/latitude.
void AreaReader::check_lonlat(const OGRGeometry& g, const std::string& what) const {
    OGREnvelope env;
    g.getEnvelope(&env);
    if (env.MinX >= -180 && env.MaxX <= 180 && env.MinY >= -90 && env.MaxY <= 90) return;
    double x = env.MinX < -180 ? env.MinX : env.MaxX > 180 ? env.MaxX : env.MinX;  // quote the bad one
    double y = env.MinY < -90 ? env.MinY : env.MaxY > 90 ? env.MaxY : env.MinY;
    throw DataError(what + ": field 'geometry': coordinates like (" + format_coordinate(x) + ", " + format_coordinate(y) +
                    ") are not longitude/latitude" +
                    (env.MinX >= -10000 && env.MaxX <= 700000 && env.MinY >= -10000 && env.MaxY <= 1300000
                         ? "; they look like British National Grid eastings/northings: save the file in "
                           "EPSG:4326, or declare EPSG:27700 in a format that carries a CRS (e.g. GeoPackage)"
                         : (declared_crs ? "" : "; declare the file's CRS")));
}

// Every area must lie in Great Britain (swapped lat/lon, a polygon elsewhere, a hemisphere).
void AreaReader::check_in_gb(const OGRGeometry& g, const std::string& what) const {
    OGREnvelope e;
    g.getEnvelope(&e);
    if (e.MinX >= kMinLon && e.MaxX <= kMaxLon && e.MinY >= kMinLat && e.MaxY <= kMaxLat) return;
    bool swapped = e.MinY >= kMinLon && e.MaxY <= kMaxLon && e.MinX >= kMinLat && e.MaxX <= kMaxLat;
    throw DataError(what + ": field 'geometry': the area spans longitude " + format_coordinate(e.MinX) + " to " +
                    format_coordinate(e.MaxX) + ", latitude " + format_coordinate(e.MinY) + " to " + format_coordinate(e.MaxY) +
                    ", outside Great Britain (longitude -8.75 to 2, latitude 49.8 to 61)" +
                    (swapped ? "; latitude and longitude look swapped" : ""));
}

Area AreaReader::read(FeatureRow& row, long fid) const {
    std::string what = path + ": feature " + std::to_string(fid);
    const auto& v = row.values;
    if (!v[ci]) throw DataError(what + ": field '" + code_field + "': the code is missing");
    Area a;
    a.code = trim(gdal_text(v[ci]->c_str(), path, fid, code_field));
    if (a.code.empty()) throw DataError(what + ": field '" + code_field + "': the code is empty");
    what += " (" + a.code + ")";
    a.name = ni >= 0 && v[ni] ? gdal_text(v[ni]->c_str(), path, fid, name_field) : a.code;
    for (int f = 0; f < static_cast<int>(fields.size()); ++f)
        if (f != ci && f != ni && v[f]) a.props[fields[f]] = gdal_text(v[f]->c_str(), path, fid, fields[f]);
    if (!row.geometry) throw DataError(what + ": field 'geometry': the feature has no geometry");
    OgrGeomPtr geom = std::move(row.geometry);
    auto type = wkbFlatten(geom->getGeometryType());
    if (type != wkbPolygon && type != wkbMultiPolygon)
        throw DataError(what + ": field 'geometry': " + OGRGeometryTypeToName(type) +
                        " is not an area (Polygon or MultiPolygon expected)");
    if (geom->IsEmpty()) throw DataError(what + ": field 'geometry': the geometry is empty");
    if (to_ll) {
        if (geom->transform(to_ll.get()) != OGRERR_NONE)
            throw DataError(what + ": cannot transform the geometry to longitude/latitude");
    } else {
        check_lonlat(*geom, what);
    }
    check_in_gb(*geom, what);
    a.lonlat = std::move(geom);
    a.members = {a.code};
    return a;
}

// The areas of the rows `next` gives one by one (false at the end), with duplicate codes refused.
template <class Next>
AreaSet collect_areas(const AreaReader& rd, Next&& next) {
    AreaSet set;
    set.source = rd.path;
    long fid = 0;
    FeatureRow row;
    while (next(row)) {
        Area a = rd.read(row, ++fid);
        if (set.index.count(a.code))
            throw DataError(rd.path + ": feature " + std::to_string(fid) + " (" + a.code + "): field '" + rd.code_field +
                            "': duplicate code " + a.code);
        set.index[a.code] = set.areas.size();
        set.areas.push_back(std::move(a));
    }
    if (set.areas.empty()) throw DataError(where(rd.path, 0, "", "the file holds no features"));
    return set;
}

// A GeoJSON file the fast path read: RFC 7946 lon/lat, which GDAL reports as a declared EPSG:4326.
AreaSet areas_from_table(const std::string& path, const std::string& code_field, const std::string& name_field,
                         FeatureTable& t) {
    AreaReader rd{path, code_field, name_field, t.fields, find_field(t, code_field), find_field(t, name_field), true, nullptr};
    size_t i = 0;
    return collect_areas(rd, [&](FeatureRow& row) {
        if (i == t.rows.size()) return false;
        row = std::move(t.rows[i++]);
        return true;
    });
}

} // namespace

static AreaSet read_area_file_uncached(const std::string& path, const std::string& code_field,
                                       const std::string& name_field) {
    gdal_init();
    note_input_file(path);
    if (auto t = read_geojson_fast(path, code_field)) return areas_from_table(path, code_field, name_field, *t);
    GdalErrorCapture capture;
    std::error_code fec;
    if (std::filesystem::is_directory(path, fec) && std::filesystem::path(path).extension() != ".gdb")
        throw DataError(where(path, 0, "", "is a folder, not a boundary file"));
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              nullptr, nullptr, nullptr));
    if (!ds) {
        std::string why = capture.last();
        throw DataError(where(path, 0, "", "GDAL cannot read it as a vector file" +
                                               (why.empty() ? std::string() : ": " + why)));
    }
    OGRLayer* layer = choose_layer(*ds, path, LayerWant::Areas);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    AreaReader rd{path, code_field, name_field, {}, -1, -1, false, nullptr};
    for (int f = 0; f < defn->GetFieldCount(); ++f) rd.fields.push_back(defn->GetFieldDefn(f)->GetNameRef());
    rd.ci = defn->GetFieldIndex(code_field.c_str());
    rd.ni = defn->GetFieldIndex(name_field.c_str());
    if (layer->GetFeatureCount(TRUE) == 0) throw DataError(where(path, 0, "", "the file holds no features"));
    if (rd.ci < 0) throw DataError(where(path, 0, code_field, "the features have no such property (the code)"));

    OGRSpatialReference ll = make_srs(4326);
    OGRSpatialReference src = ll;
    if (const OGRSpatialReference* s = layer->GetSpatialRef()) {
        src = *s;
        src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        rd.declared_crs = true;
    }
    if (!src.IsSame(&ll)) {
        rd.to_ll.reset(OGRCreateCoordinateTransformation(&src, &ll));
        if (!rd.to_ll)
            throw DataError(where(path, 0, "", "PROJ cannot transform its coordinate system to longitude/latitude"));
    }

    layer->ResetReading();
    int nfields = defn->GetFieldCount();
    return collect_areas(rd, [&](FeatureRow& row) {
        OGRFeatureUniquePtr feat(layer->GetNextFeature());
        if (!feat) return false;
        row.values.assign(static_cast<size_t>(nfields), std::nullopt);
        for (int f = 0; f < nfields; ++f)
            if (feat->IsFieldSetAndNotNull(f)) row.values[static_cast<size_t>(f)] = std::string(feat->GetFieldAsString(f));
        row.geometry.reset(feat->StealGeometry());
        return true;
    });
}

AreaSet dissolve_groups(const AreaSet& d,
                        const std::vector<std::pair<std::string, std::string>>& district_to_group,
                        const std::map<std::string, std::string>& group_names, const std::string& what) {
    std::map<std::string, std::vector<const Area*>> groups;
    for (const auto& [dist, grp] : district_to_group) {
        const Area* a = d.find(dist);
        if (!a) throw DataError(what + ": area " + dist + " is not in " + d.source);
        groups[grp].push_back(a);
    }
    AreaSet set;
    set.source = what;
    for (auto& [code, members] : groups) {
        Area a;
        a.code = code;
        auto nit = group_names.find(code);
        a.name = nit == group_names.end() ? code : nit->second;
        for (const Area* m : members) a.members.push_back(m->code);
        set.areas.push_back(std::move(a));
    }
    // The unions, on two threads with a GEOS context each. Areas that share edges exactly (a
    // coverage, as ONS boundaries are) are merged by GEOS's coverage union, which only drops the
    // shared edges; where that result is not valid (gaps or overlaps between the areas), the full
    // overlay union is used instead.
    std::vector<std::vector<const Area*>> member_lists;
    for (auto& [code, members] : groups) member_lists.push_back(members);
    size_t n = set.areas.size();
    size_t threads = worker_count(n, 8);
    run_on_threads(threads, [&](size_t t) {
        GeosContext ctx;
        for (size_t i = t; i < n; i += threads) {
            const std::string& code = set.areas[i].code;
            std::vector<GEOSGeometry*> parts;
            for (const Area* m : member_lists[i]) parts.push_back(m->lonlat->exportToGEOS(ctx.get()));
            GeomPtr c = own(ctx, check(ctx, GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                                        static_cast<unsigned>(parts.size())),
                                       what + ": " + code));
            GeomPtr u = own(ctx, GEOSCoverageUnion_r(ctx, c.get()));
            if (!u || GEOSisValid_r(ctx, u.get()) != 1)
                u = own(ctx, check(ctx, GEOSUnaryUnion_r(ctx, c.get()), what + ": union of " + code));
            set.areas[i].lonlat.reset(OGRGeometryFactory::createFromGEOS(ctx.get(), u.get()));
            if (!set.areas[i].lonlat) throw DataError(what + ": cannot convert the union of " + code);
        }
    });
    index_areas(set);
    return set;
}

namespace {

// One ring's coordinates through PROJ, straight into a GEOS ring.
GEOSGeometry* project_ring(const GeosContext& ctx, const LonLatToBng& proj, const OGRLinearRing& r,
                           std::vector<double>& x, std::vector<double>& y, std::vector<double>& xy,
                           const std::string& what) {
    int n = r.getNumPoints();
    if (n < 4) throw DataError(what + ": field 'geometry': a ring has fewer than 4 points");
    if (r.getX(0) != r.getX(n - 1) || r.getY(0) != r.getY(n - 1))
        throw DataError(what + ": field 'geometry': a ring is not closed (its first and last points differ)");
    x.resize(static_cast<size_t>(n));
    y.resize(static_cast<size_t>(n));
    r.getPoints(x.data(), sizeof(double), y.data(), sizeof(double));
    proj.transform(x, y);
    xy.resize(static_cast<size_t>(n) * 2);
    for (int i = 0; i < n; ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
            throw DataError(what + ": field 'geometry': a vertex cannot be transformed to British National Grid");
        xy[2 * i] = x[i];
        xy[2 * i + 1] = y[i];
    }
    GEOSCoordSequence* cs = GEOSCoordSeq_copyFromBuffer_r(ctx, xy.data(), static_cast<unsigned>(n), 0, 0);
    return check(ctx, GEOSGeom_createLinearRing_r(ctx, cs), what + ": ring");
}

// A (multi)polygon in lon/lat to a GEOS MultiPolygon in EPSG:27700, through PROJ directly
// (several times faster than cloning and transforming each geometry with OGR).
GEOSGeometry* project_area(const GeosContext& ctx, const LonLatToBng& proj, const OGRGeometry& g,
                           const std::string& what) {
    std::vector<const OGRPolygon*> polys;
    if (wkbFlatten(g.getGeometryType()) == wkbPolygon) polys.push_back(g.toPolygon());
    else for (const OGRPolygon* p : *g.toMultiPolygon()) polys.push_back(p);
    std::vector<double> x, y, xy;
    std::vector<GEOSGeometry*> out;
    for (const OGRPolygon* p : polys) {
        if (p->IsEmpty() || !p->getExteriorRing()) continue;
        GEOSGeometry* shell = project_ring(ctx, proj, *p->getExteriorRing(), x, y, xy, what);
        std::vector<GEOSGeometry*> holes;
        for (int h = 0; h < p->getNumInteriorRings(); ++h)
            holes.push_back(project_ring(ctx, proj, *p->getInteriorRing(h), x, y, xy, what));
        out.push_back(check(ctx, GEOSGeom_createPolygon_r(ctx, shell, holes.data(), static_cast<unsigned>(holes.size())),
                            what + ": polygon"));
    }
    GEOSGeometry* mp = check(ctx, GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, out.data(), static_cast<unsigned>(out.size())),
                             what + ": multipolygon");
    // Areas, unions and point-in-polygon answers are only meaningful for valid polygons.
    if (GEOSisValid_r(ctx, mp) != 1) {
        char* reason = GEOSisValidReason_r(ctx, mp);
        std::string why = reason ? reason : "invalid";
        GEOSFree_r(ctx, reason);
        GEOSGeom_destroy_r(ctx, mp);
        throw DataError(what + ": field 'geometry': the polygon is not valid (" + why +
                        "); repair it first, e.g. with ogr2ogr -makevalid");
    }
    return mp;
}

} // namespace

void project_areas(const GeosContext& geos, AreaSet& set) {
    if (set.projected) return;
    // A large file's projected copy from an earlier run (io/bng_cache.h), when it vouches for itself.
    auto cache = bng_cache_path(set.source);
    bool all_missing = true;
    for (const auto& a : set.areas) all_missing &= !a.bng;
    if (cache && all_missing && read_bng_cache(*cache, set.source, geos, set)) {
        set.projected = true;
        return;
    }
    // Two halves on two threads, each with its own GEOS context and PROJ object. GEOS geometries
    // do not belong to the context that made them, so the main context owns them afterwards.
    size_t n = set.areas.size();
    size_t threads = worker_count(n, 64);  // by areas, not vertices: 309 dissolved districts are large ones
    run_on_threads(threads, [&](size_t t) {
        GeosContext ctx;
        LonLatToBng proj;
        for (size_t i = t * n / threads; i < (t + 1) * n / threads; ++i) {
            Area& a = set.areas[i];
            if (!a.bng)
                a.bng = GeomPtr(project_area(ctx, proj, *a.lonlat, set.source + ": feature " + std::to_string(i + 1) + " (" + a.code + ")"),
                                GeomDeleter{geos.get()});
        }
    });
    set.projected = true;
    if (cache && all_missing) write_bng_cache(*cache, set.source, geos, set);
}

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
        c.lonlat = OgrGeomPtr(d.lonlat->clone());
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

} // namespace sespm
