// Helpers shared by the files of DistributionService (assistance/ only): access checks, audit
// entries, drawing the list now, and the stock needs of a list. Stateless; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "access/actor.h"
#include "access/audit_entry.h"
#include "assistance/distribution.h"
#include "assistance/distribution_rules.h"
#include "base/status.h"
#include "stock/ledger.h"
#include "store/database.h"

namespace sanad::assistance::internal {

inline constexpr int64_t kSecondsPerDay = 24 * 3600;

Status Deny(const char* what);
access::AuditEntry Entry(const access::Actor& a, int64_t now, std::string entity,
                         std::string action, int64_t id, std::vector<access::FieldChange> changes);
// Seconds since the epoch of a YYYY-MM-DD date at 00:00 UTC (0 when not a date).
int64_t DayStart(const std::string& date);

// The candidates of the round's organisation and the list they would draw now.
struct DrawnList {
  std::vector<Candidate> candidates;
  Draw draw;
};
Result<DrawnList> DrawNow(store::Connection& c, const Distribution& d);
// What the chosen households need of each basket item (summed entitlements), in basket order.
std::vector<stock::Need> NeedsOf(const Distribution& d, const DrawnList& list);
// Draws the list into the round (tokens from libsodium's CSPRNG), reserves its stock and creates
// its cash transfers; sets the round's counts. Inside the plan's write transaction.
Status PlanRound(store::Connection& c, Distribution* d, int64_t now);

}  // namespace sanad::assistance::internal
