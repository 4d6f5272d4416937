// OfficeService: the offices (missions) of the actor's organisation (docs/programmes.md,
// "Offices"). Every role of the organisation reads them, with the counts of active staff and
// volunteers; admins, supervisors and M&E officers (kManageProjects) create and edit them.
// Another organisation's office is NotFound. Every change is one write transaction with its
// audit entry. Thread-safe: it holds references to a thread-safe Database, PlaceDirectory and
// Clock.
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

class OfficeService {
 public:
  OfficeService(store::Database& db, const registry::PlaceDirectory& places, const Clock& clock)
      : db_(db), places_(places), clock_(clock) {}

  // Sorted by name. InvalidArgument naming each bad query parameter.
  Result<Page<Office>> List(const access::Actor& actor, const OfficeQuery& q) const;
  Result<Office> Get(const access::Actor& actor, int64_t id) const;
  // PermissionDenied without kManageProjects; InvalidArgument naming every bad field;
  // AlreadyExists naming `name` when the organisation has an office of that name.
  Result<Office> Create(const access::Actor& actor, const OfficeEdit& edit);
  // As Create; NotFound for another organisation's office; Conflict when `edit.version` is
  // stale.
  Result<Office> Update(const access::Actor& actor, int64_t id, const OfficeEdit& edit);

 private:
  store::Database& db_;
  const registry::PlaceDirectory& places_;
  const Clock& clock_;
};

}  // namespace sanad::programmes
