// cell.h: one table cell as every output shows it (CSV, JSON, GeoJSON properties, the window's
// table and tooltips): a number with its decimals or a text, with the rounding that is also what
// gets classified, and column titles as people read them.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rules/layer_spec.h"

namespace sespm {

// v rounded to `decimals` places: the value as shown and exported, which is what is classified,
// so anyone can reproduce the classes from the exported figures.
double round_to(double v, int decimals);

struct Cell {
    std::optional<double> num;   // a number, or missing when text is empty too
    std::string text;            // a text cell (code, name, status, a point's label)
    int decimals = 0;
    bool is_text = false;
    static Cell of_text(std::string s) { Cell c; c.text = std::move(s); c.is_text = true; return c; }
    static Cell of_num(std::optional<double> v, int d) { Cell c; c.num = v; c.decimals = d; return c; }
    std::string format() const;  // "" for missing
    std::string display() const; // for people: thousands separators, "" for missing
};

// A column's title: the layer file's "titles" entry for it, else column_title(column).
std::string column_title(const LayerSpec& spec, const std::string& column);
// A column name read word by word when its layer gives no title: "share_of_limit_pct" ->
// "Share of limit (%)", "per_10k" -> "Per 10,000", "residents" -> "Residents".
std::string column_title(const std::string& column);

// The index of column `name` among `columns`, or -1.
int column_index(const std::vector<std::string>& columns, const std::string& name);

} // namespace sespm
