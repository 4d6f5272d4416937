// Reading people across households in the store, on both backends: streaming every live person
// in batches (archived people and households left out), and fetching a few by id within one
// organisation.
#include "store/people_store.h"

#include <gtest/gtest.h>

#include "store/household_store.h"
#include "store/household_store_test_data.h"
#include "store/store_test_support.h"

namespace sanad::store {
namespace {

using registry::Household;

class PeopleStoreTest : public BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    SeedOrganisationsAndPlaces([this](const std::string& sql, std::vector<Value> params) {
      Exec(sql, std::move(params));
    });
  }

  Household Insert(Household h, int64_t organisation_id = kOrgA) {
    h.organisation_id = organisation_id;
    SANAD_EXPECT_OK(Write(
        [&](Connection& c) { return InsertHousehold(c, &h, {.actor_id = kActor, .now = 1000}); }));
    return h;
  }

  // Every live person streamed with batches of `batch`: "member id/household id/version".
  std::vector<std::string> Streamed(int batch) {
    std::vector<std::string> out;
    SANAD_EXPECT_OK(Read([&](Connection& c) {
      return ForEachLivePerson(
          c,
          [&](const PersonInHousehold& p) {
            out.push_back(std::to_string(p.member.id) + "/" + std::to_string(p.household.id) + "/" +
                          std::to_string(p.household.version));
          },
          batch);
    }));
    return out;
  }

  std::vector<int64_t> Fetched(int64_t organisation_id, std::vector<int64_t> ids) {
    std::vector<int64_t> out;
    SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(auto people, GetLivePeople(c, organisation_id, ids));
      for (const auto& p : people) out.push_back(p.member.id);
      return Status::Ok();
    }));
    return out;
  }
};

std::string Key(const Household& h, size_t member) {
  return std::to_string(h.members[member].id) + "/" + std::to_string(h.id) + "/" +
         std::to_string(h.version);
}

TEST_P(PeopleStoreTest, StreamsEveryLivePersonOfEveryOrganisationWithTheirHousehold) {
  const Household jubouri = Insert(JubouriFamily());
  const Household obaidi = Insert(ObaidiFamily(), kOrgB);
  PersonInHousehold head;
  SANAD_EXPECT_OK(Read([&](Connection& c) {
    return ForEachLivePerson(c, [&](const PersonInHousehold& p) {
      if (p.member.id == jubouri.members[0].id) head = p;
    });
  }));
  EXPECT_EQ(head.household.id, jubouri.id);
  EXPECT_EQ(head.household.organisation_id, kOrgA);
  EXPECT_EQ(head.household.location_pcode, kMarkazHamdaniya);
  EXPECT_EQ(head.household.displacement_status, "idp_in_camp");
  EXPECT_EQ(head.household.phone, "+9647501234567");
  EXPECT_EQ(head.member.family_name, "الجبوري");
  EXPECT_EQ(head.member.name_latin, "Mohammed Abdulrahman Al-Jubouri");
  EXPECT_EQ(head.member.birth_date, "1985-03-14");
  EXPECT_EQ(head.member.documents, jubouri.members[0].documents);
  const std::vector<std::string> all = {Key(jubouri, 0), Key(jubouri, 1), Key(jubouri, 2),
                                        Key(obaidi, 0)};
  EXPECT_EQ(Streamed(10'000), all);
  EXPECT_EQ(Streamed(1), all) << "batches of one row";
  EXPECT_EQ(Streamed(2), all) << "a batch boundary inside a household";
}

TEST_P(PeopleStoreTest, StreamsOneOrganisationsPeopleOnly) {
  const Household jubouri = Insert(JubouriFamily());
  const Household obaidi = Insert(ObaidiFamily(), kOrgB);
  auto streamed = [&](int64_t organisation_id, int batch) {
    std::vector<std::string> out;
    SANAD_EXPECT_OK(Read([&](Connection& c) {
      return ForEachLivePersonOf(
          c, organisation_id,
          [&](const PersonInHousehold& p) {
            EXPECT_EQ(p.household.organisation_id, organisation_id);
            out.push_back(std::to_string(p.member.id) + "/" + std::to_string(p.household.id) + "/" +
                          std::to_string(p.household.version));
          },
          batch);
    }));
    return out;
  };
  EXPECT_EQ(streamed(kOrgA, 10'000),
            (std::vector<std::string>{Key(jubouri, 0), Key(jubouri, 1), Key(jubouri, 2)}));
  EXPECT_EQ(streamed(kOrgA, 2), streamed(kOrgA, 10'000)) << "batches of two";
  EXPECT_EQ(streamed(kOrgB, 1), std::vector<std::string>{Key(obaidi, 0)});
}

TEST_P(PeopleStoreTest, LeavesOutArchivedHouseholdsAndRemovedMembers) {
  Household jubouri = Insert(JubouriFamily());
  const Household obaidi = Insert(ObaidiFamily());
  jubouri.members.pop_back();
  SANAD_EXPECT_OK(Write([&](Connection& c) {
    return UpdateHousehold(c, &jubouri, 1, {.actor_id = kActor, .now = 2000});
  }));
  EXPECT_EQ(Streamed(2),
            (std::vector<std::string>{Key(jubouri, 0), Key(jubouri, 1), Key(obaidi, 0)}));
  SANAD_EXPECT_OK(
      Write([&](Connection& c) { return ArchiveHousehold(c, kOrgA, obaidi.id, 3000); }));
  EXPECT_EQ(Streamed(2), (std::vector<std::string>{Key(jubouri, 0), Key(jubouri, 1)}));
}

TEST_P(PeopleStoreTest, FetchesPeopleByIdOnlyWithinTheOrganisation) {
  const Household jubouri = Insert(JubouriFamily());
  const Household obaidi = Insert(ObaidiFamily(), kOrgB);
  const int64_t head = jubouri.members[0].id;
  const int64_t son = jubouri.members[2].id;
  const int64_t other = obaidi.members[0].id;
  EXPECT_EQ(Fetched(kOrgA, {son, other, head, 999'999}), (std::vector<int64_t>{head, son}));
  EXPECT_EQ(Fetched(kOrgB, {son, other, head}), std::vector<int64_t>{other});
  EXPECT_TRUE(Fetched(kOrgA, {}).empty());
  SANAD_EXPECT_OK(
      Write([&](Connection& c) { return ArchiveHousehold(c, kOrgA, jubouri.id, 3000); }));
  EXPECT_TRUE(Fetched(kOrgA, {head, son}).empty()) << "archived";
}

SANAD_STORE_TEST_BACKENDS(PeopleStoreTest);

}  // namespace
}  // namespace sanad::store
