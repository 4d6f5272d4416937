// Deduplication runs, groups, remembered pairs and merges in the store, on both backends:
// runs and groups round-trip scoped by organisation, a stale decision changes nothing, and a
// merged member (or a household emptied by a merge) leaves every household listing.
#include "store/dedup_store.h"

#include <gtest/gtest.h>

#include "store/household_store.h"
#include "store/household_store_test_data.h"
#include "store/merge_store.h"
#include "store/store_test_support.h"

namespace sanad::store {
namespace {

using registry::DedupGroup;
using registry::DedupRun;
using registry::Household;

class DedupStoreTest : public BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    SeedOrganisationsAndPlaces(
        [this](const std::string& sql, std::vector<Value> p) { Exec(sql, std::move(p)); });
  }

  Household Insert(Household h) {
    SANAD_EXPECT_OK(Write([&](Connection& c) {
      return InsertHousehold(c, &h, {.actor_id = kActor, .now = 100, .search_text = "x"});
    }));
    return h;
  }

  DedupRun InsertRun(int64_t organisation_id, const std::string& status) {
    DedupRun run{.organisation_id = organisation_id,
                 .status = status,
                 .started_at = 1000,
                 .started_by = kActor,
                 .started_by_name = "zainab"};
    SANAD_EXPECT_OK(Write([&](Connection& c) { return InsertDedupRun(c, &run); }));
    return run;
  }

  // A group of run `run_id` over the first members of `a` and `b`.
  DedupGroup InsertGroup(int64_t run_id, const Household& a, const Household& b) {
    const int64_t ma = a.members[0].id;
    const int64_t mb = b.members[0].id;
    DedupGroup g{.run_id = run_id, .organisation_id = kOrgA, .score = 21.5};
    g.members = {{.member = a.members[0], .fingerprint = "fa"},
                 {.member = b.members[0], .fingerprint = "fb"}};
    g.pairs = {{.member_a = std::min(ma, mb),
                .member_b = std::max(ma, mb),
                .score = 21.5,
                .reasons = {{"given_name", 3.25, "mohammed ≈ محمد"}, {"sex", 1.0, "m"}}}};
    SANAD_EXPECT_OK(Write([&](Connection& c) { return InsertDedupGroup(c, &g); }));
    return g;
  }

  std::vector<Household> List(int64_t organisation_id) {
    std::vector<Household> out;
    SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(out, ListHouseholds(c, {.organisation_id = organisation_id}));
      return Status::Ok();
    }));
    return out;
  }
};

TEST_P(DedupStoreTest, RunsRoundTripScopedByOrganisation) {
  const DedupRun run = InsertRun(kOrgA, "queued");
  InsertRun(kOrgB, "queued");
  SANAD_EXPECT_OK(Write([&](Connection& c) -> Status {
    SANAD_RETURN_IF_ERROR(SetDedupRunRunning(c, run.id));
    DedupRun done = run;
    done.status = "done";
    done.finished_at = 1010;
    done.people = 100000;
    done.comparisons = 5'000'000'000;
    done.pairs = 12;
    done.groups = 5;
    return FinishDedupRun(c, done);
  }));
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(DedupRun got, GetDedupRun(c, kOrgA, run.id));
    EXPECT_EQ(got.status, "done");
    EXPECT_EQ(got.finished_at, 1010);
    EXPECT_EQ(got.comparisons, 5'000'000'000);
    EXPECT_EQ(got.started_by_name, "zainab");
    EXPECT_EQ(GetDedupRun(c, kOrgB, run.id).status().code(), StatusCode::kNotFound);
    SANAD_ASSIGN_OR_RETURN(DedupRun active, ActiveDedupRun(c, kOrgA));
    EXPECT_EQ(active.id, 0);
    SANAD_ASSIGN_OR_RETURN(auto listed, ListDedupRuns(c, kOrgA, 10, 0));
    EXPECT_EQ(listed.size(), 1u);
    SANAD_ASSIGN_OR_RETURN(const int64_t count, CountDedupRuns(c, kOrgB));
    EXPECT_EQ(count, 1);
    return Status::Ok();
  }));
}

TEST_P(DedupStoreTest, UnfinishedRunsAreFailedAtTheNextStart) {
  const DedupRun queued = InsertRun(kOrgA, "queued");
  const DedupRun running = InsertRun(kOrgB, "running");
  int64_t failed = 0;
  SANAD_EXPECT_OK(Write([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(failed, FailUnfinishedDedupRuns(c, 2000, "interrupted by a restart"));
    return Status::Ok();
  }));
  EXPECT_EQ(failed, 2);
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(DedupRun r, GetDedupRun(c, kOrgB, running.id));
    EXPECT_EQ(r.status, "failed");
    EXPECT_EQ(r.error, "interrupted by a restart");
    EXPECT_EQ(r.finished_at, 2000);
    SANAD_ASSIGN_OR_RETURN(r, GetDedupRun(c, kOrgA, queued.id));
    EXPECT_EQ(r.status, "failed");
    return Status::Ok();
  }));
}

TEST_P(DedupStoreTest, GroupsRoundTripWithMembersAndReasons) {
  const Household a = Insert(JubouriFamily());
  const Household b = Insert(ObaidiFamily());
  const DedupRun run = InsertRun(kOrgA, "running");
  const DedupGroup g = InsertGroup(run.id, a, b);
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(DedupGroup got, GetDedupGroup(c, kOrgA, g.id));
    EXPECT_EQ(got.state, "open");
    EXPECT_EQ(got.version, 1);
    EXPECT_DOUBLE_EQ(got.score, 21.5);
    EXPECT_EQ(got.members.size(), 2u);
    EXPECT_EQ(got.members[0].member.given_name, "محمد");
    EXPECT_EQ(got.members[0].member.documents.size(), 2u);
    EXPECT_EQ(got.members[0].household.id, a.id);
    EXPECT_EQ(got.members[0].household.location_pcode, kMarkazHamdaniya);
    EXPECT_EQ(got.members[1].fingerprint, "fb");
    EXPECT_FALSE(got.members[0].archived);
    EXPECT_EQ(got.pairs.size(), 1u);
    EXPECT_EQ(got.pairs[0].reasons.size(), 2u);
    EXPECT_EQ(got.pairs[0].reasons[0].detail, "mohammed ≈ محمد");
    EXPECT_DOUBLE_EQ(got.pairs[0].reasons[0].weight, 3.25);
    EXPECT_EQ(GetDedupGroup(c, kOrgB, g.id).status().code(), StatusCode::kNotFound);
    SANAD_ASSIGN_OR_RETURN(auto open,
                           ListDedupGroups(c, kOrgA, {.run_id = run.id, .state = "open"}));
    EXPECT_EQ(open.size(), 1u);
    SANAD_ASSIGN_OR_RETURN(const int64_t decided,
                           CountDedupGroups(c, kOrgA, {.run_id = run.id, .state = "same_person"}));
    EXPECT_EQ(decided, 0);
    SANAD_ASSIGN_OR_RETURN(DedupRun r, GetDedupRun(c, kOrgA, run.id));
    EXPECT_EQ(r.open_groups, 1);
    return Status::Ok();
  }));
}

TEST_P(DedupStoreTest, AStaleDecisionChangesNothing) {
  const Household a = Insert(JubouriFamily());
  const Household b = Insert(ObaidiFamily());
  DedupGroup g = InsertGroup(InsertRun(kOrgA, "done").id, a, b);
  g.state = "different_people";
  g.decided_at = 1200;
  g.decided_by = kActor;
  SANAD_EXPECT_OK(Write([&](Connection& c) { return UpdateDedupGroupDecision(c, &g, 1); }));
  EXPECT_EQ(g.version, 2);
  DedupGroup stale = g;
  stale.state = "same_person";
  const Status s = Write([&](Connection& c) { return UpdateDedupGroupDecision(c, &stale, 1); });
  EXPECT_EQ(s.code(), StatusCode::kConflict);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dedup_groups WHERE state = 'different_people'"), 1);
}

TEST_P(DedupStoreTest, RemembersDifferentPairsByGroup) {
  const Household a = Insert(JubouriFamily());
  const Household b = Insert(ObaidiFamily());
  const DedupGroup g = InsertGroup(InsertRun(kOrgA, "done").id, a, b);
  SANAD_EXPECT_OK(Write([&](Connection& c) {
    return InsertDifferentPairs(c, kOrgA, g.id, {{1, 4}, {2, 4}});
  }));
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto pairs, ListDifferentPairs(c, kOrgA));
    EXPECT_EQ(pairs.size(), 2u);
    SANAD_ASSIGN_OR_RETURN(pairs, ListDifferentPairs(c, kOrgB));
    EXPECT_TRUE(pairs.empty());
    return Status::Ok();
  }));
  SANAD_EXPECT_OK(Write([&](Connection& c) { return DeleteDifferentPairs(c, g.id); }));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dedup_different_pairs"), 0);
}

TEST_P(DedupStoreTest, MergedMembersLeaveHouseholdListsAndComeBackWhenUnmerged) {
  const Household a = Insert(JubouriFamily());
  Household one = ObaidiFamily();
  one.members.resize(1);
  one = Insert(one);
  const int64_t keep = a.members[0].id;
  const int64_t fatima = a.members[1].id;
  const int64_t khalid = one.members[0].id;
  SANAD_EXPECT_OK(Write([&](Connection& c) -> Status {
    SANAD_RETURN_IF_ERROR(MergeMember(c, fatima, keep));
    SANAD_RETURN_IF_ERROR(MergeMember(c, khalid, keep));
    SANAD_ASSIGN_OR_RETURN(const int64_t live, CountLiveMembers(c, one.id));
    EXPECT_EQ(live, 0);
    return SetHouseholdArchivedByMerge(c, one.id, true, 300, kActor);
  }));
  // A member cannot be merged twice.
  EXPECT_EQ(Write([&](Connection& c) { return MergeMember(c, fatima, keep); }).code(),
            StatusCode::kConflict);
  std::vector<Household> listed = List(kOrgA);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, a.id);
  EXPECT_EQ(listed[0].members.size(), 2u);
  for (const auto& m : listed[0].members) EXPECT_NE(m.id, fatima);
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    EXPECT_EQ(GetHousehold(c, kOrgA, one.id).status().code(), StatusCode::kNotFound);
    SANAD_ASSIGN_OR_RETURN(auto people, LoadPeopleForDedup(c, kOrgA));
    EXPECT_EQ(people.size(), 1u);
    return Status::Ok();
  }));

  SANAD_EXPECT_OK(Write([&](Connection& c) -> Status {
    SANAD_RETURN_IF_ERROR(UnmergeMember(c, fatima, keep));
    SANAD_RETURN_IF_ERROR(UnmergeMember(c, khalid, keep));
    return SetHouseholdArchivedByMerge(c, one.id, false, 400, kActor);
  }));
  listed = List(kOrgA);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].members.size(), 1u);
  EXPECT_EQ(listed[1].members.size(), 3u);
}

TEST_P(DedupStoreTest, MergeRecordsRoundTrip) {
  const Household a = Insert(JubouriFamily());
  const Household b = Insert(ObaidiFamily());
  const DedupGroup g = InsertGroup(InsertRun(kOrgA, "done").id, a, b);
  SANAD_EXPECT_OK(Write([&](Connection& c) {
    return InsertMergeRecord(
        c, g.id, {.member_id = b.members[0].id, .household_id = b.id, .household_archived = true});
  }));
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto records, ListMergeRecords(c, g.id));
    EXPECT_EQ(records.size(), 1u);
    EXPECT_TRUE(records[0].household_archived);
    EXPECT_EQ(records[0].household_id, b.id);
    return Status::Ok();
  }));
  SANAD_EXPECT_OK(Write([&](Connection& c) { return DeleteMergeRecords(c, g.id); }));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dedup_merges"), 0);
}

SANAD_STORE_TEST_BACKENDS(DedupStoreTest);

}  // namespace
}  // namespace sanad::store
