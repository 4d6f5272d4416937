// Who may see a referral and what each side may do with it (docs/cases.md, "Services and
// referrals"): the sender's side (caseworkers and registration clerks their own referrals,
// supervisors their organisation's, from cases only of the modules they hold) and the
// receiving organisation's supervisors and caseworkers. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "access/actor.h"
#include "base/status.h"
#include "referrals/referral.h"

namespace sanad::referrals {

// The state changes of a referral, by their route's name.
enum class ReferralAction { kAccept, kDecline, kService, kCancel };

std::string_view ActionName(ReferralAction a);
// The status `a` moves a referral to.
ReferralStatus ActionTarget(ReferralAction a);

// The statuses that may follow `from`, whoever asks.
std::vector<ReferralStatus> NextStatuses(ReferralStatus from);
// "accepted, declined" ("none" when empty).
std::string JoinStatuses(const std::vector<ReferralStatus>& statuses);

bool SeesAsSender(const access::Actor& actor, const Referral& r);
bool SeesAsReceiver(const access::Actor& actor, const Referral& r);
inline bool Sees(const access::Actor& actor, const Referral& r) {
  return SeesAsSender(actor, r) || SeesAsReceiver(actor, r);
}

// Ok when `actor` (who sees `r`) may take `a` now. PermissionDenied when it is the other
// side's to take; Conflict naming the allowed next statuses (field `status`) when `r` is not
// in a status `a` follows.
Status CheckAction(const access::Actor& actor, const Referral& r, ReferralAction a);
// The statuses `actor` may move `r` to now (the referral's `allowed_next`).
std::vector<ReferralStatus> AllowedNext(const access::Actor& actor, const Referral& r);

// Roles that send referrals: caseworkers and supervisors (from cases and households),
// registration clerks (from households only).
bool MaySendFromCase(const access::Actor& actor);
bool MaySendFromHousehold(const access::Actor& actor);
// Roles that have an inbox or an outbox (PermissionDenied for the others).
Status CheckBox(const access::Actor& actor, ReferralBox box);

}  // namespace sanad::referrals
