// Who may see and do what with a case (docs/cases.md, "Modules and who sees what"). Pure
// functions over the actor and the case's plain facts; thread-safe.
#pragma once

#include <vector>

#include "access/actor.h"
#include "cases/case.h"

namespace sanad::cases {

// Caseworkers and supervisors holding at least one module work on cases; nobody else does.
bool WorksOnCases(const access::Actor& actor);
// A supervisor of the organisation holding `module`.
bool Supervises(const access::Actor& actor, access::CaseModule module);
// The rule of every read and write: same organisation, the module held, and the actor the
// case's owner, assigned to it, or a supervisor of its module.
bool MaySee(const access::Actor& actor, const Case& c);
// The owner or a supervisor of the module: they assign others to the case.
bool MayAssign(const access::Actor& actor, const Case& c);
// The workflow steps this actor may take next on a case they see: a closure request waits
// for a supervisor of the module, so it offers a caseworker none.
std::vector<CaseStatus> StepsFor(const access::Actor& actor, const Case& c);

}  // namespace sanad::cases
