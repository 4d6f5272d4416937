// SQL for referrals (the referrals table of migrations/0003_cases.sql). The content arrives
// sealed and leaves sealed: the store never sees plaintext. Who may see which referral is the
// caller's rule; lists take it as a ReferralFilter. Functions run on a Connection inside the
// caller's transaction.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "referrals/referral.h"
#include "store/database.h"

namespace sanad::store {

struct ReferralFilter {
  referrals::ReferralBox box = referrals::ReferralBox::kInbox;
  int64_t organisation_id = 0;  // the receiving (inbox) or sending (outbox) organisation
  int64_t from_user_id = 0;     // outbox: only this sender's referrals; 0 = any sender
  // Outbox without a sender: referrals from cases only of these modules (household referrals
  // always), so a supervisor sees no referral from a case of a module they do not hold.
  bool limit_case_modules = false;
  std::vector<std::string> case_modules;
  int64_t own_user_id = 0;  // with limit_case_modules: this user's own referrals are always in
  std::string status;       // "" = any
  bool overdue = false;     // only overdue ones (referrals::IsOverdue at `now`)
  int64_t now = 0;
  int limit = 25;
  int offset = 0;
};

// Inserts `r` (version 1) with empty content and returns its id: the content's seal names the
// id, so the caller seals it next and stores it with SetReferralContent.
Result<int64_t> InsertReferral(Connection& c, const referrals::Referral& r);
Status SetReferralContent(Connection& c, int64_t id, const std::string& sealed);
// Plain columns, the names of both organisations, the sender, the service and the case's
// module, and the sealed content. NotFound when there is no such referral.
Result<referrals::Referral> GetReferral(Connection& c, int64_t id);
// Writes the status, response and service times, responder and sealed content of `r` if it is
// still at `expected_version` (Conflict naming `version` otherwise) and bumps the version.
Status UpdateReferral(Connection& c, const referrals::Referral& r, int64_t expected_version);
// Newest first; sealed content left empty (lists show plain columns only).
Result<std::vector<referrals::Referral>> ListReferrals(Connection& c, const ReferralFilter& f);
Result<int64_t> CountReferrals(Connection& c, const ReferralFilter& f);

// Who a referral's service records name (docs/programmes.md, "Service records"): the first
// registry person of a case (lowest id; 0 for a GBV case, whose people are sealed), and the
// head of a household (0 when it has none).
Result<int64_t> FirstCasePerson(Connection& c, int64_t case_id);
Result<int64_t> HouseholdHead(Connection& c, int64_t household_id);

}  // namespace sanad::store
