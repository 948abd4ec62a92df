// export_view.cpp: see export_view.h.
#include "map/export_view.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/error.h"

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
    d.as_at = v.result.period;
    d.denominator = v.result.denominator_label;
    d.classes_over = v.classes_over;
    d.period_notes = v.result.period_notes;
    for (const auto& l : legend_classes(v)) d.legend.push_back({l.min, l.max, l.label, l.fill});
    d.no_figure = v.result.spec.missing_means;
    return d;
}

void add_series(Atlas& atlas, const LayerSpec& spec, const MapView& v, ExportData& d) {
    if (!spec.temporal()) throw SettingError("all-periods", "", "layer '" + spec.id + "' is not a time series (" + spec.period + ")");
    auto series = layer_series(atlas, spec, evaluate_options_of(v.options));
    if (series.size() != d.rows.size()) throw std::logic_error("add_series: the series do not match the rows");
    using J = nlohmann::ordered_json;
    auto num = [](const std::optional<double>& x) { return x ? J(*x) : J(nullptr); };
    auto whole = [](const std::optional<double>& x) { return x ? J(static_cast<long long>(std::llround(*x))) : J(nullptr); };
    for (const auto& area : series) {
        J arr = J::array();
        for (const auto& p : area) {
            J o{{"period", p.period}};
            if (!spec.count_column.empty()) o[spec.count_column] = whole(p.count);   // a value layer has none
            if (spec.denominator || spec.kind == LayerKind::Value) o[spec.rate_column] = num(p.rate);
            arr.push_back(o);
        }
        d.series.push_back(arr.dump());
    }
}

size_t export_view(const MapView& v, const std::string& path) {
    export_areas(export_data(v), path);
    return v.result.rows.size();
}

} // namespace sespm
