// Who sees a referral and who may move it where: the sender's side, the receiving
// organisation's supervisors and caseworkers, nobody else; and the state machine
// sent → accepted | declined | cancelled, accepted → completed.
#include "referrals/referral_rules.h"

#include <gtest/gtest.h>

namespace sanad::referrals {
namespace {

using access::Actor;
using access::Role;

constexpr int64_t kFrom = 1;
constexpr int64_t kTo = 2;

Actor User(int64_t id, int64_t org, Role role, std::string_view modules = "") {
  return {.user_id = id,
          .organisation_id = org,
          .role = role,
          .modules = access::CaseModuleSet::Parse(modules)};
}

Referral FromGbvCase(ReferralStatus status = ReferralStatus::kSent) {
  return {.from_organisation_id = kFrom,
          .from_user_id = 10,
          .case_id = 17,
          .case_module = "gbv",
          .to_organisation_id = kTo,
          .status = status};
}

TEST(ReferralRulesTest, WhoSeesAReferral) {
  const Referral r = FromGbvCase();
  const struct {
    const char* who;
    Actor actor;
    bool sees;
  } cases[] = {
      {"the sender", User(10, kFrom, Role::kCaseworker, ",gbv,"), true},
      {"another caseworker of the sender", User(11, kFrom, Role::kCaseworker, ",gbv,"), false},
      {"a gbv supervisor of the sender", User(12, kFrom, Role::kSupervisor, ",gbv,"), true},
      {"a cp supervisor of the sender", User(13, kFrom, Role::kSupervisor, ",child_protection,"),
       false},
      {"the sender's admin", User(14, kFrom, Role::kAdmin), false},
      {"a receiving caseworker", User(20, kTo, Role::kCaseworker), true},
      {"a receiving supervisor", User(21, kTo, Role::kSupervisor), true},
      {"a receiving clerk", User(22, kTo, Role::kRegistration), false},
      {"a receiving viewer", User(23, kTo, Role::kViewer), false},
      {"a receiving admin", User(24, kTo, Role::kAdmin), false},
      {"a third organisation's supervisor", User(30, 3, Role::kSupervisor, ",gbv,"), false},
  };
  for (const auto& c : cases) EXPECT_EQ(Sees(c.actor, r), c.sees) << c.who;
  Referral household = r;
  household.case_id = 0;
  household.case_module.clear();
  EXPECT_TRUE(Sees(User(13, kFrom, Role::kSupervisor), household));
}

TEST(ReferralRulesTest, EachSideMovesItsOwnSteps) {
  const Actor sender = User(10, kFrom, Role::kCaseworker, ",gbv,");
  const Actor receiver = User(20, kTo, Role::kCaseworker);
  const Referral sent = FromGbvCase();
  EXPECT_EQ(AllowedNext(sender, sent), std::vector<ReferralStatus>{ReferralStatus::kCancelled});
  EXPECT_EQ(AllowedNext(receiver, sent),
            (std::vector<ReferralStatus>{ReferralStatus::kAccepted, ReferralStatus::kDeclined}));
  EXPECT_EQ(CheckAction(sender, sent, ReferralAction::kAccept).code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(CheckAction(receiver, sent, ReferralAction::kCancel).code(),
            StatusCode::kPermissionDenied);
  const Referral accepted = FromGbvCase(ReferralStatus::kAccepted);
  EXPECT_EQ(AllowedNext(receiver, accepted),
            std::vector<ReferralStatus>{ReferralStatus::kCompleted});
  EXPECT_TRUE(AllowedNext(sender, accepted).empty());
  const Status late = CheckAction(sender, accepted, ReferralAction::kCancel);
  EXPECT_EQ(late.code(), StatusCode::kConflict);
  ASSERT_EQ(late.fields().size(), 1u);
  EXPECT_EQ(late.fields()[0].field, "status");
  EXPECT_EQ(late.fields()[0].reason, "allowed next steps: completed");
  const Status early = CheckAction(receiver, sent, ReferralAction::kService);
  EXPECT_EQ(early.code(), StatusCode::kConflict);
  EXPECT_EQ(early.fields()[0].reason, "allowed next steps: accepted, declined, cancelled");
  for (ReferralStatus done :
       {ReferralStatus::kDeclined, ReferralStatus::kCancelled, ReferralStatus::kCompleted}) {
    EXPECT_TRUE(NextStatuses(done).empty());
    EXPECT_TRUE(AllowedNext(receiver, FromGbvCase(done)).empty());
  }
}

TEST(ReferralRulesTest, WhoSendsAndWhoHasWhichBox) {
  EXPECT_TRUE(MaySendFromCase(User(1, kFrom, Role::kCaseworker)));
  EXPECT_FALSE(MaySendFromCase(User(1, kFrom, Role::kRegistration)));
  EXPECT_TRUE(MaySendFromHousehold(User(1, kFrom, Role::kRegistration)));
  EXPECT_FALSE(MaySendFromHousehold(User(1, kFrom, Role::kViewer)));
  EXPECT_TRUE(CheckBox(User(1, kFrom, Role::kRegistration), ReferralBox::kOutbox).ok());
  EXPECT_FALSE(CheckBox(User(1, kFrom, Role::kRegistration), ReferralBox::kInbox).ok());
  for (Role r : {Role::kAdmin, Role::kMeOfficer, Role::kViewer}) {
    EXPECT_EQ(CheckBox(User(1, kFrom, r), ReferralBox::kInbox).code(),
              StatusCode::kPermissionDenied);
    EXPECT_EQ(CheckBox(User(1, kFrom, r), ReferralBox::kOutbox).code(),
              StatusCode::kPermissionDenied);
  }
}

TEST(ReferralRulesTest, DueTimesByUrgency) {
  EXPECT_EQ(DueSeconds("emergency"), kDaySeconds);
  EXPECT_EQ(DueSeconds("urgent"), 3 * kDaySeconds);
  EXPECT_EQ(DueSeconds("normal"), 7 * kDaySeconds);
  EXPECT_FALSE(DueSeconds("whenever").has_value());
}

}  // namespace
}  // namespace sanad::referrals
