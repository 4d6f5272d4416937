// What a referral shares: the requested fields checked against the list and the case's consent,
// and the snapshot of their values from a case or a household member.
#include "referrals/referral_share.h"

#include <gtest/gtest.h>

#include "base/partial_date.h"

namespace sanad::referrals {
namespace {

using Json = nlohmann::json;

std::vector<std::string> Fields(const std::vector<FieldError>& bad) {
  std::vector<std::string> out;
  for (const auto& f : bad) out.push_back(f.field + ": " + f.reason);
  return out;
}

cases::ReferralSource Source() {
  return {
      .case_id = 17,
      .organisation_id = 1,
      .module = "gbv",
      .share_with = {2},
      .share_fields = {"name", "sex", "age"},
      .values = {
          {"name", "زينب"}, {"sex", "female"}, {"age", "27"}, {"phone", "0750"}, {"summary", "…"}}};
}

TEST(ReferralShareTest, UnknownAndRepeatedFieldsAreNamedByPosition) {
  std::vector<FieldError> bad;
  CheckShareList({"name", "religion", "name"}, &bad);
  EXPECT_EQ(Fields(bad), (std::vector<std::string>{
                             "share[1]: must be one of name, sex, age, phone, location, summary",
                             "share[2]: is listed twice"}));
}

TEST(ReferralShareTest, ConsentLimitsFieldsAndOrganisations) {
  std::vector<FieldError> bad;
  CheckConsent(Source(), {"name", "age"}, 2, &bad);
  EXPECT_TRUE(bad.empty());
  CheckConsent(Source(), {"name", "phone"}, 1, &bad);  // its own organisation: always allowed
  EXPECT_EQ(Fields(bad),
            std::vector<std::string>{"share[1]: the person did not consent to share their phone"});
  bad.clear();
  CheckConsent(Source(), {"sex"}, 3, &bad);
  EXPECT_EQ(
      Fields(bad),
      std::vector<std::string>{
          "service_id: the person did not consent to share with this service's organisation"});
}

TEST(ReferralShareTest, SnapshotFromACaseHasOnlyTheSharedFields) {
  const Json shared = SharedFromCase(Source(), {"name", "age", "location"});
  EXPECT_EQ(shared, (Json{{"name", "زينب"}, {"age", 27}, {"location", nullptr}}));
}

TEST(ReferralShareTest, SnapshotFromAHouseholdMember) {
  registry::Household h{.location_pcode = "IQG15Q03N03", .phone = "+9647501234567"};
  const registry::Member m{.given_name = "فاطمة",
                           .father_name = "علي",
                           .family_name = "الجبوري",
                           .sex = "female",
                           .birth_date = "1990-06"};
  std::vector<FieldError> bad;
  const Json shared =
      SharedFromMember(h, m, {"name", "sex", "age", "phone", "location"}, "2026-05-31", &bad);
  EXPECT_TRUE(bad.empty());
  EXPECT_EQ(shared, (Json{{"name", "فاطمة علي الجبوري"},
                          {"sex", "female"},
                          {"age", 35},
                          {"phone", "+9647501234567"},
                          {"location", "IQG15Q03N03"}}));
  SharedFromMember(h, m, {"sex", "summary"}, "2026-05-31", &bad);
  EXPECT_EQ(Fields(bad),
            std::vector<std::string>{"share[1]: only a referral from a case can share a summary"});
}

TEST(ReferralShareTest, AgeFromPartialDatesOfBirth) {
  EXPECT_EQ(AgeOn("1990", "2026-01-01"), 36);
  EXPECT_EQ(AgeOn("1990-06", "2026-05-31"), 35);
  EXPECT_EQ(AgeOn("1990-06", "2026-06-01"), 36);
  EXPECT_EQ(AgeOn("1990-06-15", "2026-06-14"), 35);
  EXPECT_EQ(AgeOn("1990-06-15", "2026-06-15"), 36);
  EXPECT_EQ(AgeOn("", "2026-06-15"), -1);
}

}  // namespace
}  // namespace sanad::referrals
