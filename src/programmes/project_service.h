// ProjectService: the projects of the actor's organisation with their places, budget and
// expenditures (docs/programmes.md, "Projects, budget and expenditures"). Every role of the
// organisation reads; admins, supervisors and M&E officers (kManageProjects) create and edit
// projects and record and void expenditures. Another organisation's project is NotFound. Every
// change is one write transaction with its audit entry. Thread-safe: it holds references to a
// thread-safe Database, PlaceDirectory and Clock.
#pragma once

#include <cstdint>

#include "access/actor.h"
#include "base/clock.h"
#include "base/status.h"
#include "programmes/programme.h"
#include "programmes/programme_requests.h"
#include "registry/place_directory.h"
#include "store/database.h"

namespace sanad::programmes {

class ProjectService {
 public:
  ProjectService(store::Database& db, const registry::PlaceDirectory& places, const Clock& clock)
      : db_(db), places_(places), clock_(clock) {}

  // Newest start first. InvalidArgument naming each bad query parameter.
  Result<Page<Project>> List(const access::Actor& actor, const ProjectQuery& q) const;
  Result<Project> Get(const access::Actor& actor, int64_t id) const;
  // PermissionDenied without kManageProjects; InvalidArgument naming every bad field (the
  // budget read exactly in the project's currency, `office_id` not an office of the
  // organisation); AlreadyExists naming `code` when the organisation has a project of that code.
  Result<Project> Create(const access::Actor& actor, const ProjectEdit& edit);
  // As Create; NotFound for another organisation's project; Conflict when `edit.version` is
  // stale; InvalidArgument naming `currency` when it changes once expenditures exist. A new
  // currency without a new budget keeps the budget's number in major units.
  Result<Project> Update(const access::Actor& actor, int64_t id, const ProjectEdit& edit);

  // Newest first, voided lines included. NotFound for another organisation's project.
  Result<Page<Expenditure>> ListExpenditures(const access::Actor& actor, int64_t project_id,
                                             int page, int limit) const;
  // Records a line in the project's currency: InvalidArgument naming `amount` (more than 0, no
  // more decimals than the currency has), `spent_on`, `category`.
  Result<Expenditure> AddExpenditure(const access::Actor& actor, int64_t project_id,
                                     const ExpenditureRequest& r);
  // Voids a line with a reason (required): NotFound when it is not of this project, Conflict
  // when it was voided already.
  Result<Expenditure> VoidExpenditure(const access::Actor& actor, int64_t project_id,
                                      int64_t expenditure_id, const std::string& reason);

 private:
  Status Check(store::Connection& c, const ProjectEdit& edit, const Project* before,
               Project* p) const;

  store::Database& db_;
  const registry::PlaceDirectory& places_;
  const Clock& clock_;
};

}  // namespace sanad::programmes
