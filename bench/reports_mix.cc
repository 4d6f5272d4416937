// MakeCalendar (reports_mix.h): the days of the benchmark's period and their share of the work.
#include <fmt/format.h>

#include <chrono>

#include "reports_bench.h"
#include "reports_mix.h"

namespace sanad::bench {

Calendar MakeCalendar() {
  using std::chrono::sys_days;
  auto parse = [](std::string_view d) {
    const auto num = [&](size_t at, size_t n) { return std::stoi(std::string(d.substr(at, n))); };
    return sys_days{std::chrono::year{num(0, 4)} / std::chrono::month(num(5, 2)) /
                    std::chrono::day(num(8, 2))};
  };
  const sys_days first = parse(kReportsFrom);
  const sys_days last = parse(kReportsTo);
  const auto n = static_cast<double>((last - first).count() + 1);
  Calendar c;
  std::vector<double> weights;
  for (sys_days d = first; d <= last; d += std::chrono::days(1)) {
    const std::chrono::year_month_day ymd(d);
    c.days.push_back(fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                                 static_cast<unsigned>(ymd.month()),
                                 static_cast<unsigned>(ymd.day())));
    const double trend = 0.5 + static_cast<double>(weights.size()) / n;
    const bool friday = std::chrono::weekday(d) == std::chrono::Friday;
    weights.push_back(friday ? trend / 3 : trend);
  }
  double total = 0;
  for (double w : weights) total += w;
  double sum = 0;
  for (double w : weights) c.cumulative.push_back((sum += w) / total);
  c.cumulative.back() = 1;
  return c;
}

}  // namespace sanad::bench
