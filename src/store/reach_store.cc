#include "store/reach_store.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "store/sql_text_internal.h"

namespace sanad::store {
namespace {

// A registered person's values within the filter: the greatest of their rows, with the spellings
// of "unknown" ('' and 'unknown') folded to '' first so that a known value wins over them.
constexpr std::string_view kPersonSex =
    "MAX(CASE WHEN r.sex IN ('female', 'male') THEN r.sex ELSE '' END)";
constexpr std::string_view kPersonPopulation =
    "MAX(CASE WHEN r.population_group IN ('', 'unknown') THEN '' ELSE r.population_group END)";
// A counted row's own cell.
constexpr std::string_view kCountedCell =
    "CASE WHEN r.sex IN ('female', 'male') THEN r.sex ELSE 'unknown' END, "
    "CASE WHEN r.age_group IN ('0-5', '6-17', '18-59', '60+') THEN r.age_group "
    "ELSE 'unknown' END, "
    "CASE WHEN r.population_group = '' THEN 'unknown' ELSE r.population_group END";
// Age groups by birth year: the three bounds are bound as the least birth year of 0-5, 6-17
// and 18-59 in `age_year`, so the age arithmetic stays out of SQL.
constexpr std::string_view kAgeGroup =
    "CASE WHEN t.b = 0 THEN 'unknown' WHEN t.b >= ? THEN '0-5' WHEN t.b >= ? THEN '6-17' "
    "WHEN t.b >= ? THEN '18-59' ELSE '60+' END";
constexpr int kMaxChildAge = 5;
constexpr int kMaxMinorAge = 17;
constexpr int kMaxAdultAge = 59;
constexpr int kMonthsInYear = 12;
constexpr int kMaxMonths = 1200;  // a series longer than a century is a typo in the period

std::string_view DimExpr(ReachDim d) {
  switch (d) {
    case ReachDim::kMonth:
      return "substr(r.served_on, 1, 7)";
    case ReachDim::kAdm1:
      return "substr(r.pcode, 1, 5)";
    case ReachDim::kAdm2:
      // Served at a governorate's level: no district.
      return "CASE WHEN length(r.pcode) >= 8 THEN substr(r.pcode, 1, 8) ELSE '' END";
    case ReachDim::kSector:
      return "r.sector";
    case ReachDim::kKind:
      return "r.kind";
    case ReachDim::kSource:
      return "r.source";
    case ReachDim::kProject:
      return "COALESCE(CAST(r.project_id AS TEXT), '')";
    case ReachDim::kOffice:
      return "COALESCE(CAST(r.office_id AS TEXT), '')";
  }
  return "''";
}

std::string Where(const ReachFilter& f, std::vector<Value>* params) {
  std::string where = " WHERE r.organisation_id = ?";
  params->emplace_back(f.organisation_id);
  if (f.project_id != 0) {
    where += " AND r.project_id = ?";
    params->emplace_back(f.project_id);
  }
  if (f.public_projects_only) {
    where += " AND r.project_id IN (SELECT p.id FROM projects p WHERE p.public = 1)";
  }
  if (f.office_id != 0) {
    where += " AND r.office_id = ?";
    params->emplace_back(f.office_id);
  }
  AddIn("r.source", f.sources, &where, params);
  AddIn("r.sector", f.sectors, &where, params);
  AddIn("r.kind", f.kinds, &where, params);
  if (!f.pcode.empty()) where += " AND " + Under("r.pcode", f.pcode, params);
  if (!f.pcodes.empty()) where += " AND " + UnderAny("r.pcode", f.pcodes, params);
  if (!f.from.empty()) {
    where += " AND r.served_on >= ?";
    params->emplace_back(f.from);
  }
  if (!f.to.empty()) {
    where += " AND r.served_on <= ?";
    params->emplace_back(f.to);
  }
  return where;
}

// "e0 AS k0, e1 AS k1, " for the select list, and "e0, e1" for GROUP BY.
std::string DimSelect(std::span<const ReachDim> dims) {
  std::string out;
  for (size_t i = 0; i < dims.size(); ++i) {
    out += std::string(DimExpr(dims[i])) + " AS k" + std::to_string(i) + ", ";
  }
  return out;
}
std::string DimGroup(std::span<const ReachDim> dims, std::string_view prefix = "") {
  std::string out;
  for (size_t i = 0; i < dims.size(); ++i) {
    if (i > 0) out += ", ";
    out += prefix.empty() ? std::string(DimExpr(dims[i])) : std::string(prefix) + std::to_string(i);
  }
  return out;
}

std::vector<std::string> Keys(const Row& r, size_t n) {
  std::vector<std::string> keys;
  keys.reserve(n);
  for (size_t i = 0; i < n; ++i) keys.push_back(r.Text(i));
  return keys;
}

int AgeRank(const std::string& age_group) {
  static constexpr std::string_view kOrder[] = {"0-5", "6-17", "18-59", "60+"};
  for (int i = 0; i < 4; ++i) {
    if (age_group == kOrder[i]) return i;
  }
  return 4;
}

using CellKey = std::tuple<std::string, std::string, std::string>;  // sex, age, population
struct Group {
  ReachRow row;
  std::map<CellKey, int64_t> cells;
};

void AddCell(Group& g, const Row& r, size_t at) {
  g.cells[{r.Text(at), r.Text(at + 1), r.Text(at + 2)}] += r.Int(at + 3);
}

// The month of a YYYY-MM text as a count of months; -1 when it is not one.
int64_t MonthIndex(std::string_view month) {
  if (month.size() < 7 || month[4] != '-') return -1;
  int64_t year = 0;
  for (char ch : month.substr(0, 4)) {
    if (ch < '0' || ch > '9') return -1;
    year = year * 10 + (ch - '0');
  }
  const int m = (month[5] - '0') * 10 + (month[6] - '0');
  if (m < 1 || m > kMonthsInYear) return -1;
  return year * kMonthsInYear + (m - 1);
}

std::string MonthText(int64_t index) {
  const int64_t year = index / kMonthsInYear;
  const int64_t month = index % kMonthsInYear + 1;
  std::string out = std::to_string(year);
  while (out.size() < 4) out.insert(out.begin(), '0');
  out += month < 10 ? "-0" : "-";
  out += std::to_string(month);
  return out;
}

// The groups as rows sorted by keys, their people and sorted cells filled.
std::vector<ReachRow> ToRows(std::map<std::vector<std::string>, Group>&& groups) {
  std::vector<ReachRow> out;
  out.reserve(groups.size());
  for (auto& [keys, g] : groups) {
    g.row.keys = keys;
    g.row.people = g.row.registered + g.row.counted;
    for (const auto& [cell, people] : g.cells) {
      if (people == 0) continue;
      g.row.cells.push_back({.sex = std::get<0>(cell),
                             .age_group = std::get<1>(cell),
                             .population_group = std::get<2>(cell),
                             .people = people});
    }
    std::sort(g.row.cells.begin(), g.row.cells.end(), [](const ReachCell& a, const ReachCell& b) {
      return std::tuple(a.sex, AgeRank(a.age_group), a.population_group) <
             std::tuple(b.sex, AgeRank(b.age_group), b.population_group);
    });
    out.push_back(std::move(g.row));
  }
  return out;
}

}  // namespace

Result<std::vector<ReachRow>> Reach(Connection& c, const ReachFilter& f,
                                    std::span<const ReachDim> dims, int age_year) {
  const size_t n = dims.size();
  std::map<std::vector<std::string>, Group> groups;

  // Times served, counted people and households per group; registered people too when their
  // cells are not asked for (a counted row has no person: COUNT skips its NULL).
  {
    std::vector<Value> params;
    std::string sql = "SELECT " + DimSelect(dims) +
                      "SUM(r.count), SUM(CASE WHEN r.person_id IS NULL THEN r.count ELSE 0 END), " +
                      (f.with_households ? "COUNT(DISTINCT r.household_id)" : "0") + ", " +
                      (f.with_cells ? "0" : "COUNT(DISTINCT COALESCE(r.person_key, r.person_id))") +
                      " FROM service_records r" + Where(f, &params);
    if (n > 0) sql += " GROUP BY " + DimGroup(dims);
    SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
    for (const Row& r : rows) {
      ReachRow& row = groups[Keys(r, n)].row;
      row.times_served = r.Int(n);
      row.counted = r.Int(n + 1);
      row.households = r.Int(n + 2);
      row.registered = r.Int(n + 3);
    }
    if (n == 0 && groups.empty()) groups[{}];
  }
  if (!f.with_cells) return ToRows(std::move(groups));

  // Registered people: one per person_key and group, in the cell of their greatest values.
  {
    std::vector<Value> params = {int64_t{age_year - kMaxChildAge}, int64_t{age_year - kMaxMinorAge},
                                 int64_t{age_year - kMaxAdultAge}};
    std::string outer_keys;
    for (size_t i = 0; i < n; ++i) outer_keys += "t.k" + std::to_string(i) + ", ";
    std::string sql =
        "SELECT " + outer_keys + "CASE WHEN t.sx = '' THEN 'unknown' ELSE t.sx END AS sx2, " +
        std::string(kAgeGroup) +
        " AS ag, CASE WHEN t.pg = '' THEN 'unknown' ELSE t.pg END AS pg2, COUNT(*) "
        "FROM (SELECT " +
        DimSelect(dims) + std::string(kPersonSex) + " AS sx, MAX(r.birth_year) AS b, " +
        std::string(kPersonPopulation) + " AS pg FROM service_records r" + Where(f, &params) +
        " AND r.person_id IS NOT NULL GROUP BY " + (n > 0 ? DimGroup(dims) + ", " : std::string()) +
        "COALESCE(r.person_key, r.person_id)) t GROUP BY ";
    for (size_t i = 0; i < n + 3; ++i) sql += (i == 0 ? "" : ", ") + std::to_string(i + 1);
    SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
    for (const Row& r : rows) {
      Group& g = groups[Keys(r, n)];
      g.row.registered += r.Int(n + 3);
      AddCell(g, r, n);
    }
  }

  // Counted people, in their own cells.
  {
    std::vector<Value> params;
    std::string sql = "SELECT " + DimSelect(dims) + std::string(kCountedCell) +
                      ", SUM(r.count) FROM service_records r" + Where(f, &params) +
                      " AND r.person_id IS NULL GROUP BY ";
    for (size_t i = 0; i < n + 3; ++i) sql += (i == 0 ? "" : ", ") + std::to_string(i + 1);
    SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
    for (const Row& r : rows) AddCell(groups[Keys(r, n)], r, n);
  }

  return ToRows(std::move(groups));
}

Result<std::vector<MonthTotal>> ReachByMonthCumulative(Connection& c, const ReachFilter& f) {
  std::map<std::string, MonthTotal> months;
  {
    // The month each registered person was first served.
    std::vector<Value> params;
    const std::string sql =
        "SELECT t.m, COUNT(*) FROM (SELECT MIN(substr(r.served_on, 1, 7)) AS m "
        "FROM service_records r" +
        Where(f, &params) +
        " AND r.person_id IS NOT NULL GROUP BY COALESCE(r.person_key, r.person_id)) t "
        "GROUP BY t.m";
    SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
    for (const Row& r : rows) months[r.Text(0)].people += r.Int(1);
  }
  {
    std::vector<Value> params;
    const std::string sql =
        "SELECT substr(r.served_on, 1, 7), SUM(r.count), "
        "SUM(CASE WHEN r.person_id IS NULL THEN r.count ELSE 0 END) FROM service_records r" +
        Where(f, &params) + " GROUP BY 1";
    SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
    for (const Row& r : rows) {
      MonthTotal& m = months[r.Text(0)];
      m.times_served = r.Int(1);
      m.people += r.Int(2);
    }
  }
  // Every month of the period, those without records included, so a chart has no gaps.
  std::string first = f.from.size() >= 7 ? f.from.substr(0, 7) : std::string();
  std::string last = f.to.size() >= 7 ? f.to.substr(0, 7) : std::string();
  if (first.empty() && !months.empty()) first = months.begin()->first;
  if (last.empty() && !months.empty()) last = months.rbegin()->first;
  if (!first.empty() && !last.empty()) {
    const int64_t a = MonthIndex(first);
    const int64_t b = MonthIndex(last);
    for (int64_t i = a; a >= 0 && i <= b && i - a < kMaxMonths; ++i) months[MonthText(i)];
  }
  std::vector<MonthTotal> out;
  out.reserve(months.size());
  int64_t cumulative = 0;
  for (auto& [month, m] : months) {
    m.month = month;
    cumulative += m.people;
    m.cumulative = cumulative;
    out.push_back(m);
  }
  return out;
}

}  // namespace sanad::store
