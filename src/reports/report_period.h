// The periods reports cover: civil dates "YYYY-MM-DD" from and to (both included), the months
// between them, and instants at their edges (UTC, as the rest of sanad). Pure functions;
// thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"

namespace sanad::reports {

struct Period {
  std::string from;  // YYYY-MM-DD
  std::string to;
};

// Checks query parameters `from` and `to` (each "" or a real date, to not before from):
// InvalidArgument naming each bad one.
Status CheckPeriod(const std::string& from, const std::string& to);

// The year of a date ("2026-03-01" → 2026); 0 when it has none.
int YearOf(const std::string& date);
// The last day of a month "YYYY-MM" ("2026-02" → "2026-02-28").
std::string MonthEnd(const std::string& month);
// Every month "YYYY-MM" from the month of `from` to the month of `to` (at most 1200).
std::vector<std::string> MonthsOf(const Period& p);
// Seconds since the epoch at 00:00:00 UTC of a date, and at 23:59:59 of it.
int64_t DayStart(const std::string& date);
int64_t DayEnd(const std::string& date);

}  // namespace sanad::reports
