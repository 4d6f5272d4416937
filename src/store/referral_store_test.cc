// Referrals in the store, on both backends: a referral round-trips with the names lists show,
// a stale update changes nothing, and inbox and outbox lists keep to their scope — the
// receiving organisation, the sender, the modules of a supervisor — and find overdue ones.
#include "store/referral_store.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "store/household_store.h"
#include "store/household_store_test_data.h"
#include "store/service_store.h"
#include "store/store_test_support.h"

namespace sanad::store {
namespace {

using referrals::Referral;
using referrals::ReferralBox;
using referrals::ReferralStatus;

constexpr int64_t kCaseworker = 6;  // of kOrgA
constexpr int64_t kGbvCase = 100;
constexpr int64_t kLegalCase = 101;

class ReferralStoreTest : public BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    SeedOrganisationsAndPlaces(
        [this](const std::string& sql, std::vector<Value> p) { Exec(sql, std::move(p)); });
    Exec(
        "INSERT INTO users (id, organisation_id, username, password_hash, role, created_at) "
        "VALUES (?, ?, 'amal.gbv', 'h', 'caseworker', 0)",
        {kCaseworker, kOrgA});
    for (const auto& [id, module] : {std::pair{kGbvCase, "gbv"}, {kLegalCase, "legal"}}) {
      Exec(
          "INSERT INTO cases (id, organisation_id, module, status, risk, owner_id, version, "
          "opened_at, status_at, content, created_at, updated_at) "
          "VALUES (?, ?, ?, 'open', 2, ?, 1, 0, 0, 'sealed', 0, 0)",
          {id, kOrgA, std::string(module), kCaseworker});
    }
    safe_space_ = InsertService(kOrgB, "gbv_safe_space", "Women's centre");
    own_desk_ = InsertService(kOrgA, "legal_aid", "Legal desk");
    registry::Household h = JubouriFamily();
    SANAD_EXPECT_OK(Write([&](Connection& c) {
      return InsertHousehold(c, &h, {.actor_id = kActor, .now = 1, .search_text = "x"});
    }));
    household_ = h.id;
  }

  int64_t InsertService(int64_t organisation_id, const std::string& type, const std::string& name) {
    referrals::Service s{
        .organisation_id = organisation_id, .type = type, .name = name, .pcode = kMarkazHamdaniya};
    SANAD_EXPECT_OK(Write([&](Connection& c) { return store::InsertService(c, &s, "", 1); }));
    return s.id;
  }

  // A referral sent at `sent_at` by `user` to `service` of `to` (from a case when case_id).
  int64_t Send(int64_t user, int64_t case_id, int64_t service, int64_t to, int64_t sent_at = 1000,
               int64_t due_at = 2000) {
    const Referral r{.from_organisation_id = kOrgA,
                     .from_user_id = user,
                     .case_id = case_id,
                     .household_id = case_id == 0 ? household_ : 0,
                     .service_id = service,
                     .to_organisation_id = to,
                     .urgency = "urgent",
                     .sent_at = sent_at,
                     .due_at = due_at};
    int64_t id = 0;
    SANAD_EXPECT_OK(Write([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(id, InsertReferral(c, r));
      return SetReferralContent(c, id, "s1.k." + std::to_string(id));
    }));
    return id;
  }

  std::vector<int64_t> Ids(const ReferralFilter& f) {
    std::vector<int64_t> out;
    SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(auto list, ListReferrals(c, f));
      SANAD_ASSIGN_OR_RETURN(const int64_t total, CountReferrals(c, f));
      EXPECT_EQ(total, static_cast<int64_t>(list.size()));
      for (const auto& r : list) {
        EXPECT_TRUE(r.sealed_content.empty());
        out.push_back(r.id);
      }
      return Status::Ok();
    }));
    std::sort(out.begin(), out.end());
    return out;
  }

  Referral Get(int64_t id) {
    Referral out;
    SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(out, GetReferral(c, id));
      return Status::Ok();
    }));
    return out;
  }

  int64_t safe_space_ = 0;
  int64_t own_desk_ = 0;
  int64_t household_ = 0;
};

TEST_P(ReferralStoreTest, ReferralRoundTripsWithTheNamesListsShow) {
  const int64_t id = Send(kCaseworker, kGbvCase, safe_space_, kOrgB);
  const Referral r = Get(id);
  EXPECT_EQ(r.version, 1);
  EXPECT_EQ(r.status, ReferralStatus::kSent);
  EXPECT_EQ(r.from_organisation_name, "منظمة الأمل");
  EXPECT_EQ(r.from_username, "amal.gbv");
  EXPECT_EQ(r.case_id, kGbvCase);
  EXPECT_EQ(r.case_module, "gbv");
  EXPECT_EQ(r.household_id, 0);
  EXPECT_EQ(r.service_type, "gbv_safe_space");
  EXPECT_EQ(r.service_name, "Women's centre");
  EXPECT_EQ(r.to_organisation_name, "Other NGO");
  EXPECT_EQ(r.urgency, "urgent");
  EXPECT_EQ(r.sent_at, 1000);
  EXPECT_EQ(r.due_at, 2000);
  EXPECT_EQ(r.responded_at, 0);
  EXPECT_EQ(r.sealed_content, "s1.k." + std::to_string(id));
  SANAD_EXPECT_OK(Read([&](Connection& c) {
    EXPECT_EQ(GetReferral(c, id + 1).status().code(), StatusCode::kNotFound);
    return Status::Ok();
  }));
}

TEST_P(ReferralStoreTest, StaleUpdateChangesNothing) {
  const int64_t id = Send(kCaseworker, 0, safe_space_, kOrgB);
  Referral r = Get(id);
  r.status = ReferralStatus::kAccepted;
  r.responded_at = 1500;
  r.responded_by = kActor;
  r.sealed_content = "s1.k.accepted";
  SANAD_EXPECT_OK(Write([&](Connection& c) { return UpdateReferral(c, r, 1); }));
  Referral late = r;
  late.status = ReferralStatus::kCancelled;
  const Status stale = Write([&](Connection& c) { return UpdateReferral(c, late, 1); });
  EXPECT_EQ(stale.code(), StatusCode::kConflict);
  ASSERT_EQ(stale.fields().size(), 1u);
  EXPECT_EQ(stale.fields()[0].field, "version");
  late.id = id + 1;
  EXPECT_EQ(Write([&](Connection& c) { return UpdateReferral(c, late, 2); }).code(),
            StatusCode::kNotFound);
  const Referral got = Get(id);
  EXPECT_EQ(got.version, 2);
  EXPECT_EQ(got.status, ReferralStatus::kAccepted);
  EXPECT_EQ(got.responded_at, 1500);
  EXPECT_EQ(got.responded_by, kActor);
  EXPECT_EQ(got.service_given_at, 0);
  EXPECT_EQ(got.sealed_content, "s1.k.accepted");
}

TEST_P(ReferralStoreTest, InboxAndOutboxKeepToTheirScope) {
  const int64_t gbv = Send(kCaseworker, kGbvCase, safe_space_, kOrgB);
  const int64_t household = Send(kActor, 0, safe_space_, kOrgB);
  const int64_t legal = Send(kCaseworker, kLegalCase, own_desk_, kOrgA);
  using V = std::vector<int64_t>;
  EXPECT_EQ(Ids({.box = ReferralBox::kInbox, .organisation_id = kOrgB}), (V{gbv, household}));
  EXPECT_EQ(Ids({.box = ReferralBox::kInbox, .organisation_id = kOrgA}), V{legal});
  EXPECT_EQ(Ids({.box = ReferralBox::kOutbox, .organisation_id = kOrgB}), V{});
  EXPECT_EQ(Ids({.box = ReferralBox::kOutbox, .organisation_id = kOrgA}),
            (V{gbv, household, legal}));
  EXPECT_EQ(
      Ids({.box = ReferralBox::kOutbox, .organisation_id = kOrgA, .from_user_id = kCaseworker}),
      (V{gbv, legal}));
  // A supervisor holding gbv only: household referrals, gbv cases' referrals, and their own.
  EXPECT_EQ(Ids({.box = ReferralBox::kOutbox,
                 .organisation_id = kOrgA,
                 .limit_case_modules = true,
                 .case_modules = {"gbv"},
                 .own_user_id = kActor}),
            (V{gbv, household}));
  EXPECT_EQ(Ids({.box = ReferralBox::kOutbox,
                 .organisation_id = kOrgA,
                 .limit_case_modules = true,
                 .own_user_id = kActor}),
            V{household});
  EXPECT_EQ(Ids({.box = ReferralBox::kOutbox,
                 .organisation_id = kOrgA,
                 .limit_case_modules = true,
                 .own_user_id = kCaseworker}),
            (V{gbv, household, legal}));
  EXPECT_EQ(Ids({.box = ReferralBox::kInbox, .organisation_id = kOrgB, .status = "accepted"}), V{});
  EXPECT_EQ(Ids({.box = ReferralBox::kInbox, .organisation_id = kOrgB, .status = "sent"}),
            (V{gbv, household}));
}

TEST_P(ReferralStoreTest, OverdueIsUnansweredPastDueOrAcceptedWithoutServiceForThirtyDays) {
  const int64_t unanswered = Send(kCaseworker, 0, safe_space_, kOrgB, 1000, 2000);
  const int64_t accepted = Send(kCaseworker, 0, safe_space_, kOrgB, 1000, 2000);
  const int64_t completed = Send(kCaseworker, 0, safe_space_, kOrgB, 1000, 2000);
  Referral a = Get(accepted);
  a.status = ReferralStatus::kAccepted;
  a.responded_at = 1500;
  Referral c = Get(completed);
  c.status = ReferralStatus::kCompleted;
  c.responded_at = 1500;
  c.service_given_at = 1600;
  SANAD_EXPECT_OK(Write([&](Connection& conn) -> Status {
    SANAD_RETURN_IF_ERROR(UpdateReferral(conn, a, 1));
    return UpdateReferral(conn, c, 1);
  }));
  using V = std::vector<int64_t>;
  const auto overdue_at = [&](int64_t now) {
    return Ids({.box = ReferralBox::kInbox, .organisation_id = kOrgB, .overdue = true, .now = now});
  };
  EXPECT_EQ(overdue_at(2000), V{});
  EXPECT_EQ(overdue_at(2001), V{unanswered});
  EXPECT_EQ(overdue_at(1500 + referrals::kServiceDueSeconds), V{unanswered});
  EXPECT_EQ(overdue_at(1501 + referrals::kServiceDueSeconds), (V{unanswered, accepted}));
  // The C++ rule agrees with the SQL one.
  Referral got = Get(accepted);
  EXPECT_FALSE(referrals::IsOverdue(got, 1500 + referrals::kServiceDueSeconds));
  EXPECT_TRUE(referrals::IsOverdue(got, 1501 + referrals::kServiceDueSeconds));
  EXPECT_FALSE(referrals::IsOverdue(Get(completed), 1'000'000'000));
}

SANAD_STORE_TEST_BACKENDS(ReferralStoreTest);

}  // namespace
}  // namespace sanad::store
