// test_atlas.cpp: the geography model's guarantees that callers rely on whatever ran before:
// Atlas::prepare leaves every set it was asked for projected (British National Grid geometry
// on every area), also a set that Find a place had read earlier for lon/lat only (the board
// report's crash in the window: a null BNG geometry under prepare after a search).
#include <doctest.h>

#include "helpers.h"
#include "map/atlas.h"
#include "map/area_names.h"

using namespace sespm;

TEST_CASE("Atlas::prepare projects every set asked for, also those read for lon/lat only before") {
    for (bool searched_first : {false, true}) {
        CAPTURE(searched_first);
        GeosContext geos;
        Atlas atlas(test::data_dir(), geos);
        if (searched_first) {  // what Find a place does: every geography's names, lon/lat only
            CHECK(!find_places(atlas, "kent").empty());
            for (Geography g : {Geography::County, Geography::Subregion, Geography::Region, Geography::Lep})
                CHECK_FALSE(atlas.areas_lonlat(g).projected);
        }
        std::vector<Geography> gs{Geography::District, Geography::County, Geography::Subregion, Geography::Region};
        atlas.prepare(gs);
        for (Geography g : gs) {
            const AreaSet& s = atlas.areas_lonlat(g);
            CAPTURE(static_cast<int>(g));
            CHECK(s.projected);
            size_t missing = 0;
            for (const Area& a : s.areas) missing += a.bng ? 0 : 1;
            CHECK(missing == 0);
            CHECK(s.areas.size() > 0);
        }
    }
}
