// SQL of the public page (docs/programmes.md, "The public page"): organisations with a public
// office, their public active offices, and the counts beside people reached — public projects by
// status, staff and volunteers, budget and spending, activities held. Only organisations' and
// offices' own names and aggregates come out of here. Functions run on a Connection inside the
// caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/database.h"

namespace sanad::store {

struct PublicOrganisationRow {
  int64_t id = 0;
  std::string name;
};

// Organisations with at least one public, active office, by id.
Result<std::vector<PublicOrganisationRow>> ListPublicOrganisations(Connection& c);
// The organisation when it has a public, active office; nullopt otherwise.
Result<std::optional<PublicOrganisationRow>> FindPublicOrganisation(Connection& c,
                                                                    int64_t organisation_id);

struct PublicOfficeRow {
  int64_t id = 0;
  std::string name;
  std::string name_ar;
  std::string pcode;
  std::optional<double> lat;  // nullopt: the place's label point
  std::optional<double> lon;
};

// The organisation's public, active offices, by id.
Result<std::vector<PublicOfficeRow>> ListPublicOffices(Connection& c, int64_t organisation_id);

// Projects marked public, by status (and office).
struct ProjectStatusRow {
  int64_t office_id = 0;  // 0 = none
  std::string status;     // planned, ongoing, completed
  int64_t projects = 0;
};
// Public projects by office and status; only those whose dates meet [from, to] when both are
// given ("" = any time).
Result<std::vector<ProjectStatusRow>> CountPublicProjects(Connection& c, int64_t organisation_id,
                                                          const std::string& from,
                                                          const std::string& to);

struct StaffCountRow {
  int64_t staff = 0;
  int64_t volunteers = 0;
};
// Active staff members and volunteers of the organisation's public, active offices.
Result<StaffCountRow> CountPublicStaff(Connection& c, int64_t organisation_id);

struct BudgetRow {
  std::string currency;
  int64_t budget = 0;  // minor units
  int64_t spent = 0;   // non-voided expenditures spent within [from, to], minor units
};
// Budget and spending of the public projects whose dates meet [from, to], per currency.
Result<std::vector<BudgetRow>> PublicBudget(Connection& c, int64_t organisation_id,
                                            const std::string& from, const std::string& to);

struct ActivitiesHeldRow {
  int64_t office_id = 0;
  std::string type;
  std::string sector;
  int64_t held = 0;
};
// Done activities of public projects recorded under an office, by office, type and sector.
Result<std::vector<ActivitiesHeldRow>> CountPublicActivities(Connection& c,
                                                             int64_t organisation_id);

}  // namespace sanad::store
