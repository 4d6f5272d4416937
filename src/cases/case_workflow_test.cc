// The workflow of a case (docs/cases.md, "Workflow" and "Overdue"): every pair of steps is
// allowed or refused exactly as the design says, a refused step names the allowed next steps,
// only a supervisor closes or sends back, and a case becomes overdue at the boundaries.
#include "cases/case_workflow.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sanad::cases {
namespace {

using S = CaseStatus;

constexpr S kAllSteps[] = {S::kOpen,     S::kAssessment,       S::kCasePlan,
                           S::kFollowUp, S::kClosureRequested, S::kClosed};

struct Transitions {
  S from;
  std::vector<S> allowed;          // in workflow order
  std::vector<S> supervisor_only;  // of `allowed`
};

// docs/cases.md: open → assessment → case_plan → follow_up → closure_requested → closed,
// closure_requested → follow_up (sent back by a supervisor), closed → open (reopen).
const Transitions kWorkflow[] = {
    {S::kOpen, {S::kAssessment}, {}},
    {S::kAssessment, {S::kCasePlan}, {}},
    {S::kCasePlan, {S::kFollowUp}, {}},
    {S::kFollowUp, {S::kClosureRequested}, {}},
    {S::kClosureRequested, {S::kFollowUp, S::kClosed}, {S::kFollowUp, S::kClosed}},
    {S::kClosed, {S::kOpen}, {}},
};

bool Contains(const std::vector<S>& steps, S s) {
  for (S x : steps) {
    if (x == s) return true;
  }
  return false;
}

TEST(CaseWorkflowTest, NextStepsAreThoseOfTheDesign) {
  for (const Transitions& t : kWorkflow) {
    SCOPED_TRACE(StatusName(t.from));
    EXPECT_EQ(NextSteps(t.from), t.allowed);
  }
}

TEST(CaseWorkflowTest, EveryPairOfStepsIsAllowedOrRefusedAsDesigned) {
  for (const Transitions& t : kWorkflow) {
    for (S to : kAllSteps) {
      SCOPED_TRACE(std::string(StatusName(t.from)) + " -> " + std::string(StatusName(to)));
      const bool allowed = Contains(t.allowed, to);
      for (bool supervisor : {false, true}) {
        SCOPED_TRACE(supervisor ? "supervisor" : "caseworker");
        const Status s = CheckStep(t.from, to, supervisor);
        if (!allowed) {
          EXPECT_EQ(s.code(), StatusCode::kConflict) << s.ToString();
        } else if (!supervisor && Contains(t.supervisor_only, to)) {
          EXPECT_EQ(s.code(), StatusCode::kPermissionDenied) << s.ToString();
        } else {
          EXPECT_TRUE(s.ok()) << s.ToString();
        }
      }
    }
  }
}

TEST(CaseWorkflowTest, AStepOutOfOrderNamesTheAllowedNextSteps) {
  for (const Transitions& t : kWorkflow) {
    for (S to : kAllSteps) {
      if (Contains(t.allowed, to)) continue;
      SCOPED_TRACE(std::string(StatusName(t.from)) + " -> " + std::string(StatusName(to)));
      const Status s = CheckStep(t.from, to, /*supervisor=*/true);
      ASSERT_EQ(s.code(), StatusCode::kConflict);
      ASSERT_EQ(s.fields().size(), 1u);
      EXPECT_EQ(s.fields()[0].field, "status");
      // No step's name is part of another's, so each is named exactly when it is allowed.
      for (S named : kAllSteps) {
        EXPECT_EQ(s.fields()[0].reason.find(StatusName(named)) != std::string::npos,
                  Contains(t.allowed, named))
            << StatusName(named) << " in \"" << s.fields()[0].reason << "\"";
      }
    }
  }
}

TEST(CaseWorkflowTest, RefusalOfAStepOutOfOrderComesBeforeTheSupervisorRule) {
  // A caseworker skipping ahead learns the order, not that a supervisor is needed.
  EXPECT_EQ(CheckStep(S::kFollowUp, S::kClosed, false).code(), StatusCode::kConflict);
  EXPECT_EQ(CheckStep(S::kClosureRequested, S::kOpen, false).code(), StatusCode::kConflict);
}

TEST(CaseWorkflowTest, StepNamesRoundTrip) {
  for (S s : kAllSteps) EXPECT_EQ(ParseStatus(StatusName(s)), s);
  EXPECT_FALSE(ParseStatus("reopened").has_value());
  EXPECT_FALSE(ParseStatus("").has_value());
  EXPECT_EQ(JoinSteps({S::kFollowUp, S::kClosed}), "follow_up, closed");
  EXPECT_EQ(JoinSteps({}), "none");
}

constexpr int64_t kDay = 24 * 3600;
constexpr int64_t kNow = 1'793'000'000;  // any fixed instant; `today` is given with it
constexpr char kToday[] = "2026-10-25";

struct OverdueCase {
  const char* name;
  S status;
  Risk risk;
  int64_t opened_ago;  // seconds before kNow
  int64_t status_ago;
  const char* next_follow_up;
  bool overdue;
};

// docs/cases.md, "Overdue": a follow-up date in the past, a case still open 3 days after
// opening (1 day when high risk), or in assessment 14 days after the assessment began.
const OverdueCase kOverdue[] = {
    {"open 3 days", S::kOpen, Risk::kMedium, 3 * kDay, 3 * kDay, "", true},
    {"open 3 days and a second", S::kOpen, Risk::kMedium, 3 * kDay + 1, 3 * kDay + 1, "", true},
    {"open 3 days minus a second", S::kOpen, Risk::kMedium, 3 * kDay - 1, 3 * kDay - 1, "", false},
    {"low risk open 3 days minus a second", S::kOpen, Risk::kLow, 3 * kDay - 1, 3 * kDay - 1, "",
     false},
    {"open just now", S::kOpen, Risk::kMedium, 0, 0, "", false},
    {"high risk open 1 day", S::kOpen, Risk::kHigh, kDay, kDay, "", true},
    {"high risk open 1 day and a second", S::kOpen, Risk::kHigh, kDay + 1, kDay + 1, "", true},
    {"high risk open 1 day minus a second", S::kOpen, Risk::kHigh, kDay - 1, kDay - 1, "", false},
    {"high risk open 2 days", S::kOpen, Risk::kHigh, 2 * kDay, 2 * kDay, "", true},
    {"medium risk open 2 days", S::kOpen, Risk::kMedium, 2 * kDay, 2 * kDay, "", false},
    {"assessment 14 days", S::kAssessment, Risk::kMedium, 20 * kDay, 14 * kDay, "", true},
    {"assessment 14 days and a second", S::kAssessment, Risk::kLow, 20 * kDay, 14 * kDay + 1, "",
     true},
    {"assessment 14 days minus a second", S::kAssessment, Risk::kHigh, 20 * kDay, 14 * kDay - 1, "",
     false},
    // The open-step rule counts from opening only while the case is open.
    {"assessment begun lately, opened long ago", S::kAssessment, Risk::kHigh, 90 * kDay, kDay, "",
     false},
    {"case plan for months", S::kCasePlan, Risk::kHigh, 200 * kDay, 100 * kDay, "", false},
    {"follow-up for months", S::kFollowUp, Risk::kHigh, 200 * kDay, 100 * kDay, "", false},
    {"follow-up date yesterday", S::kFollowUp, Risk::kLow, 30 * kDay, 10 * kDay, "2026-10-24",
     true},
    {"follow-up date today", S::kFollowUp, Risk::kLow, 30 * kDay, 10 * kDay, "2026-10-25", false},
    {"follow-up date tomorrow", S::kFollowUp, Risk::kLow, 30 * kDay, 10 * kDay, "2026-10-26",
     false},
    {"follow-up date last year", S::kCasePlan, Risk::kLow, 30 * kDay, 10 * kDay, "2025-12-31",
     true},
    {"open case with a follow-up date yesterday", S::kOpen, Risk::kLow, 0, 0, "2026-10-24", true},
    {"closure requested with a follow-up date yesterday", S::kClosureRequested, Risk::kLow,
     30 * kDay, kDay, "2026-10-24", true},
    {"closed with a follow-up date long past", S::kClosed, Risk::kHigh, 400 * kDay, 300 * kDay,
     "2025-01-01", false},
    {"closed, opened long ago", S::kClosed, Risk::kHigh, 400 * kDay, 400 * kDay, "", false},
};

TEST(CaseWorkflowTest, OverdueAtTheBoundaries) {
  for (const OverdueCase& c : kOverdue) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(IsOverdue(c.status, c.risk, kNow - c.opened_ago, kNow - c.status_ago,
                        c.next_follow_up, kToday, kNow),
              c.overdue);
  }
}

}  // namespace
}  // namespace sanad::cases
