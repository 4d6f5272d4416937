// Households and their members in the store, on both backends: round-trips, optimistic
// versioning, members kept/added/archived, archiving, and organisation scoping.
#include "store/household_store.h"

#include <gtest/gtest.h>

#include "store/household_store_test_data.h"
#include "store/store_test_support.h"

namespace sanad::store {
namespace {

using registry::Household;
using registry::Member;

class HouseholdStoreTest : public BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    SeedOrganisationsAndPlaces([this](const std::string& sql, std::vector<Value> params) {
      Exec(sql, std::move(params));
    });
  }

  Household Insert(Household h, const std::string& search_text = "") {
    SANAD_EXPECT_OK(Write([&](Connection& c) {
      return InsertHousehold(c, &h, {.actor_id = kActor, .now = 1000, .search_text = search_text});
    }));
    return h;
  }

  Result<Household> Get(int64_t org, int64_t id) {
    std::optional<Household> out;
    SANAD_RETURN_IF_ERROR(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(out, GetHousehold(c, org, id));
      return Status::Ok();
    }));
    return std::move(*out);
  }

  Status Update(Household* h, int64_t expected_version) {
    return Write([&](Connection& c) {
      return UpdateHousehold(c, h, expected_version, {.actor_id = kActor, .now = 2000});
    });
  }
};

void ExpectSameMembers(const std::vector<Member>& got, const std::vector<Member>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], want[i]) << "member " << i;
}

TEST_P(HouseholdStoreTest, InsertThenGetRoundTripsEverything) {
  const Household in = Insert(JubouriFamily());
  EXPECT_GT(in.id, 0);
  EXPECT_EQ(in.version, 1);
  EXPECT_EQ(in.created_at, 1000);
  for (const auto& m : in.members) EXPECT_GT(m.id, 0);

  auto got = Get(kOrgA, in.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->id, in.id);
  EXPECT_EQ(got->version, 1);
  EXPECT_EQ(got->organisation_id, kOrgA);
  EXPECT_EQ(got->organisation_name, "منظمة الأمل");
  EXPECT_EQ(got->displacement_status, "idp_in_camp");
  EXPECT_EQ(got->location_pcode, kMarkazHamdaniya);
  EXPECT_EQ(got->location_site, "Qaraqosh, Al-Sa'a quarter");
  EXPECT_EQ(got->origin_pcode, kMosul);
  EXPECT_EQ(got->phone, "+9647501234567");
  EXPECT_EQ(got->created_at, 1000);
  EXPECT_EQ(got->updated_at, 1000);
  ExpectSameMembers(got->members, in.members);  // in position order, documents and all
}

TEST_P(HouseholdStoreTest, UnknownOriginIsStoredAsNull) {
  Household h = JubouriFamily();
  h.origin_pcode = "";
  const Household in = Insert(h);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM households WHERE origin_pcode IS NULL"), 1);
  EXPECT_EQ(Get(kOrgA, in.id)->origin_pcode, "");
}

TEST_P(HouseholdStoreTest, UnknownPlaceIsFailedPrecondition) {
  Household h = JubouriFamily();
  h.location_pcode = "IQG99";
  const Status s = Write([&](Connection& c) { return InsertHousehold(c, &h, {.now = 1}); });
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.ToString();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM households"), 0);
}

TEST_P(HouseholdStoreTest, GetIsScopedToTheOrganisation) {
  const Household in = Insert(JubouriFamily());
  EXPECT_EQ(Get(kOrgB, in.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Get(kOrgA, in.id + 1000).status().code(), StatusCode::kNotFound);
}

TEST_P(HouseholdStoreTest, UpdateKeepsChangesAddsAndArchivesMembers) {
  Household h = Insert(JubouriFamily());
  const int64_t head_id = h.members[0].id;
  const int64_t wife_id = h.members[1].id;
  const int64_t son_id = h.members[2].id;
  h.displacement_status = "returnee";
  h.location_pcode = kMarkazErbil;
  h.phone = "07701112233";
  h.members[1].phone = "07801234567";      // kept, changed
  h.members.erase(h.members.begin() + 2);  // the son leaves: archived
  h.members.push_back(Member{.given_name = "مريم",
                             .family_name = "الجبوري",
                             .sex = "female",
                             .birth_date = "2024-02",
                             .relationship = "daughter"});  // added
  std::swap(h.members[0], h.members[1]);                    // and the order changes
  SANAD_ASSERT_OK(Update(&h, 1));
  EXPECT_EQ(h.version, 2);
  EXPECT_EQ(h.updated_at, 2000);
  EXPECT_GT(h.members[2].id, son_id);

  auto got = Get(kOrgA, h.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->version, 2);
  EXPECT_EQ(got->displacement_status, "returnee");
  EXPECT_EQ(got->location_pcode, kMarkazErbil);
  EXPECT_EQ(got->phone, "07701112233");
  EXPECT_EQ(got->created_at, 1000);
  EXPECT_EQ(got->updated_at, 2000);
  ExpectSameMembers(got->members, h.members);
  EXPECT_EQ(got->members[0].id, wife_id);
  EXPECT_EQ(got->members[1].id, head_id);
  // Nothing is hard-deleted: the son is still there, archived.
  EXPECT_EQ(Count("SELECT archived_at FROM people WHERE id = ?", {son_id}), 2000);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people WHERE household_id = ?", {h.id}), 4);
}

TEST_P(HouseholdStoreTest, StaleVersionIsConflictAndChangesNothing) {
  Household h = Insert(JubouriFamily());
  Household first = h;
  first.phone = "07700000001";
  SANAD_ASSERT_OK(Update(&first, 1));

  Household stale = h;
  stale.phone = "07700000002";
  stale.members.clear();
  // Committed even so: the store itself must not have written anything.
  Status conflict;
  SANAD_ASSERT_OK(Write([&](Connection& c) {
    conflict = UpdateHousehold(c, &stale, 1, {.now = 3000});
    return Status::Ok();
  }));
  EXPECT_EQ(conflict.code(), StatusCode::kConflict) << conflict.ToString();
  ASSERT_EQ(conflict.fields().size(), 1u);
  EXPECT_EQ(conflict.fields()[0].field, "version");

  auto got = Get(kOrgA, h.id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->version, 2);
  EXPECT_EQ(got->phone, "07700000001");
  EXPECT_EQ(got->updated_at, 2000);
  EXPECT_EQ(got->members.size(), 3u);
}

TEST_P(HouseholdStoreTest, UpdateOfAnotherOrganisationsHouseholdIsNotFound) {
  Household h = Insert(JubouriFamily());
  h.organisation_id = kOrgB;
  h.phone = "0";
  EXPECT_EQ(Update(&h, 1).code(), StatusCode::kNotFound);
  EXPECT_EQ(Get(kOrgA, h.id)->phone, "+9647501234567");
}

TEST_P(HouseholdStoreTest, ArchiveHidesTheHouseholdAndItsMembers) {
  const Household kept = Insert(ObaidiFamily(), "khalid");
  const Household gone = Insert(JubouriFamily(), "khalid");
  EXPECT_EQ(Write([&](Connection& c) { return ArchiveHousehold(c, kOrgB, gone.id, 5000); }).code(),
            StatusCode::kNotFound);
  SANAD_ASSERT_OK(Write([&](Connection& c) { return ArchiveHousehold(c, kOrgA, gone.id, 5000); }));

  EXPECT_EQ(Get(kOrgA, gone.id).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(Get(kOrgA, kept.id).ok());
  std::vector<Household> listed;
  int64_t count = -1;
  SANAD_ASSERT_OK(Read([&](Connection& c) -> Status {
    const HouseholdFilter f{.organisation_id = kOrgA, .terms = {"khalid"}};
    SANAD_ASSIGN_OR_RETURN(listed, ListHouseholds(c, f));
    SANAD_ASSIGN_OR_RETURN(count, CountHouseholds(c, f));
    return Status::Ok();
  }));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, kept.id);
  EXPECT_EQ(count, 1);
  // Kept, marked: never hard-deleted.
  EXPECT_EQ(Count("SELECT archived_at FROM households WHERE id = ?", {gone.id}), 5000);
  EXPECT_EQ(
      Count("SELECT COUNT(*) FROM people WHERE household_id = ? AND archived_at = 5000", {gone.id}),
      3);
  // Archived households can be neither archived again nor updated.
  EXPECT_EQ(Write([&](Connection& c) { return ArchiveHousehold(c, kOrgA, gone.id, 6000); }).code(),
            StatusCode::kNotFound);
  Household again = gone;
  EXPECT_EQ(Update(&again, 2).code(), StatusCode::kNotFound);
}

SANAD_STORE_TEST_BACKENDS(HouseholdStoreTest);

}  // namespace
}  // namespace sanad::store
