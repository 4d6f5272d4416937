#include "registry/household_validator.h"

#include <gtest/gtest.h>

namespace sanad::registry {
namespace {

ValidationContext Ctx() {
  std::string why;
  return {.place_exists = [](std::string_view p) { return p == "IQG15Q03N03" || p == "IQG15"; },
          .today = *ParsePartialDate("2026-11-23", &why)};
}

Household Valid() {
  Household h;
  h.displacement_status = "idp_in_camp";
  h.location_pcode = "IQG15Q03N03";
  Member head;
  head.given_name = " محمد ";
  head.sex = "male";
  head.relationship = "head";
  head.birth_date = "1984";
  head.phone = "0750 123-4567";
  Member spouse;
  spouse.given_name = "زينب";
  spouse.sex = "female";
  spouse.relationship = "spouse";
  h.members = {head, spouse};
  return h;
}

std::vector<std::string> Fields(const Status& s) {
  std::vector<std::string> out;
  for (const auto& f : s.fields()) out.push_back(f.field);
  return out;
}

TEST(HouseholdValidatorTest, AcceptsAndTidiesAValidHousehold) {
  Household h = Valid();
  ASSERT_TRUE(ValidateHousehold(&h, Ctx()).ok());
  EXPECT_EQ(h.members[0].given_name, "محمد");
  EXPECT_EQ(h.members[0].phone, "07501234567");
}

TEST(HouseholdValidatorTest, NamesEveryBadFieldByPath) {
  Household h = Valid();
  h.displacement_status = "nomad";
  h.location_pcode = "IQG99";
  h.members[1].birth_date = "2027-01-01";
  h.members[1].sex = "";
  h.members[1].documents = {{"passport", ""}};
  h.members[1].disability = {{"seeing", "blind"}};
  h.phone = "abc";
  Status s = ValidateHousehold(&h, Ctx());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Fields(s), (std::vector<std::string>{"displacement_status", "location.pcode", "phone",
                                                 "members[1].sex", "members[1].birth_date",
                                                 "members[1].documents[0].number",
                                                 "members[1].disability.seeing"}));
}

TEST(HouseholdValidatorTest, RequiresExactlyOneHead) {
  Household none = Valid();
  none.members[0].relationship = "child";
  EXPECT_EQ(Fields(ValidateHousehold(&none, Ctx())), std::vector<std::string>{"members"});
  Household two = Valid();
  two.members[1].relationship = "head";
  EXPECT_EQ(Fields(ValidateHousehold(&two, Ctx())), std::vector<std::string>{"members"});
  Household empty = Valid();
  empty.members.clear();
  EXPECT_EQ(Fields(ValidateHousehold(&empty, Ctx())), std::vector<std::string>{"members"});
}

TEST(HouseholdValidatorTest, YearOnlyBirthDateOfThisYearIsFine) {
  Household h = Valid();
  h.members[1].birth_date = "2026";
  EXPECT_TRUE(ValidateHousehold(&h, Ctx()).ok());
}

}  // namespace
}  // namespace sanad::registry
