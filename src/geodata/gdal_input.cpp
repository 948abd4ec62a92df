// gdal_input.cpp: layer choice and UTF-8 text for user vector files (see gdal_input.h).
#include "geodata/gdal_input.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <mutex>
#include <set>
#include <vector>

#include "core/bad_rows.h"
#include "core/error.h"

namespace sespm {

namespace {

bool fits(OGRLayer* l, LayerWant want) {
    auto t = wkbFlatten(l->GetGeomType());
    if (want == LayerWant::Points) return t == wkbPoint || t == wkbMultiPoint;
    return t == wkbPolygon || t == wkbMultiPolygon;
}

std::string layer_list(GDALDataset& ds) {
    std::string list;
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        OGRLayer* l = ds.GetLayer(i);
        list += (i ? ", " : "") + std::string(l->GetName()) + " (" + OGRGeometryTypeToName(wkbFlatten(l->GetGeomType())) + ")";
    }
    return list;
}

} // namespace

OGRLayer* choose_layer(GDALDataset& ds, const std::string& path, LayerWant want) {
    int n = ds.GetLayerCount();
    if (n < 1) throw DataError(where(path, 0, "", "the file holds no layer"));
    if (n == 1) return ds.GetLayer(0);
    const std::string& named = input_options().source_layer;
    if (!named.empty()) {
        if (OGRLayer* l = ds.GetLayerByName(named.c_str())) return l;
        throw DataError(where(path, 0, "", "has no layer '" + named + "' ({source-layer}); its layers: " + layer_list(ds)));
    }
    std::vector<OGRLayer*> cands;
    for (int i = 0; i < n; ++i)
        if (fits(ds.GetLayer(i), want)) cands.push_back(ds.GetLayer(i));
    if (cands.size() == 1) return cands[0];
    throw DataError(where(path, 0, "", "holds " + std::to_string(n) + " layers and " +
                                           (cands.empty() ? std::string("none") : std::to_string(cands.size())) + " of " +
                                           (want == LayerWant::Points ? "points" : "polygons") + ": " + layer_list(ds) +
                                           "; choose one by its name ({source-layer})"));
}

bool is_valid_utf8(std::string_view t) {
    for (size_t i = 0; i < t.size();) {
        unsigned char c = static_cast<unsigned char>(t[i]);
        if (c < 0x80) { ++i; continue; }
        int n = (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
        if (n < 0 || c == 0xC0 || c == 0xC1 || c > 0xF4) return false;
        for (int k = 1; k <= n; ++k)
            if (i + k >= t.size() || (static_cast<unsigned char>(t[i + k]) & 0xC0) != 0x80) return false;
        i += static_cast<size_t>(n) + 1;
    }
    return true;
}

std::string cp1252_to_utf8(std::string_view s) {
    // 0x80..0x9F in Windows-1252; 0 = undefined there (kept as the Latin-1 control code point).
    static const char16_t k80[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                     0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                     0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};
    std::string out;
    for (char ch : s) {
        unsigned c = static_cast<unsigned char>(ch);
        if (c < 0x80) { out += ch; continue; }
        unsigned cp = c < 0xA0 && k80[c - 0x80] ? k80[c - 0x80] : c;
        if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
        } else {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        }
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

std::string gdal_text(const char* raw, const std::string& path, long feature, const std::string& field) {
    std::string s = raw ? raw : "";
    if (is_valid_utf8(s)) return s;
    static std::mutex m;
    static std::set<std::string> noted;  // one note per file
    std::lock_guard<std::mutex> lock(m);
    if (noted.insert(path).second)
        input_log().note(path + ": text is not UTF-8 (first at feature " + std::to_string(feature) + ", field '" + field +
                     "'); it was read as Latin-1/Windows-1252. If that is wrong, add a .cpg file naming the encoding");
    return cp1252_to_utf8(s);
}

} // namespace sespm
