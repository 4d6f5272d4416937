#include "reports/indicator_sheet.h"

#include <cstdio>

namespace sanad::reports {
namespace {

constexpr const char* kSexes[] = {"female", "male"};
constexpr const char* kAgeGroups[] = {"0-5", "6-17", "18-59", "60+"};
constexpr size_t kCells = 8;  // sex × age group, unknowns left out

std::string Ratio(const std::optional<double>& r) {
  if (!r) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", *r);
  return buf;
}

std::vector<int64_t> SexAgeCells(const Progress& p) {
  std::vector<int64_t> out(kCells, 0);
  for (const auto& cell : p.disaggregation) {
    for (size_t s = 0; s < 2; ++s) {
      for (size_t a = 0; a < 4; ++a) {
        if (cell.sex == kSexes[s] && cell.age_group == kAgeGroups[a]) out[s * 4 + a] += cell.people;
      }
    }
  }
  return out;
}

}  // namespace

bool CountsPeople(const std::string& measure) {
  return measure == "people_reached" || measure == "households_reached" ||
         measure == "services_delivered" || measure == "trainees_improved";
}

std::vector<io::TableRow> IndicatorRows(const std::vector<Progress>& progress, Audience audience,
                                        int64_t threshold) {
  const bool suppress = audience == Audience::kPublic;
  io::TableRow header = {"Code", "Indicator", "Measure", "Target", "Value", "Ratio"};
  for (const char* s : kSexes) {
    for (const char* a : kAgeGroups)
      header.push_back(std::string(s == kSexes[0] ? "Female " : "Male ") + a);
  }
  std::vector<io::TableRow> out = {header};
  for (const Progress& p : progress) {
    const Indicator& i = p.indicator;
    io::TableRow row = {i.code, i.name, i.measure, std::to_string(i.target)};
    std::vector<Count> cells(kCells);
    Count value = p.value;
    if (i.measure == "people_reached") {
      const std::vector<int64_t> exact = SexAgeCells(p);
      const BreakdownRow b{.total = p.value, .groups = {exact}};
      if (suppress) {
        const SuppressedRows s = SuppressRows(std::span(&b, 1), threshold);
        value = s.rows[0].total;
        cells = s.rows[0].groups[0];
      } else {
        cells.assign(exact.begin(), exact.end());
      }
    } else if (suppress && CountsPeople(i.measure)) {
      value = SuppressCount(p.value, threshold);
    }
    row.push_back(CountCell(value));
    row.push_back(value ? Ratio(p.ratio) : "");
    for (const Count& c : cells) row.push_back(i.measure == "people_reached" ? CountCell(c) : "");
    out.push_back(std::move(row));
  }
  if (progress.empty() || progress.front().series.empty()) return out;

  out.emplace_back();
  io::TableRow months = {"Code", "Indicator (cumulative by month)"};
  for (const auto& point : progress.front().series) months.push_back(point.key);
  out.push_back(std::move(months));
  for (const Progress& p : progress) {
    io::TableRow row = {p.indicator.code, p.indicator.name};
    std::vector<int64_t> cumulative;
    for (const auto& point : p.series) cumulative.push_back(point.cumulative.value_or(0));
    if (suppress && CountsPeople(p.indicator.measure)) {
      for (const Count& c : SuppressCumulative(cumulative, threshold)) row.push_back(CountCell(c));
    } else {
      for (int64_t v : cumulative) row.push_back(std::to_string(v));
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace sanad::reports
