#include "reports/report_period.h"

#include <charconv>

#include "programmes/programme_rules.h"

namespace sanad::reports {
namespace {

constexpr int kMonthsInYear = 12;
constexpr int kMaxMonths = 1200;
constexpr int64_t kSecondsPerDay = 86'400;

int Number(const std::string& s, size_t at, size_t len) {
  int v = 0;
  if (s.size() < at + len) return 0;
  std::from_chars(s.data() + at, s.data() + at + len, v);
  return v;
}

// Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string Pad(int v, size_t width) {
  std::string s = std::to_string(v);
  while (s.size() < width) s.insert(s.begin(), '0');
  return s;
}

}  // namespace

Status CheckPeriod(const std::string& from, const std::string& to) {
  std::vector<FieldError> bad;
  if (!from.empty() && !programmes::IsDate(from))
    bad.push_back({"from", "must be a date YYYY-MM-DD"});
  if (!to.empty() && !programmes::IsDate(to)) bad.push_back({"to", "must be a date YYYY-MM-DD"});
  if (bad.empty() && !from.empty() && !to.empty() && to < from) {
    bad.push_back({"to", "is before from"});
  }
  if (!bad.empty()) return Status::InvalidArgument("the period is not valid", std::move(bad));
  return Status::Ok();
}

int YearOf(const std::string& date) { return Number(date, 0, 4); }

std::string MonthEnd(const std::string& month) {
  const int y = Number(month, 0, 4);
  const int m = Number(month, 5, 2);
  const int next_y = m == kMonthsInYear ? y + 1 : y;
  const int next_m = m == kMonthsInYear ? 1 : m + 1;
  const int64_t days = DaysFromCivil(next_y, next_m, 1) - DaysFromCivil(y, m, 1);
  return month.substr(0, 7) + "-" + Pad(static_cast<int>(days), 2);
}

std::vector<std::string> MonthsOf(const Period& p) {
  std::vector<std::string> out;
  if (p.from.size() < 7 || p.to.size() < 7) return out;
  int y = Number(p.from, 0, 4);
  int m = Number(p.from, 5, 2);
  const std::string last = p.to.substr(0, 7);
  for (int i = 0; i < kMaxMonths; ++i) {
    std::string month = Pad(y, 4) + "-" + Pad(m, 2);
    if (month > last) break;
    out.push_back(std::move(month));
    if (++m > kMonthsInYear) {
      m = 1;
      ++y;
    }
  }
  return out;
}

int64_t DayStart(const std::string& date) {
  return DaysFromCivil(Number(date, 0, 4), Number(date, 5, 2), Number(date, 8, 2)) * kSecondsPerDay;
}

int64_t DayEnd(const std::string& date) { return DayStart(date) + kSecondsPerDay - 1; }

}  // namespace sanad::reports
