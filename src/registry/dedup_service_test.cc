// DedupService on both backends: a run left unfinished by a stopped process is failed at the
// next start, a second start while one is under way returns that run, and only reviewers
// (admin, supervisor, me_officer) may start or read runs.
#include "registry/dedup_service.h"

#include <gtest/gtest.h>

#include "store/dedup_store.h"
#include "store/household_store_test_data.h"
#include "store/store_test_support.h"

namespace sanad::registry {
namespace {

class FixedClock final : public Clock {
 public:
  int64_t NowSeconds() const override { return 1'800'000'000; }
};

access::Actor ActorWith(access::Role role) {
  return {.user_id = store::kActor,
          .username = "zainab",
          .organisation_id = store::kOrgA,
          .organisation_name = "a",
          .role = role};
}

class DedupServiceTest : public store::BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    store::SeedOrganisationsAndPlaces(
        [this](const std::string& sql, std::vector<store::Value> p) { Exec(sql, std::move(p)); });
  }
  FixedClock clock_;
};

TEST_P(DedupServiceTest, ARunInterruptedByARestartIsFailedAtTheNextStart) {
  DedupRun run{.organisation_id = store::kOrgA, .status = "running", .started_at = 5};
  SANAD_ASSERT_OK(db_->InTransaction(
      store::TxMode::kWrite, [&](store::Connection& c) { return store::InsertDedupRun(c, &run); }));
  DedupService service(*db_, clock_);
  auto failed = service.FailInterruptedRuns();
  ASSERT_TRUE(failed.ok()) << failed.status().ToString();
  EXPECT_EQ(*failed, 1);
  auto got = service.GetRun(ActorWith(access::Role::kSupervisor), run.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->status, "failed");
  EXPECT_EQ(got->error, "interrupted by a restart");
  EXPECT_EQ(got->finished_at, clock_.NowSeconds());
}

TEST_P(DedupServiceTest, AnEmptyRegistryRunsToDoneWithNoGroups) {
  DedupService service(*db_, clock_);
  const access::Actor me = ActorWith(access::Role::kMeOfficer);
  auto run = service.Start(me);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  service.WaitIdle();
  auto got = service.GetRun(me, run->id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->status, "done") << got->error;
  EXPECT_EQ(got->people, 0);
  EXPECT_EQ(got->groups, 0);
}

TEST_P(DedupServiceTest, StartingWhileARunIsUnderWayReturnsThatRun) {
  DedupRun run{.organisation_id = store::kOrgA, .status = "running", .started_at = 5};
  SANAD_ASSERT_OK(db_->InTransaction(
      store::TxMode::kWrite, [&](store::Connection& c) { return store::InsertDedupRun(c, &run); }));
  DedupService service(*db_, clock_);
  auto again = service.Start(ActorWith(access::Role::kAdmin));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->id, run.id);
  EXPECT_EQ(again->status, "running");
}

TEST_P(DedupServiceTest, OnlyReviewersMayStartOrReadRuns) {
  DedupService service(*db_, clock_);
  for (const access::Role role :
       {access::Role::kViewer, access::Role::kRegistration, access::Role::kCaseworker}) {
    EXPECT_EQ(service.Start(ActorWith(role)).status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(service.ListRuns(ActorWith(role), 1, 25).status().code(),
              StatusCode::kPermissionDenied);
  }
  for (const access::Role role :
       {access::Role::kAdmin, access::Role::kSupervisor, access::Role::kMeOfficer}) {
    EXPECT_TRUE(service.ListRuns(ActorWith(role), 1, 25).ok());
  }
}

SANAD_STORE_TEST_BACKENDS(DedupServiceTest);

}  // namespace
}  // namespace sanad::registry
