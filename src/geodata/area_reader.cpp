// area_reader.cpp: see area_reader.h.
#include "geodata/area_reader.h"

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
#include "geodata/gdal_input.h"
#include "geodata/gdal_util.h"
#include "geodata/geojson_fast.h"
#include "geodata/points.h"
#include "geodata/proj.h"
#include "core/input_files.h"

namespace sespm {

namespace {

OGRSpatialReference make_srs(int epsg) {
    OGRSpatialReference s;
    s.importFromEPSG(epsg);
    s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return s;
}

} // namespace

namespace {

// Great Britain in longitude/latitude, generously (Scilly, St Kilda, Shetland and the sea
// around); the same box the points are checked against.
constexpr double kMinLon = -8.75, kMaxLon = 2.0, kMinLat = 49.8, kMaxLat = 61.0;

// Turns the features of one file into areas, with the same checks and messages whichever reader
// gave the rows (GDAL, or the GeoJSON fast path of geodata/geojson_fast).
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

AreaSet read_area_source(const std::string& path, const std::string& code_field, const std::string& name_field) {
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

void project_area_set(const GeosContext& geos, AreaSet& set) {
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
}

} // namespace sespm
