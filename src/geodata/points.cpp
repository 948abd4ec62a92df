// points.cpp: see points.h.
#include "geodata/points.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <unordered_map>

#include "core/bad_rows.h"
#include "core/csv.h"
#include "core/error.h"
#include "geodata/gdal_input.h"
#include "geodata/gdal_util.h"
#include "geodata/proj.h"
#include "geodata/spreadsheet.h"
#include "core/input_files.h"

namespace sespm {

std::string format_coordinate(double v) {
    char b[40];
    std::snprintf(b, sizeof b, "%.10g", v);
    return b;
}

// The grid's corner below 700 m east and 1300 m north is open sea south-west of Scilly: values
// there are kilometres (576.914, 169.127), not metres.
bool in_gb_bng(double e, double n) {
    return e >= 0 && e <= 700000 && n >= 0 && n <= 1300000 && !(e <= 700 && n <= 1300);
}
bool in_gb_lonlat(double lon, double lat) { return lon >= -8.75 && lon <= 2.0 && lat >= 49.8 && lat <= 61.0; }

std::string bng_problem(double e, double n) {
    if (in_gb_bng(e, n)) return "";
    std::string at = "(" + format_coordinate(e) + ", " + format_coordinate(n) + ")";
    if (e == 0 && n == 0) return "easting/northing " + at + " is not a place in Great Britain (an empty or default value?)";
    std::string why = "easting/northing " + at + " is outside Great Britain (easting 0 to 700000, northing 0 to 1300000 metres)";
    if (e > 0 && n > 0 && e <= 700 && n <= 1300 && in_gb_bng(e * 1000, n * 1000))
        return why + "; they look like kilometres: give metres (" + format_coordinate(e * 1000) + ", " +
               format_coordinate(n * 1000) + ")";
    if (in_gb_bng(n, e)) return why + "; easting and northing look swapped";
    if (in_gb_lonlat(e, n) || in_gb_lonlat(n, e)) return why + "; they look like longitude/latitude: name the columns lon,lat";
    return why;
}

namespace {

int find_col(const CsvTable& t, std::initializer_list<const char*> names) {
    for (size_t i = 0; i < t.header.size(); ++i) {
        std::string h = t.header[i];
        std::transform(h.begin(), h.end(), h.begin(), [](unsigned char c) { return std::tolower(c); });
        for (const char* n : names) if (h == n) return static_cast<int>(i);
    }
    return -1;
}

// Reads the points of a CSV row by row; a bad row is rejected (core/bad_rows.h), never dropped.
struct CsvPointReader {
    const CsvTable& t;
    PointSet& p;
    int label_col;
    int address_col = -1, postcode_col = -1;  // shown on hover with the name, when the file has them
    RowRejections bad{t.path, false, {}, t.sheet_rows};

    long line(size_t r) const { return t.row_line[r]; }
    std::optional<double> coord(size_t r, int col) {
        FigureParse f = parse_figure_text(t.rows[r][col], true);
        if (f.error.empty() && !f.value) f.error = "the coordinate is missing";
        if (!f.error.empty()) { bad.add(line(r), t.header[col], f.error); return std::nullopt; }
        return f.value;
    }
    void keep(size_t r, double x, double y) {
        p.x.push_back(x);
        p.y.push_back(y);
        p.lines.push_back(line(r));
        p.labels.push_back(label_col >= 0 ? t.rows[r][label_col] : "point " + std::to_string(r + 1));
        if (address_col < 0 && postcode_col < 0) return;  // no details at all (PointSet::details stays empty)
        std::string where;
        for (int c : {address_col, postcode_col})
            if (c >= 0 && !trim(t.rows[r][c]).empty()) where += (where.empty() ? "" : ", ") + trim(t.rows[r][c]);
        p.details.push_back(where);
    }
    void bng(int ec, int nc, int lat, int lon);
    void lonlat(int lat, int lon);
    void postcodes(int pc, const std::string& lookup);
};

// Eastings/northings; where the file also has lat/lon and a row fills both, the two must name the
// same place (within 1 km), else the row is rejected rather than counted by one of them.
void CsvPointReader::bng(int ec, int nc, int lat, int lon) {
    struct Good { size_t row; double e, n; bool has_lonlat; };
    std::vector<Good> good;
    std::vector<double> lx, ly;
    for (size_t r = 0; r < t.rows.size(); ++r) {
        auto e = coord(r, ec), n = coord(r, nc);
        if (!e || !n) continue;
        if (std::string why = bng_problem(*e, *n); !why.empty()) { bad.add(line(r), t.header[ec], why); continue; }
        FigureParse la = lat >= 0 ? parse_figure_text(t.rows[r][lat], true) : FigureParse{};
        FigureParse lo = lon >= 0 ? parse_figure_text(t.rows[r][lon], true) : FigureParse{};
        bool both = la.error.empty() && lo.error.empty() && la.value && lo.value;
        good.push_back({r, *e, *n, both});
        lx.push_back(both ? *lo.value : 0);
        ly.push_back(both ? *la.value : 0);
    }
    std::vector<double> ll_lon = lx, ll_lat = ly;
    if (lat >= 0) LonLatToBng().transform(lx, ly);
    for (size_t i = 0; i < good.size(); ++i) {
        const Good& g = good[i];
        double apart = g.has_lonlat ? std::hypot(lx[i] - g.e, ly[i] - g.n) : 0;
        if (!(apart <= 1000))
            bad.add(line(g.row), t.header[lat], "easting/northing (" + format_coordinate(g.e) + ", " + format_coordinate(g.n) + ") and lat/lon (" +
                                                    format_coordinate(ll_lat[i]) + ", " + format_coordinate(ll_lon[i]) + ") are " +
                                                    (std::isfinite(apart) ? format_coordinate(std::round(apart / 100) / 10) + " km" : "far") +
                                                    " apart: the row contradicts itself; correct one pair, or remove one pair of columns");
        else keep(g.row, g.e, g.n);
    }
}

void CsvPointReader::lonlat(int lat, int lon) {
    size_t first = p.size();
    for (size_t r = 0; r < t.rows.size(); ++r) {
        auto la = coord(r, lat), lo = coord(r, lon);
        if (!la || !lo) continue;
        if (in_gb_lonlat(*lo, *la)) { keep(r, *lo, *la); continue; }
        std::string hint = in_gb_lonlat(*la, *lo) ? "; latitude and longitude look swapped"
                         : in_gb_bng(*lo, *la) && (std::abs(*lo) > 180 || std::abs(*la) > 90)
                               ? "; these look like eastings/northings: name the columns easting,northing"
                               : "";
        bool lat_ok = *la >= 49.8 && *la <= 61.0;
        int col = hint.empty() && lat_ok ? lon : lat;  // name the coordinate that is wrong
        bad.add(line(r), t.header[col], "lat/lon (" + format_coordinate(*la) + ", " + format_coordinate(*lo) +
                                            ") is outside Great Britain" + hint);
    }
    std::vector<double> x(p.x.begin() + static_cast<long>(first), p.x.end()), y(p.y.begin() + static_cast<long>(first), p.y.end());
    LonLatToBng().transform(x, y);
    std::copy(x.begin(), x.end(), p.x.begin() + static_cast<long>(first));
    std::copy(y.begin(), y.end(), p.y.begin() + static_cast<long>(first));
}

void CsvPointReader::postcodes(int pc, const std::string& lookup) {
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
        if (code.empty()) bad.add(line(r), t.header[pc], "the postcode is empty");
        else if (it == idx.end())
            bad.add(line(r), t.header[pc], "postcode '" + trim(t.rows[r][pc]) + "' is not in " + lookup +
                                              " (it covers the South East only)");
        else keep(r, it->second.first, it->second.second);
    }
}

} // namespace

bool is_points_header(const std::vector<std::string>& cells) {
    CsvTable t;
    t.header = cells;
    bool bng = find_col(t, {"easting", "eastings"}) >= 0 && find_col(t, {"northing", "northings"}) >= 0;
    bool lonlat = find_col(t, {"lat", "latitude"}) >= 0 && find_col(t, {"lon", "lng", "long", "longitude"}) >= 0;
    return bng || lonlat || find_col(t, {"postcode", "post_code", "pcode", "post code"}) >= 0;
}

PointSet points_from_csv(const CsvTable& t, const std::string& label_field, const std::string& lookup) {
    PointSet p;
    p.source = t.path;
    for (auto* v : {&p.x, &p.y}) v->reserve(t.rows.size());  // one allocation each, not doubling: peak memory
    p.lines.reserve(t.rows.size());
    p.labels.reserve(t.rows.size());
    int ec = find_col(t, {"easting", "eastings"}), nc = find_col(t, {"northing", "northings"});
    int lat = find_col(t, {"lat", "latitude"}), lon = find_col(t, {"lon", "lng", "long", "longitude"});
    int pc = find_col(t, {"postcode", "post_code", "pcode", "post code"});
    CsvPointReader rd{t, p, t.column(label_field)};
    rd.address_col = find_col(t, {"address", "street", "address1"});
    rd.postcode_col = pc;
    if (ec >= 0 && nc >= 0) rd.bng(ec, nc, lat >= 0 && lon >= 0 ? lat : -1, lat >= 0 && lon >= 0 ? lon : -1);
    else if (lat >= 0 && lon >= 0) rd.lonlat(lat, lon);
    else if (pc >= 0) rd.postcodes(pc, lookup);
    else throw DataError(where(t.path, 1, "", "no coordinate columns: give lat,lon or easting,northing or postcode" +
                                          separator_hint(t)));
    if (t.rows.empty()) throw DataError(where(t.path, 0, "", "the file holds no points (a header and no rows)"));
    rd.bad.finish(p.size(), "points");
    return p;
}

namespace {

struct OgrPointReader {
    std::string path;
    OGRLayer* layer;
    bool geographic = false;
    std::unique_ptr<OGRCoordinateTransformation> ct;

    // The feature's point in EPSG:27700, or the reason it cannot be used.
    std::string locate(const OGRGeometry* g, double& x, double& y) const;
};

std::string OgrPointReader::locate(const OGRGeometry* g, double& x, double& y) const {
    if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint)
        return std::string(g ? OGRGeometryTypeToName(wkbFlatten(g->getGeometryType())) : "no geometry") + ": a Point is expected";
    x = g->toPoint()->getX();
    y = g->toPoint()->getY();
    std::string at = "(" + format_coordinate(x) + ", " + format_coordinate(y) + ")";
    if (!std::isfinite(x) || !std::isfinite(y)) return "the point " + at + " is not a finite coordinate";
    if (geographic && (std::abs(x) > 180 || std::abs(y) > 90))
        return "coordinates " + at + " are not longitude/latitude" +
               (in_gb_bng(x, y) ? std::string("; they look like British National Grid eastings/northings: declare the "
                                              "file's CRS (EPSG:27700; a .prj beside a shapefile) or save it in EPSG:4326")
                                : "");
    double ox = x, oy = y;
    if (!ct->Transform(1, &x, &y)) return "the point " + at + " cannot be transformed to British National Grid";
    if (geographic && !in_gb_lonlat(ox, oy)) return "the point (lon/lat " + at + ") is outside Great Britain";
    if (std::string why = bng_problem(x, y); !why.empty()) return why;
    return "";
}

PointSet read_points_ogr(const std::string& path, const std::string& label_field) {
    gdal_init();
    note_input_file(path);
    GdalErrorCapture capture;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds || ds->GetLayerCount() < 1)
        throw DataError(where(path, 0, "", "GDAL cannot read it as a vector file" +
                                               (capture.last().empty() ? std::string(" (GDAL gave no reason: is it empty, or a kind of file GDAL does not read? "
                                                                                     "Points may be a CSV, an .xlsx or .ods workbook, or a vector file)")
                                                                       : ": " + capture.last())));
    OgrPointReader rd{path, choose_layer(*ds, path, LayerWant::Points), false, nullptr};
    OGRSpatialReference bng;
    bng.importFromEPSG(27700);
    bng.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference src;
    src.importFromEPSG(4326);  // no CRS declared: longitude/latitude is assumed (and checked)
    if (const OGRSpatialReference* s = rd.layer->GetSpatialRef()) src = *s;
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    rd.geographic = src.IsGeographic();
    rd.ct.reset(OGRCreateCoordinateTransformation(&src, &bng));
    if (!rd.ct) throw DataError(where(path, 0, "", "PROJ cannot transform its CRS to EPSG:27700"));
    int lf = rd.layer->GetLayerDefn()->GetFieldIndex(label_field.c_str());
    PointSet p;
    p.source = path;
    RowRejections bad{path, true, {}};
    long fid = 0;
    for (auto& f : *rd.layer) {
        ++fid;
        double x = 0, y = 0;
        if (std::string why = rd.locate(f->GetGeometryRef(), x, y); !why.empty()) {
            bad.add(fid, "geometry", why);
            continue;
        }
        p.x.push_back(x);
        p.y.push_back(y);
        p.lines.push_back(fid);
        p.labels.push_back(lf >= 0 ? gdal_text(f->GetFieldAsString(lf), path, fid, label_field) : "feature " + std::to_string(fid));
    }
    if (fid == 0) throw DataError(where(path, 0, "", "the file holds no points"));
    bad.finish(p.size(), "points");
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
    std::error_code ec;
    if (!(ext == ".gdb" && std::filesystem::is_directory(path, ec)))  // a File Geodatabase is a folder
        if (std::string why = not_a_file_reason(path, "a points file"); !why.empty())
            throw DataError(where(path, 0, "", why == "does not exist" ? "the points file does not exist" : why));
    if (ext == ".csv" || ext == ".txt") return points_from_csv(read_csv(path), label_field, lookup);
    if (!input_options().sheet.empty() && !is_spreadsheet_path(path))
        throw SettingError("sheet", clip(input_options().sheet), clip(path) + " is not a workbook (.xlsx or .ods), so it has no sheets");
    if (is_spreadsheet_path(path))  // an officer's list in Excel or LibreOffice: its rows, as the CSV's
        return points_from_csv(read_spreadsheet(path, is_points_header, "lat,lon, easting,northing or postcode columns"), label_field, lookup);
    return read_points_ogr(path, label_field);
}

} // namespace sespm
