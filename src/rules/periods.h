// periods.h: time in the model. A period is an ISO date (YYYY-MM-DD, "as at"); a temporal
// layer has an ordered list of them. This file owns checking a date, choosing a period from
// what the user typed (a date, "latest" or "earliest"; an unknown one is a UsageError naming
// the nearest), day counts for "the nearest estimate" and whether periods are quarter steps.
// Pure, no I/O.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace sespm {

// True for a real calendar date written YYYY-MM-DD (2024-02-30 is not one).
bool is_iso_date(const std::string& s);
// Days since 1970-01-01 of an ISO date (is_iso_date must hold).
long days_of(const std::string& iso);
// Months between two ISO dates (b - a), counting only year and month.
int months_between(const std::string& a, const std::string& b);
// The date `months` before an ISO date, by the calendar: a month's last day gives the last day
// of the earlier month (2026-06-30 -> 2026-03-31 for 3), another day the same day, or the
// month's last when it has fewer (2024-05-31 is a last day; 2024-03-15 -> 2023-12-15).
std::string months_before(const std::string& iso, int months);
// The usual step of a series in months: the shortest gap between neighbouring periods (3 for a
// quarterly series even across a missing quarter, 12 for a yearly one); 0 with fewer than two.
int period_step_months(const std::vector<std::string>& periods);

// The period `wanted` ("", "latest", "earliest" or an ISO date) names among `periods` (sorted,
// oldest first). Throws SettingError naming `setting` and `layer`: for a non-date, for a date
// not in the list (listing the nearest one on each side), or when the layer has no periods.
std::string choose_period(const std::vector<std::string>& periods, const std::string& wanted,
                          const std::string& layer, const std::string& setting = "period");

// The periods in [from, to] (either empty = open); UsageError when a bound is not a date or
// none remain.
std::vector<std::string> periods_between(const std::vector<std::string>& periods, const std::string& from,
                                         const std::string& to, const std::string& layer);

// "2024-09-30" -> "30 Sep 2024" (as people read a quarter's date); other text unchanged.
std::string quarter_label(const std::string& iso);

} // namespace sespm
