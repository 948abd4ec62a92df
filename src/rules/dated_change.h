// dated_change.h: the one rule for "the change on the quarter / half-year / year": a figure is
// compared with the figure 3 / 6 / 12 months before it, by date (rules/periods months_before),
// never with whatever period happens to come before it in the series. When the series has no
// figure on that date (a quarter the publisher skipped, an area with no row then), nothing is
// compared and the wording says so ("no figure for 31 Mar 2026"). Used by the board report,
// the window (tooltip, table, What changed), `changes` and `trend`. Pure: no I/O.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace sespm {

struct DatedChange {
    int months = 0;                      // 3, 6, 12 ...
    std::string period;                  // the figure's date
    std::string since;                   // the date compared with: `months` before `period`
    bool published = false;              // the series has a period on `since`
    std::optional<double> before, now, change;   // change only when both figures exist
};

// `periods` sorted oldest first, `counts` one per period (empty: the dates alone); `period` must be one of them
// (otherwise nothing is compared: `now` stays empty). The earlier figure is the period in the
// calendar month `months` before (a census taken on 21 March 2021 against 27 March 2011); with
// none, `since` is the date by the calendar (rules/periods months_before) and nothing is compared.
DatedChange change_by_date(const std::vector<std::string>& periods, const std::vector<std::optional<double>>& counts,
                           const std::string& period, int months);

// "+1,234" / "-826" / "±0" (whole numbers, thousands separators).
std::string signed_count(double change);
// What a reader sees: "-826 since 31 Dec 2025 (-11.1%)", "no change since 31 Dec 2025",
// "no figure for 31 Mar 2026" (the date has no figure, for the series or for this area), or ""
// when there is no figure now to compare.
std::string change_phrase(const DatedChange& c, bool with_percent = true);

} // namespace sespm
