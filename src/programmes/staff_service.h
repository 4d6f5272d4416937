// StaffService: the staff and volunteer roster of the actor's organisation (docs/programmes.md,
// "Staff and volunteers"). It holds names and phones, so only admins, supervisors and M&E
// officers (kManageProjects) read or change it; everyone else sees the counts on the offices.
// Another organisation's member is NotFound. Every change is one write transaction with its
// audit entry. Thread-safe: it holds references to a thread-safe Database and Clock.
#pragma once

#include <cstdint>

#include "access/actor.h"
#include "base/clock.h"
#include "base/status.h"
#include "programmes/programme.h"
#include "programmes/programme_requests.h"
#include "store/database.h"

namespace sanad::programmes {

class StaffService {
 public:
  StaffService(store::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Sorted by name. PermissionDenied without kManageProjects; InvalidArgument naming each bad
  // query parameter.
  Result<Page<StaffMember>> List(const access::Actor& actor, const StaffQuery& q) const;
  Result<StaffMember> Get(const access::Actor& actor, int64_t id) const;
  // InvalidArgument naming every bad field (`office_id` when it is not an office of the
  // organisation).
  Result<StaffMember> Create(const access::Actor& actor, const StaffEdit& edit);
  // As Create; NotFound for another organisation's member; Conflict when `edit.version` is
  // stale.
  Result<StaffMember> Update(const access::Actor& actor, int64_t id, const StaffEdit& edit);

 private:
  store::Database& db_;
  const Clock& clock_;
};

}  // namespace sanad::programmes
