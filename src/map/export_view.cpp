// export_view.cpp: see export_view.h.
#include "map/export_view.h"

namespace sespm {

ExportData export_data(const MapView& v) {
    ExportData d;
    d.set = v.set;
    d.selection = v.result.selection;
    d.columns = v.result.columns;
    d.rows = v.result.rows;
    d.class_index = v.styled.class_index;
    d.fill = v.styled.fill;
    d.layer_id = v.kind == MapKind::Layer ? v.result.spec.id : "scenario";
    d.title = v.title;
    d.period = v.subtitle;
    d.measure = v.result.spec.class_measure;
    d.classification = v.classification;
    d.attribution = v.attribution;
    d.no_figure = v.result.spec.missing_means;
    return d;
}

size_t export_view(const MapView& v, const std::string& path) {
    export_areas(export_data(v), path);
    return v.result.rows.size();
}

} // namespace sespm
