// HouseholdService: registering, finding, editing and archiving households, with the access
// rules (own organisation only, role permissions) and the audit log applied to every call.
// Thread-safe: it holds references to a thread-safe Database, Clock and PlaceDirectory.
#pragma once

#include <optional>
#include <vector>

#include "access/actor.h"
#include "access/audit_entry.h"
#include "base/clock.h"
#include "base/status.h"
#include "registry/household.h"
#include "registry/household_observer.h"
#include "registry/place_directory.h"
#include "store/database.h"

namespace sanad::registry {

class HouseholdService {
 public:
  // `observer`, when given, hears of every committed create, update and archive.
  HouseholdService(store::Database& db, const PlaceDirectory& places, const Clock& clock,
                   HouseholdObserver* observer = nullptr)
      : db_(db), places_(places), clock_(clock), observer_(observer) {}

  // InvalidArgument with every bad field; PermissionDenied for read-only roles.
  Result<Household> Create(const access::Actor& actor, Household household);
  // NotFound for another organisation's or an archived household.
  Result<Household> Get(const access::Actor& actor, int64_t id);
  // Replaces the household `household.id` if it is still at `expected_version`; Conflict if
  // someone changed it meanwhile (nothing is written).
  Result<Household> Update(const access::Actor& actor, Household household,
                           int64_t expected_version);
  // Archives (never erases). With expected_version, refuses a stale archive like Update.
  Status Archive(const access::Actor& actor, int64_t id, std::optional<int64_t> expected_version);
  Result<HouseholdPage> List(const access::Actor& actor, const HouseholdQuery& query);
  // The household's audit entries, oldest first; NotFound like Get (also once archived:
  // the organisation's audit log still has them).
  Result<std::vector<access::AuditEntry>> History(const access::Actor& actor, int64_t id);

  // Normalised text that search matches against: names in both scripts (spaced and joined, so
  // "عبد الرحمن" is found as "عبدالرحمن"), phone and document numbers.
  static std::string BuildSearchText(const Household& h);

 private:
  Status Validate(Household* h) const;

  store::Database& db_;
  const PlaceDirectory& places_;
  const Clock& clock_;
  HouseholdObserver* observer_;
};

}  // namespace sanad::registry
