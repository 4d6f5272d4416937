// CaseBook: what the case service's operations share inside one transaction — loading a case
// the actor may see and opening its content, sealing and saving it, appending to its timeline
// and to the audit log. Used only by cases/*.cc. Not thread-safe: one per transaction.
#pragma once

#include <string>
#include <vector>

#include "access/actor.h"
#include "access/audit_entry.h"
#include "access/field_cipher.h"
#include "base/status.h"
#include "cases/case.h"
#include "store/database.h"

namespace sanad::cases {

// Dates a caseworker sees (today, follow-ups due) are Iraq's civil dates (UTC+3, no DST).
inline constexpr int64_t kLocalOffsetSeconds = 3 * 3600;
std::string LocalDate(int64_t now);

// Without a data key nothing of a case opens.
Status NoDataKey();
// The one answer for a case that does not exist and one the actor may not see.
Status CaseNotFound();

class CaseBook {
 public:
  CaseBook(store::Connection& c, const access::FieldCipher& cipher, const access::Actor& actor,
           int64_t now)
      : c_(c), cipher_(cipher), actor_(actor), now_(now) {}

  // The case with its content opened and `overdue` set (people not filled); NotFound when the
  // actor may not see it (or it does not exist in the actor's organisation), one message for
  // both.
  Result<Case> Load(int64_t id);
  // Fills c->people from the registry (live people of the organisation).
  Status FillPeople(Case* c);
  // Inserts a new case (id set on return) with its sealed content and people, filled.
  Status Insert(Case* c);
  // Seals and writes `c` (plain columns, content, people) if still at `expected_version`;
  // bumps c->version, fills c->people and sets `overdue` anew.
  Status Save(Case* c, int64_t expected_version);
  // Appends a timeline event; `body` (null for none) is sealed. *id, when given, receives the
  // event's id.
  Status AddEvent(int64_t case_id, std::string kind, std::string summary,
                  const Json& body = nullptr, int64_t* id = nullptr);
  Status Audit(std::string action, int64_t case_id, std::vector<access::FieldChange> changes);

  store::Connection& connection() { return c_; }
  int64_t now() const { return now_; }

  static std::string ContentContext(int64_t id) { return "cases.content:" + std::to_string(id); }
  static std::string EventContext(int64_t id) { return "case_events.body:" + std::to_string(id); }

 private:
  std::string Seal(const Case& c) const;
  std::string SearchText(const Case& c) const;
  void SetOverdue(Case* c) const;

  store::Connection& c_;
  const access::FieldCipher& cipher_;
  const access::Actor& actor_;
  int64_t now_;
};

}  // namespace sanad::cases
