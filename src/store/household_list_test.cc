// Listing households in the store, on both backends: text search, P-code prefix, status,
// pagination and organisation scoping, newest first, with members.
#include <gtest/gtest.h>

#include <map>

#include "store/household_store.h"
#include "store/household_store_test_data.h"
#include "store/store_test_support.h"

namespace sanad::store {
namespace {

using registry::Household;

// The households listed: a name each (its only member's Latin name), newest last.
struct Seed {
  const char* name;
  int64_t organisation_id;
  const char* pcode;
  const char* status;
  const char* search_text;
};

const Seed kSeeds[] = {
    {"h1", kOrgA, kMarkazHamdaniya, "idp_in_camp", "محمد الجبوري 07501234567"},
    {"h2", kOrgA, kBartilla, "idp_out_of_camp", "فاطمة الجبوري"},
    {"h3", kOrgA, kHamdaniya, "returnee", "خالد العبيدي"},
    {"h4", kOrgA, kMosul, "idp_in_camp", "محمد العبيدي 50%"},
    {"h5", kOrgA, kMarkazErbil, "idp_in_camp", "زينب العبيدي xzy"},
    {"h6", kOrgA, kDuhok, "returnee", "محمد x_y"},
    {"b1", kOrgB, kMarkazHamdaniya, "idp_in_camp", "محمد الجبوري"},
};

struct ListCase {
  const char* name;
  HouseholdFilter filter;
  std::vector<std::string> listed;  // newest first
  int64_t count;
};

const ListCase kCases[] = {
    {"whole_organisation", {.organisation_id = kOrgA}, {"h6", "h5", "h4", "h3", "h2", "h1"}, 6},
    {"other_organisation", {.organisation_id = kOrgB}, {"b1"}, 1},
    {"no_such_organisation", {.organisation_id = 99}, {}, 0},
    {"one_term", {.organisation_id = kOrgA, .terms = {"محمد"}}, {"h6", "h4", "h1"}, 3},
    {"every_term_must_match", {.organisation_id = kOrgA, .terms = {"محمد", "العبيدي"}}, {"h4"}, 1},
    {"term_inside_a_word", {.organisation_id = kOrgA, .terms = {"جبور"}}, {"h2", "h1"}, 2},
    {"phone_digits", {.organisation_id = kOrgA, .terms = {"750123"}}, {"h1"}, 1},
    {"percent_is_literal", {.organisation_id = kOrgA, .terms = {"%"}}, {"h4"}, 1},
    {"underscore_is_literal", {.organisation_id = kOrgA, .terms = {"x_y"}}, {"h6"}, 1},
    {"no_match", {.organisation_id = kOrgA, .terms = {"nobody"}}, {}, 0},
    {"governorate_and_everything_under_it",
     {.organisation_id = kOrgA, .pcode = kNinewa},
     {"h4", "h3", "h2", "h1"},
     4},
    {"district", {.organisation_id = kOrgA, .pcode = kHamdaniya}, {"h3", "h2", "h1"}, 3},
    {"subdistrict", {.organisation_id = kOrgA, .pcode = kBartilla}, {"h2"}, 1},
    {"next_governorate", {.organisation_id = kOrgA, .pcode = kDuhok}, {"h6"}, 1},
    {"pcode_is_case_sensitive", {.organisation_id = kOrgA, .pcode = "iqg15"}, {}, 0},
    {"status", {.organisation_id = kOrgA, .status = "idp_in_camp"}, {"h5", "h4", "h1"}, 3},
    {"status_and_pcode",
     {.organisation_id = kOrgA, .pcode = kNinewa, .status = "idp_in_camp"},
     {"h4", "h1"},
     2},
    {"first_page", {.organisation_id = kOrgA, .limit = 4}, {"h6", "h5", "h4", "h3"}, 6},
    {"second_page", {.organisation_id = kOrgA, .limit = 4, .offset = 4}, {"h2", "h1"}, 6},
    {"past_the_end", {.organisation_id = kOrgA, .limit = 4, .offset = 8}, {}, 6},
    {"filtered_page",
     {.organisation_id = kOrgA, .terms = {"محمد"}, .limit = 2, .offset = 1},
     {"h4", "h1"},
     3},
};

class HouseholdListTest : public BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    SeedOrganisationsAndPlaces([this](const std::string& sql, std::vector<Value> params) {
      Exec(sql, std::move(params));
    });
    for (const Seed& s : kSeeds) {
      Household h{.organisation_id = s.organisation_id,
                  .displacement_status = s.status,
                  .location_pcode = s.pcode};
      h.members = {
          {.given_name = "م", .name_latin = s.name, .sex = "female", .relationship = "head"}};
      SANAD_ASSERT_OK(Write([&](Connection& c) {
        return InsertHousehold(c, &h, {.now = 1000, .search_text = s.search_text});
      }));
    }
  }
};

TEST_P(HouseholdListTest, FiltersScopesAndPagesNewestFirst) {
  for (const auto& tc : kCases) {
    SCOPED_TRACE(tc.name);
    std::vector<Household> listed;
    int64_t count = -1;
    SANAD_ASSERT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(listed, ListHouseholds(c, tc.filter));
      SANAD_ASSIGN_OR_RETURN(count, CountHouseholds(c, tc.filter));
      return Status::Ok();
    }));
    std::vector<std::string> names;
    for (const auto& h : listed) {
      ASSERT_EQ(h.members.size(), 1u);  // members come with the list
      names.push_back(h.members[0].name_latin);
      EXPECT_EQ(h.organisation_id, tc.filter.organisation_id);
    }
    EXPECT_EQ(names, tc.listed);
    EXPECT_EQ(count, tc.count);
  }
}

// Regression: the count query was called with its parameter list before the WHERE clause
// had filled it (unspecified argument order), so SQLite counted 0 and PostgreSQL failed.
TEST_P(HouseholdListTest, CountBindsTheFilterParameters) {
  int64_t count = -1;
  SANAD_ASSERT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(count, CountHouseholds(c, {.organisation_id = kOrgB}));
    return Status::Ok();
  }));
  EXPECT_EQ(count, 1);
}

SANAD_STORE_TEST_BACKENDS(HouseholdListTest);

}  // namespace
}  // namespace sanad::store
