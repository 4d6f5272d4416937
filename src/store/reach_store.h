// The aggregate every "people reached" figure comes from (docs/programmes.md, "Service
// records"): unique people, counted people, times served and households over service_records,
// grouped by the dimensions a report asks for, with the sex × age group × population group
// cells of each group. Read-only; runs on a Connection inside the caller's transaction.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/database.h"

namespace sanad::store {

struct ReachFilter {
  int64_t organisation_id = 0;        // required
  int64_t project_id = 0;             // 0 = any project or none
  bool public_projects_only = false;  // only records of projects marked public (public page)
  int64_t office_id = 0;              // 0 = any
  std::vector<std::string> sources;   // activity, collection, case_service, referral; empty = all
  std::vector<std::string> sectors;   // empty = all
  std::vector<std::string> kinds;     // empty = all
  std::string pcode;                  // the place and under it (a P-code prefix); "" = anywhere
  std::vector<std::string> pcodes;    // and under any of these (a project's places); empty = any
  std::string from;                   // served_on >= from (YYYY-MM-DD); "" = no bound
  std::string to;                     // served_on <= to; "" = no bound
  // What to compute beside people, counted people and times served. A breakdown that shows
  // only people is one scan without them (the cells group every row's people by person first;
  // households sort their ids).
  bool with_cells = true;       // false: ReachRow::cells empty
  bool with_households = true;  // false: ReachRow::households 0
};

enum class ReachDim {
  kMonth,  // YYYY-MM of served_on
  kAdm1,   // governorate P-code (5 characters of pcode)
  kAdm2,   // district P-code (8 characters); "" for records at a governorate's level
  kSector,
  kKind,
  kSource,
  kProject,  // project id as text, "" for none
  kOffice,   // office id as text, "" for none
};

struct ReachCell {
  std::string sex;               // female, male, unknown
  std::string age_group;         // 0-5, 6-17, 18-59, 60+, unknown
  std::string population_group;  // idp, returnee, refugee, host, other, unknown
  int64_t people = 0;
};

struct ReachRow {
  std::vector<std::string> keys;  // one per dimension asked, in order
  int64_t people = 0;             // registered (distinct person_key) + counted
  int64_t registered = 0;
  int64_t counted = 0;
  int64_t times_served = 0;      // rows, counted rows by their count
  int64_t households = 0;        // distinct households of registered people
  std::vector<ReachCell> cells;  // non-zero cells; they add up to `people`
};

// One row per combination of `dims` present (one row with no keys when dims is empty), sorted
// by keys. A registered person counts once per row, in one cell: sex, birth year and
// population group the greatest of their rows within the filter, age at the end of
// `age_year` (the period's last year: age = age_year - birth year).
Result<std::vector<ReachRow>> Reach(Connection& c, const ReachFilter& f,
                                    std::span<const ReachDim> dims, int age_year);

// Unique people reached up to the end of each month of the filter's period: the month each
// registered person was first served, cumulated, plus counted people by month; sorted by month.
struct MonthTotal {
  std::string month;       // YYYY-MM
  int64_t people = 0;      // new in this month (registered first seen + counted)
  int64_t cumulative = 0;  // unique up to the end of this month
  int64_t times_served = 0;
};
Result<std::vector<MonthTotal>> ReachByMonthCumulative(Connection& c, const ReachFilter& f);

}  // namespace sanad::store
