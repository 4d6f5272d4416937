// SQL of the reports that are not counts of people (docs/programmes.md, "Indicators",
// "Dashboard", "Reports and exports"): activities held, units rehabilitated and trainees who
// improved; the caseload by module; distribution rounds by status; projects, budgets and
// spending. People reached are counted by reach_store.h. Read-only; functions run on a
// Connection inside the caller's transaction.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/database.h"

namespace sanad::store {

// Done activities of the organisation; every list empty = no filter.
struct ActivityFilter {
  int64_t organisation_id = 0;
  int64_t project_id = 0;          // 0 = any project or none
  std::vector<std::string> types;  // activity types
  std::vector<std::string> sectors;
  std::vector<std::string> unit_kinds;
  std::string pcode;                // the place and under it
  std::vector<std::string> pcodes;  // and under any of these (a project's places)
  std::string from;                 // starts_on >= from
  std::string to;                   // starts_on <= to
};

enum class ActivityMeasure {
  kHeld,              // done activities
  kUnits,             // units of done rehabilitation activities
  kTraineesImproved,  // distinct registered trainees of done trainings, post score > pre score
};

enum class ActivityDim {
  kNone,
  kMonth,  // YYYY-MM of starts_on
  kAdm1,   // governorate P-code
  kType,
};

struct KeyedCount {
  std::string key;  // "" for kNone
  int64_t value = 0;
};

// Sorted by key; groups without any activity are absent (kNone: always one row).
Result<std::vector<KeyedCount>> MeasureActivities(Connection& c, const ActivityFilter& f,
                                                  ActivityMeasure measure, ActivityDim dim);

// The caseload of the organisation by module: open cases (not closed) now, and cases closed
// between two instants (seconds). project_id 0 = every case.
struct CaseloadRow {
  std::string module;
  int64_t open = 0;
  int64_t closed_in_period = 0;
};
Result<std::vector<CaseloadRow>> CaseloadByModule(Connection& c, int64_t organisation_id,
                                                  int64_t project_id, int64_t closed_from,
                                                  int64_t closed_to);

// Projects, rounds and money in a period: those whose dates overlap [from, to].
struct ProjectScope {
  int64_t organisation_id = 0;
  int64_t project_id = 0;  // 0 = any
  std::string sector;      // "" = any: a project of this sector
  std::string pcode;       // "" = anywhere: a project with a place at, under or over it
  std::string from;
  std::string to;
};

struct StatusCount {
  std::string status;
  int64_t count = 0;
};
// Projects by status; sorted by status.
Result<std::vector<StatusCount>> ProjectsByStatus(Connection& c, const ProjectScope& s);
// Distribution rounds (drafts left out) by status; project_id and pcode of the scope apply to
// the round's own project and place.
Result<std::vector<StatusCount>> RoundsByStatus(Connection& c, const ProjectScope& s);

struct BudgetRow {
  std::string currency;
  int64_t budget = 0;  // minor units
  int64_t spent = 0;   // non-voided expenditures up to the end of the period
};
// By currency.
Result<std::vector<BudgetRow>> BudgetByCurrency(Connection& c, const ProjectScope& s);

struct SpendingRow {
  std::string category;
  std::string month;  // YYYY-MM
  int64_t amount = 0;
};
// A project's non-voided expenditures in [from, to] by category and month.
Result<std::vector<SpendingRow>> ProjectSpending(Connection& c, int64_t organisation_id,
                                                 int64_t project_id, const std::string& from,
                                                 const std::string& to);

}  // namespace sanad::store
