// points.cpp: see points.h.
#include "io/points.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <unordered_map>

#include "core/csv.h"
#include "core/error.h"
#include "io/gdal_util.h"
#include "io/proj.h"

namespace sespm {

namespace {

int find_col(const CsvTable& t, std::initializer_list<const char*> names) {
    for (size_t i = 0; i < t.header.size(); ++i) {
        std::string h = t.header[i];
        std::transform(h.begin(), h.end(), h.begin(), [](unsigned char c) { return std::tolower(c); });
        for (const char* n : names) if (h == n) return static_cast<int>(i);
    }
    return -1;
}

double coord(const CsvTable& t, size_t r, int col) {
    auto v = parse_figure(t.rows[r][col], t.path, t.row_line[r], t.header[col], true);
    if (!v) throw DataError(where(t.path, t.row_line[r], t.header[col], "the coordinate is missing"));
    return *v;
}

// Great Britain in BNG, generously (includes Scilly, Shetland and the sea around).
bool in_gb_bng(double e, double n) { return e >= -10000 && e <= 700000 && n >= -10000 && n <= 1250000; }
bool in_gb_lonlat(double lon, double lat) { return lon >= -8.75 && lon <= 2.0 && lat >= 49.8 && lat <= 61.0; }

} // namespace

PointSet points_from_csv(const CsvTable& t, const std::string& label_field, const std::string& lookup) {
    PointSet p;
    p.source = t.path;
    int lc = t.column(label_field);
    int ec = find_col(t, {"easting", "eastings"}), nc = find_col(t, {"northing", "northings"});
    int lat = find_col(t, {"lat", "latitude"}), lon = find_col(t, {"lon", "lng", "long", "longitude"});
    int pc = find_col(t, {"postcode", "post_code", "pcode", "post code"});
    p.x.reserve(t.rows.size());
    p.y.reserve(t.rows.size());
    for (size_t r = 0; r < t.rows.size(); ++r)
        p.labels.push_back(lc >= 0 ? t.rows[r][lc] : "point " + std::to_string(r + 1));
    if (ec >= 0 && nc >= 0) {
        for (size_t r = 0; r < t.rows.size(); ++r) {
            double e = coord(t, r, ec), n = coord(t, r, nc);
            if (!in_gb_bng(e, n))
                throw DataError(where(t.path, t.row_line[r], t.header[ec],
                                      "easting/northing (" + trim(t.rows[r][ec]) + ", " + trim(t.rows[r][nc]) +
                                      ") is outside Great Britain"));
            p.x.push_back(e);
            p.y.push_back(n);
        }
        return p;
    }
    if (lat >= 0 && lon >= 0) {
        for (size_t r = 0; r < t.rows.size(); ++r) {
            double la = coord(t, r, lat), lo = coord(t, r, lon);
            if (!in_gb_lonlat(lo, la)) {
                std::string hint = in_gb_lonlat(la, lo) ? "; latitude and longitude look swapped"
                                 : in_gb_bng(lo, la) && (std::abs(lo) > 180 || std::abs(la) > 90)
                                       ? "; these look like eastings/northings: name the columns easting,northing"
                                       : "";
                throw DataError(where(t.path, t.row_line[r], t.header[lat],
                                      "lat/lon (" + trim(t.rows[r][lat]) + ", " + trim(t.rows[r][lon]) +
                                      ") is outside Great Britain" + hint));
            }
            p.x.push_back(lo);
            p.y.push_back(la);
        }
        LonLatToBng().transform(p.x, p.y);
        return p;
    }
    if (pc >= 0) {
        if (lookup.empty() || !std::filesystem::exists(lookup))
            throw DataError(where(t.path, 1, t.header[pc], "postcodes need the lookup " +
                                  (lookup.empty() ? std::string("file") : lookup) + ", which is missing"));
        CsvTable cp = read_csv(lookup);
        int cpc = cp.require_column("postcode"), cpe = cp.require_column("easting"), cpn = cp.require_column("northing");
        std::unordered_map<std::string, std::pair<double, double>> idx;
        idx.reserve(cp.rows.size());
        for (size_t r = 0; r < cp.rows.size(); ++r) {
            auto e = parse_figure(cp.rows[r][cpe], cp.path, cp.row_line[r], "easting");
            auto n = parse_figure(cp.rows[r][cpn], cp.path, cp.row_line[r], "northing");
            if (e && n) idx[normalise_postcode(cp.rows[r][cpc])] = {*e, *n};
        }
        for (size_t r = 0; r < t.rows.size(); ++r) {
            std::string code = normalise_postcode(t.rows[r][pc]);
            auto it = idx.find(code);
            if (it == idx.end())
                throw DataError(where(t.path, t.row_line[r], t.header[pc],
                                      "postcode '" + trim(t.rows[r][pc]) + "' is not in " + lookup +
                                      " (it covers the South East only)"));
            p.x.push_back(it->second.first);
            p.y.push_back(it->second.second);
        }
        return p;
    }
    throw DataError(where(t.path, 1, "", "no coordinate columns: give lat,lon or easting,northing or postcode"));
}

namespace {

PointSet read_points_csv(const std::string& path, const std::string& label_field, const std::string& lookup) {
    return points_from_csv(read_csv(path), label_field, lookup);
}

PointSet read_points_ogr(const std::string& path, const std::string& label_field) {
    gdal_init();
    GdalErrorCapture capture;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds || ds->GetLayerCount() < 1)
        throw DataError(where(path, 0, "", "GDAL cannot read it as a vector file: " + capture.last()));
    OGRLayer* layer = ds->GetLayer(0);
    OGRSpatialReference bng;
    bng.importFromEPSG(27700);
    bng.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference src;
    src.importFromEPSG(4326);
    if (const OGRSpatialReference* s = layer->GetSpatialRef()) src = *s;
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&src, &bng));
    if (!ct) throw DataError(where(path, 0, "", "PROJ cannot transform its CRS to EPSG:27700"));
    int lf = layer->GetLayerDefn()->GetFieldIndex(label_field.c_str());
    PointSet p;
    p.source = path;
    long fid = 0;
    for (auto& f : *layer) {
        ++fid;
        OGRGeometry* g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint)
            throw DataError(path + ": feature " + std::to_string(fid) + ": field 'geometry': a Point is expected");
        auto* pt = g->toPoint();
        double x = pt->getX(), y = pt->getY();
        if (!ct->Transform(1, &x, &y) || !in_gb_bng(x, y))
            throw DataError(path + ": feature " + std::to_string(fid) + ": field 'geometry': the point is outside Great Britain");
        p.x.push_back(x);
        p.y.push_back(y);
        p.labels.push_back(lf >= 0 ? f->GetFieldAsString(lf) : "feature " + std::to_string(fid));
    }
    return p;
}

} // namespace

std::string normalise_postcode(const std::string& s) {
    std::string c;
    for (char ch : s)
        if (std::isalnum(static_cast<unsigned char>(ch))) c += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (c.size() > 3) c.insert(c.size() - 3, " ");
    return c;
}

PointSet read_points(const std::string& path, const std::string& label_field, const std::string& lookup) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!std::filesystem::exists(path)) throw DataError(where(path, 0, "", "the points file does not exist"));
    if (ext == ".csv" || ext == ".txt") return read_points_csv(path, label_field, lookup);
    return read_points_ogr(path, label_field);
}

} // namespace sespm
