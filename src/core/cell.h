// cell.h: one table cell as every output shows it (CSV, JSON, GeoJSON properties, the window's
// table and tooltips): a number with its decimals or a text, with the rounding that is also what
// gets classified, and column titles as people read them.
#pragma once
#include <optional>
#include <string>

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

// A column name as people read it: "share_of_limit_pct" -> "share of limit (%)",
// "per_10k" -> "per 10,000".
std::string column_title(const std::string& column);

} // namespace sespm
