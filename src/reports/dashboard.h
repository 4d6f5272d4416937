// The dashboard of an organisation (docs/programmes.md, "Dashboard"): exact figures for the
// logged-in roles of the organisation — people reached by month, sector, population group,
// sex × age group, governorate and district; the caseload by module (counts only); distribution
// rounds; budgets and spending; projects by status; activities by type. Computed on a Connection
// inside the caller's transaction; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "registry/place_directory.h"
#include "reports/report_period.h"
#include "store/database.h"
#include "store/reach_store.h"
#include "store/report_store.h"

namespace sanad::reports {

struct DashboardQuery {
  Period period;           // both bounds set by the caller
  int64_t project_id = 0;  // 0 = every project and none
  std::string sector;      // "" = every sector
  std::string pcode;       // "" = everywhere
};

struct PlaceFigure {
  std::string pcode;
  std::string name_en;
  std::string name_ar;
  int64_t people = 0;
  int64_t times_served = 0;
};

struct KeyFigure {
  std::string key;  // a month, sector, population group
  int64_t people = 0;
  int64_t times_served = 0;
};

struct SexAgeFigure {
  std::string sex;
  std::string age_group;
  int64_t people = 0;
};

struct ActivityTypeFigure {
  std::string type;
  int64_t held = 0;
  int64_t participants = 0;  // unique people (registered and counted) of its service records
};

struct Dashboard {
  Period period;
  store::ReachRow reached;  // people, counted, times_served, households
  std::vector<KeyFigure> by_month;
  std::vector<KeyFigure> by_sector;
  std::vector<KeyFigure> by_population_group;
  std::vector<SexAgeFigure> by_sex_age;
  std::vector<PlaceFigure> by_governorate;
  std::vector<PlaceFigure> by_district;
  std::vector<store::CaseloadRow> caseload;
  int64_t open_cases = 0;
  std::vector<store::StatusCount> rounds_by_status;
  int64_t rounds = 0;
  int64_t households_collected = 0;
  std::vector<store::BudgetRow> budget;
  std::vector<store::StatusCount> projects_by_status;
  int64_t activities_held = 0;
  std::vector<ActivityTypeFigure> activities_by_type;
};

// The reach filter of a dashboard query.
store::ReachFilter DashboardReachFilter(int64_t organisation_id, const DashboardQuery& q);

Result<Dashboard> ComputeDashboard(store::Connection& c, int64_t organisation_id,
                                   const DashboardQuery& q, const registry::PlaceDirectory& places);

}  // namespace sanad::reports
