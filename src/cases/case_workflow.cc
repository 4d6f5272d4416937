#include "cases/case_workflow.h"

#include <algorithm>

namespace sanad::cases {

std::vector<CaseStatus> NextSteps(CaseStatus from) {
  switch (from) {
    case CaseStatus::kOpen:
      return {CaseStatus::kAssessment};
    case CaseStatus::kAssessment:
      return {CaseStatus::kCasePlan};
    case CaseStatus::kCasePlan:
      return {CaseStatus::kFollowUp};
    case CaseStatus::kFollowUp:
      return {CaseStatus::kClosureRequested};
    case CaseStatus::kClosureRequested:
      // A supervisor approves (closed) or sends the case back to follow-up.
      return {CaseStatus::kFollowUp, CaseStatus::kClosed};
    case CaseStatus::kClosed:
      return {CaseStatus::kOpen};  // reopen
  }
  return {};
}

bool IsOverdue(CaseStatus status, Risk risk, int64_t opened_at, int64_t status_at,
               const std::string& next_follow_up, const std::string& today, int64_t now) {
  constexpr int64_t kDay = 24 * 3600;
  if (status == CaseStatus::kClosed) return false;
  if (!next_follow_up.empty() && next_follow_up < today) return true;
  // "Still open 3 days after opening": at exactly 3 days it is overdue.
  if (status == CaseStatus::kOpen) {
    return opened_at <= now - (risk == Risk::kHigh ? kOpenHighRiskDays : kOpenDays) * kDay;
  }
  return status == CaseStatus::kAssessment && status_at <= now - kAssessmentDays * kDay;
}

std::string JoinSteps(const std::vector<CaseStatus>& steps) {
  std::string out;
  for (CaseStatus s : steps) {
    if (!out.empty()) out += ", ";
    out += StatusName(s);
  }
  return out.empty() ? "none" : out;
}

Status CheckStep(CaseStatus from, CaseStatus to, bool supervisor) {
  const auto next = NextSteps(from);
  if (std::find(next.begin(), next.end(), to) == next.end()) {
    return Status(StatusCode::kConflict,
                  "a case in " + std::string(StatusName(from)) + " cannot move to " +
                      std::string(StatusName(to)),
                  {{"status", "allowed next steps: " + JoinSteps(next)}});
  }
  if (from == CaseStatus::kClosureRequested && !supervisor) {
    return Status::PermissionDenied(
        "only a supervisor of the module approves or sends back a "
        "closure request");
  }
  return Status::Ok();
}

}  // namespace sanad::cases
