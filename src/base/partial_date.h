// PartialDate: a calendar date known to the year, the month or the day, as dates of birth of
// displaced people often are ("1984", "1984-07", "1984-07-15"). A plain value type.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sanad {

enum class DatePrecision { kYear, kMonth, kDay };

struct PartialDate {
  int year = 0;
  int month = 0;  // 0 when precision is kYear
  int day = 0;    // 0 unless precision is kDay
  DatePrecision precision = DatePrecision::kYear;

  // "YYYY", "YYYY-MM" or "YYYY-MM-DD".
  std::string ToString() const;
  // True when any day this date may stand for lies after the civil date `today` (YYYY-MM-DD):
  // a year-only date is in the future only when its year is.
  bool IsAfter(const PartialDate& today) const;
  bool operator==(const PartialDate&) const = default;
};

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a real calendar check (no 2023-02-30).
// Returns nullopt and sets *why to the reason on failure.
std::optional<PartialDate> ParsePartialDate(std::string_view text, std::string* why);

// Whole years from a (partial) date of birth to `today` (YYYY-MM-DD); -1 when either is not a
// date. A year-only birth date counts from the start of its year.
int AgeOn(std::string_view birth_date, std::string_view today);

}  // namespace sanad
