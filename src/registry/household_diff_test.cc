#include "registry/household_diff.h"

#include <gtest/gtest.h>

namespace sanad::registry {
namespace {

TEST(HouseholdDiffTest, ListsOnlyWhatChanged) {
  Household a;
  a.displacement_status = "idp_in_camp";
  a.phone = "07501234567";
  a.members.push_back(Member{.given_name = "محمد", .sex = "male", .relationship = "head"});
  Household b = a;
  b.phone = "07700000000";
  b.displacement_status = "returnee";
  b.members[0].documents.push_back({"national_id", "123"});
  const auto changes = DiffFields(FlattenHousehold(a), FlattenHousehold(b));
  ASSERT_EQ(changes.size(), 4u);
  EXPECT_EQ(changes[0], (access::FieldChange{"displacement_status", "idp_in_camp", "returnee"}));
  EXPECT_EQ(changes[1].field, "members[0].documents[0].number");
  EXPECT_EQ(changes[1].before, std::nullopt);
  EXPECT_EQ(changes[3], (access::FieldChange{"phone", "07501234567", "07700000000"}));
}

TEST(HouseholdDiffTest, CreateListsEveryField) {
  Household a;
  a.members.push_back(Member{.given_name = "Ali", .sex = "male", .relationship = "head"});
  EXPECT_EQ(DiffFields({}, FlattenHousehold(a)).size(), 3u);
  EXPECT_TRUE(DiffFields(FlattenHousehold(a), FlattenHousehold(a)).empty());
}

}  // namespace
}  // namespace sanad::registry
