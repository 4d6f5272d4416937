// Cases in the store, on both backends: a case round-trips with its plain columns and sealed
// content, a stale update changes nothing, people and assignments are replaced and listed, the
// timeline keeps its order, and the registry people and caseworkers a case may name are only
// the live ones of its organisation.
#include "store/case_store.h"

#include <gtest/gtest.h>

#include "store/case_store_test_data.h"
#include "store/household_store.h"

namespace sanad::store {
namespace {

using cases::CaseStatus;
using cases::Risk;

class CaseStoreTest : public CaseStoreTestBase {
 protected:
  // The ids of the members of a new household of `organisation_id`, in order.
  std::vector<int64_t> Register(registry::Household h, int64_t organisation_id = kOrgA) {
    h.organisation_id = organisation_id;
    SANAD_EXPECT_OK(Write([&](Connection& c) {
      return InsertHousehold(c, &h, {.actor_id = kActor, .now = 1, .search_text = "x"});
    }));
    std::vector<int64_t> ids;
    for (const auto& m : h.members) ids.push_back(m.id);
    household_ = h.id;
    return ids;
  }

  Status Update(const cases::Case& k, const std::string& sealed, int64_t expected_version) {
    return Write([&](Connection& c) {
      return UpdateCase(c, k, sealed, expected_version,
                        {.actor_id = kZina, .now = kNow + 100, .search_text = " updated "});
    });
  }

  int64_t household_ = 0;
};

TEST_P(CaseStoreTest, ACaseRoundTripsWithItsPlainColumnsAndSealedContent) {
  const int64_t id = Open({.module = "child_protection",
                           .owner = kHadi,
                           .risk = Risk::kHigh,
                           .opened_at = kNow - 50,
                           .status_at = kNow - 40,
                           .next_follow_up = kTomorrow});
  const StoredCase got = Get(id);
  const cases::Case& k = got.c;
  EXPECT_EQ(k.id, id);
  EXPECT_EQ(k.organisation_id, kOrgA);
  EXPECT_EQ(k.module, access::CaseModule::kChildProtection);
  EXPECT_EQ(k.status, CaseStatus::kOpen);
  EXPECT_EQ(k.risk, Risk::kHigh);
  EXPECT_EQ(k.version, 1);
  EXPECT_EQ(k.owner.id, kHadi);
  EXPECT_EQ(k.owner.username, "hadi.cp");
  EXPECT_EQ(k.step_at[0], kNow - 50);
  for (size_t i = 1; i < cases::kStatusCount; ++i) EXPECT_FALSE(k.step_at.at(i).has_value()) << i;
  EXPECT_EQ(k.status_at, kNow - 40);
  EXPECT_EQ(k.next_follow_up, kTomorrow);
  EXPECT_EQ(k.created_at, kNow);
  EXPECT_EQ(k.updated_at, kNow);
  EXPECT_TRUE(k.assigned.empty());
  EXPECT_TRUE(k.person_ids.empty());
  EXPECT_TRUE(k.content.empty());  // the store never opens the content
  EXPECT_EQ(got.sealed_content, "sealed content of " + std::to_string(id));
  EXPECT_EQ(k.Reference().substr(0, 3), "CP-");
}

TEST_P(CaseStoreTest, ACaseOfAnotherOrganisationIsNotFound) {
  const int64_t id = Open({.organisation_id = kOrgB, .owner = kSami});
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    EXPECT_EQ(GetCase(c, kOrgA, id).status().code(), StatusCode::kNotFound);
    EXPECT_EQ(GetCase(c, kOrgB, id + 1000).status().code(), StatusCode::kNotFound);
    return GetCase(c, kOrgB, id).status();
  }));
}

TEST_P(CaseStoreTest, AnUpdateWritesThePlainColumnsAndContentAndBumpsTheVersion) {
  const int64_t id = Open({.opened_at = kNow - 10});
  cases::Case k = Get(id).c;
  k.status = CaseStatus::kAssessment;
  k.step_at[1] = kNow + 100;
  k.status_at = kNow + 100;
  k.risk = Risk::kLow;
  k.owner.id = kZina;
  k.next_follow_up = "2026-11-01";
  SANAD_ASSERT_OK(Update(k, "sealed v2", 1));
  const StoredCase got = Get(id);
  EXPECT_EQ(got.c.version, 2);
  EXPECT_EQ(got.c.status, CaseStatus::kAssessment);
  EXPECT_EQ(got.c.step_at[0], kNow - 10);
  EXPECT_EQ(got.c.step_at[1], kNow + 100);
  EXPECT_FALSE(got.c.step_at[2].has_value());
  EXPECT_EQ(got.c.status_at, kNow + 100);
  EXPECT_EQ(got.c.risk, Risk::kLow);
  EXPECT_EQ(got.c.owner.username, "zina.gbv");
  EXPECT_EQ(got.c.next_follow_up, "2026-11-01");
  EXPECT_EQ(got.c.updated_at, kNow + 100);
  EXPECT_EQ(got.c.created_at, kNow);
  EXPECT_EQ(got.sealed_content, "sealed v2");
  // Every step's date is written.
  k.step_at = {kNow - 10, kNow + 1, kNow + 2, kNow + 3, kNow + 4, kNow + 5};
  SANAD_ASSERT_OK(Update(k, "sealed v3", 2));
  EXPECT_EQ(Get(id).c.step_at, k.step_at);
}

TEST_P(CaseStoreTest, AStaleUpdateIsAConflictAndChangesNothing) {
  const int64_t id = Open({.risk = Risk::kHigh});
  cases::Case k = Get(id).c;
  k.risk = Risk::kMedium;
  SANAD_ASSERT_OK(Update(k, "first", 1));
  k.risk = Risk::kLow;
  k.status = CaseStatus::kAssessment;
  const Status stale = Update(k, "second", 1);
  EXPECT_EQ(stale.code(), StatusCode::kConflict) << stale.ToString();
  ASSERT_EQ(stale.fields().size(), 1u);
  EXPECT_EQ(stale.fields()[0].field, "version");
  const StoredCase got = Get(id);
  EXPECT_EQ(got.c.version, 2);
  EXPECT_EQ(got.c.risk, Risk::kMedium);
  EXPECT_EQ(got.c.status, CaseStatus::kOpen);
  EXPECT_EQ(got.sealed_content, "first");
  // Nor does an update naming another organisation.
  k.organisation_id = kOrgB;
  EXPECT_FALSE(Update(k, "elsewhere", 2).ok());
  EXPECT_EQ(Get(id).sealed_content, "first");
}

// A reopened case (closed → open) was opened anew: its open date is the reopening, and it is not
// overdue at once for having first been opened long ago.
TEST_P(CaseStoreTest, ReopeningRecordsTheNewOpenDate) {
  const int64_t id = Open({.opened_at = kNow - 60 * kDay});
  cases::Case k = Get(id).c;
  k.status = CaseStatus::kClosed;
  k.step_at[5] = kNow - kDay;
  k.status_at = kNow - kDay;
  SANAD_ASSERT_OK(Update(k, "closed", 1));
  k.status = CaseStatus::kOpen;
  k.step_at[0] = kNow;
  k.status_at = kNow;
  SANAD_ASSERT_OK(Update(k, "reopened", 2));
  EXPECT_EQ(Get(id).c.step_at[0], kNow);
  CaseFilter overdue{.scope = ScopeOf(kAmal), .overdue = true, .today = kToday, .now = kNow};
  EXPECT_TRUE(Ids(overdue).empty());
}

TEST_P(CaseStoreTest, PeopleAreReplaced) {
  const std::vector<int64_t> p = Register(JubouriFamily());
  const int64_t id = Open({.module = "child_protection", .owner = kHadi});
  auto replace = [&](const std::vector<int64_t>& ids) {
    SANAD_EXPECT_OK(Write([&](Connection& c) { return ReplaceCasePeople(c, id, ids); }));
  };
  replace({p[2], p[0]});
  EXPECT_EQ(Get(id).c.person_ids, (std::vector<int64_t>{p[0], p[2]}));
  replace({p[1]});
  EXPECT_EQ(Get(id).c.person_ids, (std::vector<int64_t>{p[1]}));
  replace({});
  EXPECT_TRUE(Get(id).c.person_ids.empty());
}

TEST_P(CaseStoreTest, AssignmentsAreAddedAndRemoved) {
  const int64_t id = Open({});
  const int64_t other = Open({});
  SANAD_ASSERT_OK(Assign(id, kZina));
  SANAD_ASSERT_OK(Assign(id, kMaha));
  SANAD_ASSERT_OK(Assign(other, kZina));
  std::vector<cases::CaseUser> assigned = Get(id).c.assigned;
  ASSERT_EQ(assigned.size(), 2u);
  EXPECT_EQ(assigned[0].id, kMaha);  // by username
  EXPECT_EQ(assigned[0].username, "maha.multi");
  EXPECT_EQ(assigned[1].username, "zina.gbv");
  // Assigning twice is refused and keeps one assignment.
  EXPECT_FALSE(Assign(id, kZina).ok());
  EXPECT_EQ(Get(id).c.assigned.size(), 2u);
  SANAD_ASSERT_OK(Write([&](Connection& c) { return RemoveCaseAssignment(c, id, kZina); }));
  assigned = Get(id).c.assigned;
  ASSERT_EQ(assigned.size(), 1u);
  EXPECT_EQ(assigned[0].id, kMaha);
  EXPECT_EQ(Get(other).c.assigned.size(), 1u);  // another case's assignment stays
}

TEST_P(CaseStoreTest, TheTimelineKeepsItsOrderAndSealedBodies) {
  const int64_t id = Open({});
  std::vector<int64_t> events;
  for (const char* kind : {"created", "follow_up", "status"}) {
    SANAD_EXPECT_OK(Write([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(const int64_t e, InsertCaseEvent(c, {.case_id = id,
                                                                  .at = kNow,
                                                                  .user_id = kAmal,
                                                                  .username = "amal.gbv",
                                                                  .kind = kind,
                                                                  .summary = kind}));
      events.push_back(e);
      if (std::string(kind) != "follow_up") return Status::Ok();
      return SetCaseEventBody(c, e, "sealed note");
    }));
  }
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto got, ListCaseEvents(c, id));
    EXPECT_EQ(got.size(), 3u);
    if (got.size() != 3) return Status::Ok();
    EXPECT_EQ(got[0].e.kind, "created");
    EXPECT_EQ(got[1].e.id, events[1]);
    EXPECT_EQ(got[1].sealed_body, "sealed note");
    EXPECT_FALSE(got[0].sealed_body.has_value());
    EXPECT_EQ(got[2].e.username, "amal.gbv");
    SANAD_ASSIGN_OR_RETURN(auto none, ListCaseEvents(c, id + 1));
    EXPECT_TRUE(none.empty());
    return Status::Ok();
  }));
}

TEST_P(CaseStoreTest, CasePeopleAreOnlyTheLiveRegistryPeopleOfTheOrganisation) {
  const std::vector<int64_t> jubouri = Register(JubouriFamily());
  const int64_t jubouri_household = household_;
  const std::vector<int64_t> obaidi = Register(ObaidiFamily());
  const std::vector<int64_t> stranger = Register(ObaidiFamily(), kOrgB);
  const std::vector<int64_t> gone = Register(ObaidiFamily());
  Exec("UPDATE people SET archived_at = 5 WHERE id = ?", {jubouri[1]});
  Exec("UPDATE people SET merged_into = ? WHERE id = ?", {jubouri[0], jubouri[2]});
  // A live person of an archived household is not found either.
  Exec("UPDATE households SET archived_at = 9 WHERE id = ?", {household_});
  std::vector<cases::CasePerson> found;
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(found, FindCasePeople(c, kOrgA,
                                                 {obaidi[0], jubouri[1], stranger[0], jubouri[2],
                                                  gone[0], jubouri[0], jubouri[0] + 9999}));
    return Status::Ok();
  }));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].id, obaidi[0]);  // in the order asked
  const cases::CasePerson& head = found[1];
  EXPECT_EQ(head.id, jubouri[0]);
  EXPECT_EQ(head.household_id, jubouri_household);
  EXPECT_EQ(head.name, "محمد عبد الرحمن حسين الجبوري");
  EXPECT_EQ(head.name_latin, "Mohammed Abdulrahman Al-Jubouri");
  EXPECT_EQ(head.sex, "male");
  EXPECT_EQ(head.birth_date, "1985-03-14");
  EXPECT_EQ(head.phone, "+9647501234567");
  EXPECT_EQ(head.pcode, kMarkazHamdaniya);
  EXPECT_EQ(found[0].name, "خالد إبراهيم العبيدي");  // no grandfather: no double space
}

TEST_P(CaseStoreTest, CaseworkersAreTheEnabledCaseworkersAndSupervisorsHoldingTheModule) {
  auto names = [&](int64_t organisation_id, const std::string& module) {
    std::vector<std::string> out;
    SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(auto users, ListCaseworkers(c, organisation_id, module));
      for (const auto& u : users) out.push_back(u.username);
      return Status::Ok();
    }));
    return out;
  };
  using Names = std::vector<std::string>;
  EXPECT_EQ(names(kOrgA, "gbv"), (Names{"amal.gbv", "maha.multi", "sara.lead", "zina.gbv"}));
  EXPECT_EQ(names(kOrgA, "child_protection"), (Names{"hadi.cp", "layla.cp"}));
  EXPECT_EQ(names(kOrgA, "mhpss"), (Names{"maha.multi", "sara.lead"}));
  EXPECT_EQ(names(kOrgA, "legal"), (Names{"maha.multi"}));
  EXPECT_TRUE(names(kOrgA, "hlp").empty());
  EXPECT_EQ(names(kOrgB, "gbv"), (Names{"nadia.lead", "sami.gbv"}));
}

SANAD_STORE_TEST_BACKENDS(CaseStoreTest);

}  // namespace
}  // namespace sanad::store
