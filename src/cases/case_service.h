// CaseService: protection cases — opening, reading (audited), editing, the workflow, follow-ups,
// services given, transfer and assignment, caseload lists and the supervisor's dashboard —
// with the access rule of docs/cases.md applied to every call: a case is visible only to its
// owner, users assigned to it and supervisors of its module in its organisation, and a case
// the actor may not see is NotFound, never PermissionDenied. Content is sealed with the
// FieldCipher before it reaches the store. Thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "access/actor.h"
#include "access/field_cipher.h"
#include "base/clock.h"
#include "base/status.h"
#include "cases/case.h"
#include "cases/case_list.h"
#include "cases/referral_source.h"
#include "store/database.h"

namespace sanad::cases {

class CaseBook;

struct NewCase {
  std::string module;
  std::string risk;
  std::vector<int64_t> person_ids;
  Json content = Json::object();  // sections as in docs/cases.md
  std::string next_follow_up;
  int64_t project_id = 0;  // 0 = none
};

// A PATCH: sections present replace the stored ones.
struct CaseEdit {
  int64_t version = 0;
  std::optional<std::string> risk;
  std::optional<std::vector<int64_t>> person_ids;
  std::optional<std::string> next_follow_up;
  std::optional<int64_t> project_id;  // 0 = none
  Json sections = Json::object();     // any of intake, consent, assessment, plan, details, closure
};

class CaseService {
 public:
  // `cipher` may be null: then every call fails with Unavailable (no data key configured).
  CaseService(store::Database& db, const access::FieldCipher* cipher, const Clock& clock)
      : db_(db), cipher_(cipher), clock_(clock) {}

  // InvalidArgument naming each bad field; PermissionDenied for a role that opens no cases or
  // a module the actor does not hold.
  Result<Case> Create(const access::Actor& actor, const NewCase& c);
  // Audited read. NotFound when the actor may not see the case.
  Result<Case> Get(const access::Actor& actor, int64_t id);
  // Conflict when stale.
  Result<Case> Edit(const access::Actor& actor, int64_t id, const CaseEdit& edit);
  // Conflict (fields.status names the allowed next steps) for a step out of order; `reason`
  // is required for closure_requested (when content has no closure reason) and reopening.
  Result<Case> Move(const access::Actor& actor, int64_t id, std::string_view status,
                    int64_t version, const std::string& reason);
  Result<Case> AddFollowUp(const access::Actor& actor, int64_t id, int64_t version,
                           const Json& follow_up);
  // Also writes the service records of the case's people (docs/programmes.md, "Service
  // records").
  Result<Case> AddService(const access::Actor& actor, int64_t id, int64_t version,
                          const Json& service);
  // Supervisors of the module only; the new owner must be a caseworker or supervisor of the
  // organisation holding the module (InvalidArgument otherwise).
  Result<Case> Transfer(const access::Actor& actor, int64_t id, int64_t version, int64_t owner_id,
                        const std::string& reason);
  Result<Case> Assign(const access::Actor& actor, int64_t id, int64_t version, int64_t user_id);
  Result<Case> Unassign(const access::Actor& actor, int64_t id, int64_t version, int64_t user_id);
  // Audited like Get. Oldest first.
  Result<std::vector<CaseEvent>> Timeline(const access::Actor& actor, int64_t id);

  Result<CasePage> List(const access::Actor& actor, const CaseQuery& query);
  // Every row of the list's filters (no paging, at most kMaxExportRows); audited as one
  // "export" entry naming the number of cases.
  Result<std::vector<CaseSummary>> Export(const access::Actor& actor, const CaseQuery& query);
  Result<Dashboard> GetDashboard(const access::Actor& actor);
  // The organisation's users who may own or be assigned a case of `module`.
  Result<std::vector<CaseUser>> Caseworkers(const access::Actor& actor, std::string_view module);

  // For the referral service: the case's consent and shareable values (audited as a read);
  // NotFound like Get.
  Result<ReferralSource> GetReferralSource(const access::Actor& actor, int64_t id);
  // Appends a "referral" line to the timeline of a case the actor may see, inside the caller's
  // transaction `c` (so the referral and its line commit together).
  Status NoteReferral(store::Connection& c, const access::Actor& actor, int64_t id,
                      const std::string& summary);

  static constexpr int kMaxExportRows = 50'000;

 private:
  // The frame of every change to one case: the data key and role checks, one write
  // transaction, the case loaded (NotFound when the actor may not see it) and handed to
  // `change`, which saves it through the book when it changes it. Returns the case as `change`
  // left it, with its people.
  Result<Case> Change(const access::Actor& actor, int64_t id,
                      const std::function<Status(CaseBook&, Case&)>& change);

  store::Database& db_;
  const access::FieldCipher* cipher_;
  const Clock& clock_;
};

}  // namespace sanad::cases
