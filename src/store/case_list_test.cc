// Case lists in the store, on both backends: a CaseScope lets a caseworker see only the cases
// they own or are assigned to in their modules and a supervisor the organisation's cases in
// the modules they supervise — never another organisation's or another module's; filters,
// order, paging, overdue (as cases::IsOverdue says) and the dashboard's counts per owner.
#include <gtest/gtest.h>

#include <algorithm>

#include "cases/case_workflow.h"
#include "store/case_store.h"
#include "store/case_store_test_data.h"

namespace sanad::store {
namespace {

using cases::CaseStatus;
using cases::Risk;
using IdList = std::vector<int64_t>;

class CaseListTest : public CaseStoreTestBase {
 protected:
  IdList Sorted(const CaseFilter& f) {
    IdList ids = Ids(f);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(CountOf(f), static_cast<int64_t>(ids.size()));
    return ids;
  }
  IdList Sorted(int64_t user, bool only_mine = false) {
    return Sorted({.scope = ScopeOf(user), .only_mine = only_mine});
  }
};

TEST_P(CaseListTest, EachUserSeesTheCasesTheirScopeAllows) {
  const int64_t c1 = Open({.owner = kAmal});
  const int64_t c2 = Open({.owner = kZina});
  const int64_t c3 = Open({.owner = kZina});
  const int64_t c4 = Open({.module = "child_protection", .owner = kHadi});
  const int64_t c5 = Open({.module = "mhpss", .owner = kMaha});
  const int64_t c6 = Open({.organisation_id = kOrgB, .owner = kSami});
  const int64_t c7 = Open({.module = "legal", .owner = kAmal});  // amal does not hold legal
  const int64_t c8 = Open({.owner = kOmar});                     // a disabled owner
  SANAD_ASSERT_OK(Assign(c2, kAmal));
  SANAD_ASSERT_OK(Assign(c4, kSara));  // sara does not hold child_protection
  SANAD_ASSERT_OK(Assign(c6, kAmal));  // never across organisations, whatever the rows say

  EXPECT_EQ(Sorted(kAmal), (IdList{c1, c2}));
  EXPECT_EQ(Sorted(kAmal, true), (IdList{c1, c2}));
  EXPECT_EQ(Sorted(kZina), (IdList{c2, c3}));
  EXPECT_EQ(Sorted(kSara), (IdList{c1, c2, c3, c5, c8}));
  EXPECT_TRUE(Sorted(kSara, true).empty());  // "mine" of a supervisor: owned or assigned
  EXPECT_EQ(Sorted(kHadi), (IdList{c4}));
  EXPECT_EQ(Sorted(kLayla), (IdList{c4}));
  EXPECT_EQ(Sorted(kMaha), (IdList{c5}));
  EXPECT_EQ(Sorted(kSami), (IdList{c6}));
  EXPECT_EQ(Sorted(kNadia), (IdList{c6}));
  // No modules, no cases — even owned ones.
  EXPECT_TRUE(Sorted({.scope = {.organisation_id = kOrgA, .user_id = kAmal}}).empty());
  // A supervisor of every module sees every case of the organisation, and none of another's.
  CaseScope all = ScopeOf(kSara);
  all.modules.clear();
  for (const auto& m : access::kCaseModules) all.modules.emplace_back(m.name);
  all.supervised_modules = all.modules;
  EXPECT_EQ(Sorted({.scope = all}), (IdList{c1, c2, c3, c4, c5, c7, c8}));
}

TEST_P(CaseListTest, ASummaryCarriesThePlainColumnsOnly) {
  const int64_t id = Open({.module = "mhpss",
                           .owner = kMaha,
                           .risk = Risk::kHigh,
                           .status = CaseStatus::kFollowUp,
                           .opened_at = kNow - 30,
                           .status_at = kNow - 20,
                           .next_follow_up = kTomorrow});
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto list, ListCases(c, {.scope = ScopeOf(kSara)}));
    EXPECT_EQ(list.size(), 1u);
    if (list.empty()) return Status::Ok();
    const cases::CaseSummary& s = list[0];
    EXPECT_EQ(s.id, id);
    EXPECT_EQ(s.module, access::CaseModule::kMhpss);
    EXPECT_EQ(s.status, CaseStatus::kFollowUp);
    EXPECT_EQ(s.risk, Risk::kHigh);
    EXPECT_EQ(s.owner.id, kMaha);
    EXPECT_EQ(s.owner.username, "maha.multi");
    EXPECT_EQ(s.opened_at, kNow - 30);
    EXPECT_EQ(s.status_at, kNow - 20);
    EXPECT_EQ(s.next_follow_up, kTomorrow);
    EXPECT_FALSE(s.overdue);  // the caller's to compute
    return Status::Ok();
  }));
}

// Nine GBV cases of amal (one mhpss of maha) in the supervisor's view, inserted a..i.
class CaseFilterTest : public CaseListTest {
 protected:
  void SetUp() override {
    CaseListTest::SetUp();
    if (HasFatalFailure()) return;
    a_ = Open({.risk = Risk::kLow});
    b_ = Open({.risk = Risk::kHigh});
    c_ = Open({.status = CaseStatus::kAssessment, .status_at = kNow - 2 * kDay});
    d_ = Open({.risk = Risk::kHigh, .status = CaseStatus::kFollowUp, .next_follow_up = kYesterday});
    e_ = Open({.status = CaseStatus::kFollowUp, .next_follow_up = kTomorrow});
    f_ = Open({.risk = Risk::kLow, .status = CaseStatus::kClosed, .next_follow_up = "2026-01-01"});
    g_ = Open({.module = "mhpss", .owner = kMaha});
    h_ = Open({.status = CaseStatus::kCasePlan,
               .next_follow_up = kToday,
               .search_text = " jubouri mohammed ahmad "});
    i_ = Open({.risk = Risk::kLow, .status = CaseStatus::kFollowUp, .next_follow_up = kYesterday});
  }

  CaseFilter Team() const { return {.scope = ScopeOf(kSara)}; }

  int64_t a_ = 0, b_ = 0, c_ = 0, d_ = 0, e_ = 0, f_ = 0, g_ = 0, h_ = 0, i_ = 0;
};

TEST_P(CaseFilterTest, FiltersNarrowTheList) {
  CaseFilter f = Team();
  f.module = "mhpss";
  EXPECT_EQ(Sorted(f), (IdList{g_}));
  f = Team();
  f.status = "follow_up";
  EXPECT_EQ(Sorted(f), (IdList{d_, e_, i_}));
  f.risk = 3;
  EXPECT_EQ(Sorted(f), (IdList{d_}));
  f = Team();
  f.risk = 3;
  EXPECT_EQ(Sorted(f), (IdList{b_, d_}));
  f = Team();
  f.not_closed = true;
  EXPECT_EQ(Sorted(f), (IdList{a_, b_, c_, d_, e_, g_, h_, i_}));
  f = Team();
  f.id = c_;
  EXPECT_EQ(Sorted(f), (IdList{c_}));
  f.id = c_ + 1000;
  EXPECT_TRUE(Sorted(f).empty());
  // The id filter stays inside the scope.
  EXPECT_TRUE(Sorted({.scope = ScopeOf(kZina), .id = a_}).empty());
}

TEST_P(CaseFilterTest, TermsMatchTheStartsOfWordsOfTheSearchText) {
  struct TermsCase {
    std::vector<std::string> terms;
    bool found;
  };
  const TermsCase table[] = {
      {{"jubouri"}, true},          {{"mohammed"}, true}, {{"moh"}, true},
      {{"jubouri", "ahmad"}, true}, {{"ubouri"}, false},  {{"jubouri", "khalid"}, false},
      {{"ahmadi"}, false},
  };
  for (const TermsCase& t : table) {
    SCOPED_TRACE(t.terms.front() + (t.terms.size() > 1 ? " " + t.terms[1] : ""));
    CaseFilter f = Team();
    f.terms = t.terms;
    EXPECT_EQ(Sorted(f), t.found ? IdList{h_} : IdList{});
  }
}

TEST_P(CaseFilterTest, ListsAreHighRiskFirstThenNewestFirstAndPaged) {
  CaseFilter f = Team();
  EXPECT_EQ(Ids(f), (IdList{d_, b_, h_, g_, e_, c_, i_, f_, a_}));
  f.limit = 4;
  EXPECT_EQ(Ids(f), (IdList{d_, b_, h_, g_}));
  f.offset = 4;
  EXPECT_EQ(Ids(f), (IdList{e_, c_, i_, f_}));
  f.offset = 8;
  EXPECT_EQ(Ids(f), (IdList{a_}));
  EXPECT_EQ(CountOf(f), 9);  // the total, whatever the page
  f.offset = 12;
  EXPECT_TRUE(Ids(f).empty());
}

TEST_P(CaseFilterTest, TheDueViewListsFollowUpsDueByTheDaySoonestFirst) {
  CaseFilter f = Team();
  f.due_by = kToday;
  EXPECT_EQ(Ids(f), (IdList{f_, d_, i_, h_}));  // same day: high risk first
  f.not_closed = true;
  EXPECT_EQ(Ids(f), (IdList{d_, i_, h_}));
  EXPECT_EQ(CountOf(f), 3);
  f.due_by = "2026-10-01";
  EXPECT_TRUE(Ids(f).empty());
}

// docs/cases.md, "Overdue", in SQL: the same answer as cases::IsOverdue for every case.
TEST_P(CaseListTest, TheOverdueFilterAgreesWithIsOverdue) {
  const IdList overdue = {
      Open({.opened_at = kNow - 3 * kDay - 1}),
      Open({.risk = Risk::kHigh, .opened_at = kNow - kDay - 1}),
      Open({.status = CaseStatus::kAssessment,
            .opened_at = kNow - 20 * kDay,
            .status_at = kNow - 14 * kDay - 1}),
      Open({.status = CaseStatus::kCasePlan, .next_follow_up = kYesterday}),
      Open({.opened_at = kNow, .next_follow_up = kYesterday}),
  };
  const IdList in_time = {
      Open({.opened_at = kNow - 3 * kDay + 1}),
      Open({.risk = Risk::kHigh, .opened_at = kNow - kDay + 1}),
      Open({.risk = Risk::kLow, .opened_at = kNow - 2 * kDay}),
      Open({.status = CaseStatus::kAssessment,
            .opened_at = kNow - 20 * kDay,
            .status_at = kNow - 14 * kDay + 1}),
      Open({.status = CaseStatus::kCasePlan, .next_follow_up = kToday}),
      Open({.status = CaseStatus::kCasePlan, .opened_at = kNow - 100 * kDay}),
      Open({.status = CaseStatus::kClosed,
            .opened_at = kNow - 100 * kDay,
            .next_follow_up = kYesterday}),
  };
  IdList expected = overdue;
  std::sort(expected.begin(), expected.end());
  CaseFilter f{.scope = ScopeOf(kSara), .overdue = true, .today = kToday, .now = kNow};
  EXPECT_EQ(Sorted(f), expected);
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto all, ListCases(c, {.scope = ScopeOf(kSara), .limit = 100}));
    EXPECT_EQ(all.size(), overdue.size() + in_time.size());
    for (const auto& s : all) {
      EXPECT_EQ(cases::IsOverdue(s.status, s.risk, s.opened_at, s.status_at, s.next_follow_up,
                                 kToday, kNow),
                std::binary_search(expected.begin(), expected.end(), s.id))
          << "case " << s.id;
    }
    return Status::Ok();
  }));
}

// "Still open 3 days after opening (1 day when high risk), or in assessment 14 days after the
// assessment began": on the day it falls due, to the second.
TEST_P(CaseListTest, ACaseIsOverdueAtExactlyItsLimit) {
  const IdList expected = {
      Open({.opened_at = kNow - 3 * kDay}),
      Open({.risk = Risk::kHigh, .opened_at = kNow - kDay}),
      Open({.status = CaseStatus::kAssessment,
            .opened_at = kNow - 20 * kDay,
            .status_at = kNow - 14 * kDay}),
  };
  EXPECT_EQ(Sorted({.scope = ScopeOf(kSara), .overdue = true, .today = kToday, .now = kNow}),
            expected);
}

TEST_P(CaseListTest, CountsPerOwnerAreOfOpenCasesInScope) {
  Open({.owner = kAmal});
  Open({.owner = kAmal, .risk = Risk::kHigh, .opened_at = kNow - 2 * kDay});  // overdue
  Open({.owner = kAmal, .risk = Risk::kHigh, .status = CaseStatus::kClosed});
  Open({.owner = kZina,
        .risk = Risk::kHigh,
        .status = CaseStatus::kFollowUp,
        .next_follow_up = kYesterday});  // overdue
  const int64_t zina_low =
      Open({.owner = kZina, .risk = Risk::kLow, .status = CaseStatus::kAssessment});
  Open({.module = "mhpss", .owner = kMaha});
  Open({.owner = kOmar, .opened_at = kNow - 5 * kDay});  // overdue
  Open({.organisation_id = kOrgB, .owner = kSami, .risk = Risk::kHigh});
  Open({.module = "child_protection", .owner = kHadi, .risk = Risk::kHigh});
  SANAD_ASSERT_OK(Assign(zina_low, kAmal));

  struct Expected {
    const char* owner;
    int64_t open, high_risk, overdue;
  };
  auto check = [&](const CaseFilter& f, const std::vector<Expected>& expected) {
    SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(auto rows, CountCasesByOwner(c, f));
      EXPECT_EQ(rows.size(), expected.size());
      for (size_t i = 0; i < std::min(rows.size(), expected.size()); ++i) {
        SCOPED_TRACE(expected[i].owner);
        EXPECT_EQ(rows[i].owner.username, expected[i].owner);
        EXPECT_EQ(rows[i].open, expected[i].open);
        EXPECT_EQ(rows[i].high_risk, expected[i].high_risk);
        EXPECT_EQ(rows[i].overdue, expected[i].overdue);
      }
      return Status::Ok();
    }));
  };
  const CaseFilter base{.today = kToday, .now = kNow};
  CaseFilter team = base;
  team.scope = ScopeOf(kSara);
  check(team, {{"amal.gbv", 2, 1, 1},
               {"maha.multi", 1, 0, 0},
               {"omar.gbv", 1, 0, 1},
               {"zina.gbv", 2, 1, 1}});
  CaseFilter mine = base;
  mine.scope = ScopeOf(kAmal);
  mine.only_mine = true;
  check(mine, {{"amal.gbv", 2, 1, 1}, {"zina.gbv", 1, 0, 0}});
}

SANAD_STORE_TEST_BACKENDS(CaseListTest);
SANAD_STORE_TEST_BACKENDS(CaseFilterTest);

}  // namespace
}  // namespace sanad::store
