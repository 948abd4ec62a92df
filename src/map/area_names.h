// area_names.h: areas named as people name them. Wherever a command or the window takes an area
// code (--within, --code, --codes, --ratio CODE=N), it also takes the area's name: exact and
// case-insensitive ("kent"), or the start of one name only ("Brighton"). An unknown name is a
// SettingError naming the setting, with the nearest names ("did you mean ...?"). A name shared by
// two geographies (Kent the county and Kent the sub-region; South East the region and the LEP)
// takes the first of district, county, region, sub-region, LEP and says so on stderr. Also the
// window's "Find a place" search (names and South East postcodes).
#pragma once
#include <string>
#include <vector>

#include "map/atlas.h"

namespace sespm {

enum class AreaKinds { Any, Districts };

// The code `text` stands for: `text` itself when it is a known code, else the code of the area
// it names. `setting` names it in messages ("within"). Throws SettingError when there is none.
std::string resolve_area(Atlas& atlas, const std::string& text, const std::string& setting, AreaKinds kinds = AreaKinds::Any);
// "Find a place": up to `limit` areas whose names match `text` (exact, then the start of a
// name, then anywhere in it; any case), of every geography, each code once; or, for a
// postcode in postcodes/codepoint_south_east.csv, that postcode's district and its point.
struct PlaceMatch {
    std::string code, name, kind;      // kind: district, county, region, SESPM sub-region, LEP, postcode
    bool has_point = false;
    double x = 0, y = 0;               // a postcode's point, EPSG:27700
};
std::vector<PlaceMatch> find_places(Atlas& atlas, const std::string& text, size_t limit = 8);

std::vector<std::string> resolve_areas(Atlas& atlas, const std::vector<std::string>& texts, const std::string& setting,
                                       AreaKinds kinds = AreaKinds::Any);

} // namespace sespm
