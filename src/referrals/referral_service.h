// ReferralService: referrals from a case or a household to a service of the directory, and
// their answer, with the consent and access rules of docs/cases.md ("Services and
// referrals") applied to every call. What a referral shares is a snapshot sealed with the
// FieldCipher; every create, read and state change is audited in its transaction, naming
// fields, never their values. Thread-safe: it holds references to thread-safe services.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "access/actor.h"
#include "access/field_cipher.h"
#include "base/clock.h"
#include "base/status.h"
#include "cases/case_service.h"
#include "referrals/referral.h"
#include "registry/household_service.h"
#include "store/database.h"

namespace sanad::referrals {

// A referral to send: from a case (case_id) or a household member (household_id, person_id and
// the person's consent to this referral).
struct NewReferral {
  int64_t case_id = 0;
  int64_t household_id = 0;
  int64_t person_id = 0;
  int64_t service_id = 0;
  std::string urgency;
  std::string reason;
  std::vector<std::string> share;
  bool consent = false;
};

inline constexpr size_t kMaxReasonChars = 4000;

class ReferralService {
 public:
  // `cipher` may be null: then every call but List fails with Unavailable (no data key).
  ReferralService(store::Database& db, cases::CaseService& cases,
                  registry::HouseholdService& households, const access::FieldCipher* cipher,
                  const Clock& clock)
      : db_(db), cases_(cases), households_(households), cipher_(cipher), clock_(clock) {}

  // PermissionDenied for a role that sends no referrals (or a registration clerk and a case);
  // NotFound for a case or household the actor may not see; InvalidArgument naming each bad
  // field, consent violations included (`share[1]`, `service_id`).
  Result<Referral> Create(const access::Actor& actor, const NewReferral& n);
  // Audited read. NotFound when the actor is on neither side of the referral.
  Result<Referral> Get(const access::Actor& actor, int64_t id);
  // The actor's inbox or outbox, plain columns only (content not opened, nothing audited).
  // PermissionDenied for roles without that box; InvalidArgument naming bad parameters.
  Result<ReferralPage> List(const access::Actor& actor, const ReferralQuery& query);

  // State changes. Each takes the version the caller saw: NotFound as Get, PermissionDenied
  // when it is the other side's move, Conflict naming `version` when stale or `status` (with
  // the allowed next statuses) when out of order.
  Result<Referral> Accept(const access::Actor& actor, int64_t id, int64_t version);
  // `reason` is required.
  Result<Referral> Decline(const access::Actor& actor, int64_t id, int64_t version,
                           const std::string& reason);
  // The service was given on `date` (YYYY-MM-DD, from the day it was sent to today); `note` is
  // the feedback the sender sees.
  Result<Referral> RecordService(const access::Actor& actor, int64_t id, int64_t version,
                                 const std::string& note, const std::string& date);
  // The sender withdraws a referral that is still unanswered; `reason` is optional.
  Result<Referral> Cancel(const access::Actor& actor, int64_t id, int64_t version,
                          const std::string& reason);

  static constexpr int kMaxLimit = 200;

 private:
  struct Move;
  // Fills r's case module and shared snapshot (and the member, for a household) from the
  // case or household of `n`, appending consent and membership problems to *bad. NotFound
  // when the actor may not see the case or household.
  Status TakeSnapshot(const access::Actor& actor, const NewReferral& n, Referral* r,
                      std::vector<FieldError>* bad);
  Result<Referral> Apply(const access::Actor& actor, int64_t id, int64_t version, const Move& move);

  store::Database& db_;
  cases::CaseService& cases_;
  registry::HouseholdService& households_;
  const access::FieldCipher* cipher_;
  const Clock& clock_;
};

}  // namespace sanad::referrals
