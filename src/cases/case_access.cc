#include "cases/case_access.h"

#include <algorithm>

#include "cases/case_workflow.h"

namespace sanad::cases {

bool WorksOnCases(const access::Actor& a) {
  return (a.role == access::Role::kCaseworker || a.role == access::Role::kSupervisor) &&
         !a.modules.empty();
}

bool Supervises(const access::Actor& a, access::CaseModule module) {
  return a.role == access::Role::kSupervisor && a.modules.Has(module);
}

bool MaySee(const access::Actor& a, const Case& c) {
  if (!WorksOnCases(a) || a.organisation_id != c.organisation_id || !a.modules.Has(c.module)) {
    return false;
  }
  if (Supervises(a, c.module) || c.owner.id == a.user_id) return true;
  return std::any_of(c.assigned.begin(), c.assigned.end(),
                     [&](const CaseUser& u) { return u.id == a.user_id; });
}

bool MayAssign(const access::Actor& a, const Case& c) {
  return MaySee(a, c) && (c.owner.id == a.user_id || Supervises(a, c.module));
}

std::vector<CaseStatus> StepsFor(const access::Actor& actor, const Case& c) {
  if (c.status == CaseStatus::kClosureRequested && !Supervises(actor, c.module)) return {};
  return NextSteps(c.status);
}

}  // namespace sanad::cases
