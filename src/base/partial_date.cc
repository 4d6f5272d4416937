#include "base/partial_date.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace sanad {
namespace {

constexpr int kMinYear = 1880;
constexpr int kMaxYear = 9999;

bool ParseDigits(std::string_view s, int* out) {
  if (s.empty()) return false;
  int v = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

}  // namespace

std::string PartialDate::ToString() const {
  char buf[16];
  switch (precision) {
    case DatePrecision::kYear:
      std::snprintf(buf, sizeof buf, "%04d", year);
      break;
    case DatePrecision::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
      break;
    case DatePrecision::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
      break;
  }
  return buf;
}

bool PartialDate::IsAfter(const PartialDate& today) const {
  if (year != today.year) return year > today.year;
  if (precision == DatePrecision::kYear) return false;
  if (month != today.month) return month > today.month;
  if (precision == DatePrecision::kMonth) return false;
  return day > today.day;
}

std::optional<PartialDate> ParsePartialDate(std::string_view text, std::string* why) {
  PartialDate d;
  const auto fail = [&](const char* reason) -> std::optional<PartialDate> {
    if (why) *why = reason;
    return std::nullopt;
  };
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) {
    return fail("must be YYYY, YYYY-MM or YYYY-MM-DD");
  }
  if (!ParseDigits(text.substr(0, 4), &d.year)) return fail("must be YYYY, YYYY-MM or YYYY-MM-DD");
  if (d.year < kMinYear || d.year > kMaxYear) return fail("has an impossible year");
  if (text.size() >= 7) {
    if (text[4] != '-' || text.substr(5, 2).size() != 2 ||
        !ParseDigits(text.substr(5, 2), &d.month)) {
      return fail("must be YYYY, YYYY-MM or YYYY-MM-DD");
    }
    if (d.month < 1 || d.month > 12) return fail("has a month outside 01-12");
    d.precision = DatePrecision::kMonth;
  }
  if (text.size() == 10) {
    if (text[7] != '-' || !ParseDigits(text.substr(8, 2), &d.day)) {
      return fail("must be YYYY, YYYY-MM or YYYY-MM-DD");
    }
    if (d.day < 1 || d.day > DaysInMonth(d.year, d.month))
      return fail("is not a day of that month");
    d.precision = DatePrecision::kDay;
  }
  return d;
}

int AgeOn(std::string_view birth_date, std::string_view today) {
  std::string why;
  const auto b = ParsePartialDate(birth_date, &why);
  const auto t = ParsePartialDate(today, &why);
  if (!b || !t) return -1;
  int age = t->year - b->year;
  if (b->precision != DatePrecision::kYear &&
      (t->month < b->month || (t->month == b->month && t->day < b->day))) {
    --age;
  }
  return std::max(age, 0);
}

}  // namespace sanad
