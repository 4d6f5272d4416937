// SQL for protection cases (store side of cases/): the case row, its people, assignments and
// timeline, and the lists, counts and caseload of the supervisor's dashboard. Content and
// event bodies arrive sealed (text) and leave sealed: the store never sees plaintext. Access
// rules are the caller's; lists take them as a CaseScope. Functions run on a Connection inside
// the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "cases/case.h"
#include "store/database.h"

namespace sanad::store {

// A case as stored: the plain columns in `c` (content empty) and the sealed content.
struct StoredCase {
  cases::Case c;
  std::string sealed_content;
};

struct StoredCaseEvent {
  cases::CaseEvent e;  // body null
  std::optional<std::string> sealed_body;
};

// Which cases a list may return: those of `organisation_id` in `modules`, and of them those in
// `supervised_modules` or owned by / assigned to `user_id`.
struct CaseScope {
  int64_t organisation_id = 0;
  int64_t user_id = 0;
  std::vector<std::string> modules;
  std::vector<std::string> supervised_modules;
};

// `overdue` of the summaries returned is left false: the caller computes it
// (cases::IsOverdue).
struct CaseFilter {
  CaseScope scope;
  bool only_mine = false;  // owned by or assigned to scope.user_id, even for a supervisor
  std::string module;
  std::string status;
  int risk = 0;  // 0 = any
  bool not_closed = false;
  std::string due_by;    // "YYYY-MM-DD": next follow-up on or before it
  bool overdue = false;  // with `today` and `now` (docs/cases.md, "Overdue")
  std::string today;
  int64_t now = 0;
  std::vector<std::string> terms;  // normalised words all found in search_text
  int64_t id = 0;                  // 0 = any
  int limit = 25;
  int offset = 0;
};

struct CaseWrite {
  int64_t actor_id = 0;
  int64_t now = 0;
  std::string search_text;
};

// Inserts the case with empty content and returns its id (the content's seal names it).
Result<int64_t> InsertCase(Connection& c, const cases::Case& kase, const CaseWrite& w);
Status SetCaseContent(Connection& c, int64_t id, const std::string& sealed);
// NotFound when the organisation has no such case.
Result<StoredCase> GetCase(Connection& c, int64_t organisation_id, int64_t id);
// Writes the plain columns and content of `kase` if it is still at `expected_version`
// (Conflict otherwise) and bumps the version.
Status UpdateCase(Connection& c, const cases::Case& kase, const std::string& sealed,
                  int64_t expected_version, const CaseWrite& w);
Status ReplaceCasePeople(Connection& c, int64_t case_id, const std::vector<int64_t>& person_ids);
Status AddCaseAssignment(Connection& c, int64_t case_id, int64_t user_id, int64_t by, int64_t now);
Status RemoveCaseAssignment(Connection& c, int64_t case_id, int64_t user_id);

// Appends an event (with its sealed body, sealed by the caller under the returned id's
// context via `seal`) and returns its id.
Result<int64_t> InsertCaseEvent(Connection& c, const cases::CaseEvent& e);
Status SetCaseEventBody(Connection& c, int64_t id, const std::string& sealed);
Result<std::vector<StoredCaseEvent>> ListCaseEvents(Connection& c, int64_t case_id);

Result<std::vector<cases::CaseSummary>> ListCases(Connection& c, const CaseFilter& f);
Result<int64_t> CountCases(Connection& c, const CaseFilter& f);

struct OwnerCounts {
  cases::CaseUser owner;
  int64_t open = 0;
  int64_t high_risk = 0;
  int64_t overdue = 0;
};
// Per owner: cases of the filter not closed, of them high risk, and overdue.
Result<std::vector<OwnerCounts>> CountCasesByOwner(Connection& c, const CaseFilter& f);

// Live registry people of the organisation with these ids (others are left out).
Result<std::vector<cases::CasePerson>> FindCasePeople(Connection& c, int64_t organisation_id,
                                                      const std::vector<int64_t>& ids);
// The location of the household of registry person `person_id`, archived or merged too; ""
// when there is no such person.
Result<std::string> PersonPlace(Connection& c, int64_t person_id);
// Enabled users of the organisation with the role caseworker or supervisor holding `module`.
Result<std::vector<cases::CaseUser>> ListCaseworkers(Connection& c, int64_t organisation_id,
                                                     const std::string& module);

}  // namespace sanad::store
