// The workflow of a case (docs/cases.md): which step may follow which, and who may take it.
// Pure functions; thread-safe.
#pragma once

#include <vector>

#include "base/status.h"
#include "cases/case.h"

namespace sanad::cases {

// The steps that may follow `from`, in workflow order.
std::vector<CaseStatus> NextSteps(CaseStatus from);
// Ok when `to` may follow `from`; Conflict naming the allowed next steps otherwise; Permission
// denied when the step needs a supervisor (closing, sending back) and `supervisor` is false.
Status CheckStep(CaseStatus from, CaseStatus to, bool supervisor);
// The rule of docs/cases.md, "Overdue", at `now` with `today` its local date (YYYY-MM-DD).
bool IsOverdue(CaseStatus status, Risk risk, int64_t opened_at, int64_t status_at,
               const std::string& next_follow_up, const std::string& today, int64_t now);

// "assessment, case_plan" — for messages and the allowed_next of an error.
std::string JoinSteps(const std::vector<CaseStatus>& steps);

}  // namespace sanad::cases
