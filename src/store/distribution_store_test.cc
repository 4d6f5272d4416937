// Distribution rounds in the store, on both backends: a round round-trips with its plan, a stale
// save changes nothing, candidates come with their live and merged members, the list is searched
// by words and token, links between registrations are followed both ways, and the database
// itself refuses a second claim on one person in a round.
#include "store/distribution_store.h"

#include <gtest/gtest.h>

#include "registry/household_service.h"
#include "store/household_store.h"
#include "store/household_store_test_data.h"
#include "store/store_test_support.h"

namespace sanad::store {
namespace {

using assistance::Beneficiary;
using assistance::Distribution;

class DistributionStoreTest : public BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    SeedOrganisationsAndPlaces(
        [this](const std::string& sql, std::vector<Value> p) { Exec(sql, std::move(p)); });
    Exec(
        "INSERT INTO items (id, organisation_id, version, code, name_en, unit, category, "
        "created_at, updated_at) VALUES (4, ?, 1, 'HYG-KIT', 'Hygiene kit', 'kit', 'hygiene', 0, "
        "0)",
        {kOrgA});
    Exec(
        "INSERT INTO warehouses (id, organisation_id, version, name, name_key, pcode, "
        "created_at, updated_at) VALUES (2, ?, 1, 'Duhok central', 'duhok central', ?, 0, 0)",
        {kOrgA, std::string(kMarkazHamdaniya)});
  }

  registry::Household Register(registry::Household h) {
    SANAD_EXPECT_OK(Write([&](Connection& c) {
      return InsertHousehold(c, &h,
                             {.actor_id = kActor,
                              .now = 10,
                              .search_text = registry::HouseholdService::BuildSearchText(h)});
    }));
    return h;
  }

  Distribution Round() {
    Distribution d{.organisation_id = kOrgA,
                   .name = "Winter NFI",
                   .kind = "in_kind",
                   .pcode = kMarkazHamdaniya,
                   .warehouse_id = 2,
                   .starts_on = "2026-12-01",
                   .ends_on = "2026-12-03",
                   .basket = {{.item_id = 4, .quantity = 1, .per_member = true, .max_quantity = 5}},
                   .criteria = {.displacement_status = {"idp_in_camp"}, .not_assisted_days = 30}};
    SANAD_EXPECT_OK(Write([&](Connection& c) { return InsertDistribution(c, &d, kActor, 100); }));
    return d;
  }
};

TEST_P(DistributionStoreTest, RoundTripsWithItsPlanAndRefusesStaleSaves) {
  Distribution d = Round();
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(const Distribution got, GetDistribution(c, kOrgA, d.id));
    EXPECT_EQ(got.name, "Winter NFI");
    EXPECT_EQ(got.warehouse_name, "Duhok central");
    if (got.basket.size() != 1u) return Status::Internal("basket lost");
    EXPECT_EQ(got.basket[0].item_name_en, "Hygiene kit");
    EXPECT_EQ(got.basket[0].max_quantity, 5);
    EXPECT_TRUE(got.basket[0].per_member);
    EXPECT_EQ(got.criteria.displacement_status, std::vector<std::string>{"idp_in_camp"});
    EXPECT_EQ(got.criteria.not_assisted_days, 30);
    EXPECT_FALSE(got.criteria.max_households.has_value());
    EXPECT_EQ(GetDistribution(c, kOrgB, d.id).status().code(), StatusCode::kNotFound);
    return Status::Ok();
  }));
  d.name = "Renamed";
  SANAD_EXPECT_OK(Write([&](Connection& c) { return SaveDistribution(c, &d, 1, kActor, 200); }));
  EXPECT_EQ(d.version, 2);
  d.name = "Stale";
  const Status stale =
      Write([&](Connection& c) { return SaveDistribution(c, &d, 1, kActor, 300); });
  EXPECT_EQ(stale.code(), StatusCode::kConflict);
  ASSERT_EQ(stale.fields().size(), 1u);
  EXPECT_EQ(stale.fields()[0].field, "version");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM distributions WHERE name = 'Renamed'"), 1);
}

TEST_P(DistributionStoreTest, CandidatesCarryLiveAndMergedMembersAndLinksGoBothWays) {
  const auto a = Register(JubouriFamily());
  auto twin = JubouriFamily();
  twin.location_pcode = kBartilla;
  const auto b = Register(twin);
  const int64_t a_head = a.members[0].id;
  const int64_t b_head = b.members[0].id;
  Exec("UPDATE people SET merged_into = ? WHERE id = ?", {a_head, b_head});
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(const CandidateRows all, ListCandidates(c, kOrgA, ""));
    EXPECT_EQ(all.households.size(), 2u);
    EXPECT_EQ(all.households[0].id, a.id);            // oldest first
    EXPECT_EQ(all.households[1].members.size(), 2u);  // the merged head is not live
    EXPECT_EQ(all.people[1].size(), 3u);              // but is one of its people
    EXPECT_EQ(all.households[0].members[0].disability.at("walking"), "some_difficulty");
    SANAD_ASSIGN_OR_RETURN(const CandidateRows bartilla, ListCandidates(c, kOrgA, kBartilla));
    EXPECT_EQ(bartilla.households.size(), 1u);
    SANAD_ASSIGN_OR_RETURN(const auto links, ListMergeLinks(c, kOrgA));
    EXPECT_EQ(links, (std::vector<std::pair<int64_t, int64_t>>{{b_head, a_head}}));
    SANAD_ASSIGN_OR_RETURN(const auto from_a, LinkedPeople(c, {a_head}));
    EXPECT_EQ(from_a, (std::vector<int64_t>{a_head, b_head}));
    SANAD_ASSIGN_OR_RETURN(const auto from_b, LinkedPeople(c, {b_head}));
    EXPECT_EQ(from_b, (std::vector<int64_t>{a_head, b_head}));
    return Status::Ok();
  }));
}

TEST_P(DistributionStoreTest, ListIsSearchedByWordsAndTokenAndClaimsAreUnique) {
  const auto a = Register(JubouriFamily());
  const auto b = Register(ObaidiFamily());
  const Distribution d = Round();
  SANAD_EXPECT_OK(Write([&](Connection& c) -> Status {
    SANAD_RETURN_IF_ERROR(
        InsertBeneficiary(c, d.id,
                          {.household_id = a.id,
                           .position = 1,
                           .token = "7KQ49XM2",
                           .size = 3,
                           .entitlement = {.items = {{.item_id = 4, .quantity = 3}}}}));
    return InsertBeneficiary(c, d.id,
                             {.household_id = b.id, .position = 2, .token = "AB12CD34", .size = 2});
  }));
  const auto find = [&](BeneficiaryFilter f) {
    f.distribution_id = d.id;
    std::vector<int64_t> ids;
    SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(const auto list, ListBeneficiaries(c, f));
      SANAD_ASSIGN_OR_RETURN(const int64_t total, CountBeneficiaries(c, f));
      EXPECT_EQ(total, static_cast<int64_t>(list.size()));
      for (const Beneficiary& x : list) ids.push_back(x.household_id);
      return Status::Ok();
    }));
    return ids;
  };
  EXPECT_EQ(find({}), (std::vector<int64_t>{a.id, b.id}));
  EXPECT_EQ(find({.token = "AB12CD34"}), std::vector<int64_t>{b.id});
  EXPECT_EQ(find({.terms = {"محمد", "الجبوري"}}), std::vector<int64_t>{a.id});
  EXPECT_EQ(find({.terms = {"199012345678"}}), std::vector<int64_t>{a.id});
  EXPECT_EQ(find({.status = "collected"}), std::vector<int64_t>{});

  assistance::Collection col{.distribution_id = d.id,
                             .organisation_id = kOrgA,
                             .household_id = a.id,
                             .collector = "head",
                             .at = 500,
                             .created_by = kActor,
                             .created_by_name = "zainab"};
  SANAD_EXPECT_OK(Write([&](Connection& c) -> Status {
    SANAD_RETURN_IF_ERROR(InsertCollection(c, &col));
    SANAD_ASSIGN_OR_RETURN(const bool marked, MarkCollected(c, d.id, a.id, col.id));
    EXPECT_TRUE(marked);
    SANAD_ASSIGN_OR_RETURN(const bool again, MarkCollected(c, d.id, a.id, col.id));
    EXPECT_FALSE(again);
    return InsertClaim(c, d.id, a.members[0].id, col.id);
  }));
  EXPECT_EQ(find({.status = "collected"}), std::vector<int64_t>{a.id});
  const Status twice =
      Write([&](Connection& c) { return InsertClaim(c, d.id, a.members[0].id, col.id); });
  EXPECT_EQ(twice.code(), StatusCode::kAlreadyExists) << twice.ToString();
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(const auto claim,
                           FindClaim(c, d.id, {b.members[0].id, a.members[0].id}));
    EXPECT_EQ(claim, col.id);
    SANAD_ASSIGN_OR_RETURN(const auto got, GetCollection(c, d.id, col.id));
    EXPECT_EQ(got.token, "7KQ49XM2");
    SANAD_ASSIGN_OR_RETURN(const auto recent, ListRecentlyAssisted(c, kOrgA, d.id + 1, 400));
    EXPECT_EQ(recent, std::vector<int64_t>{a.members[0].id});
    SANAD_ASSIGN_OR_RETURN(const auto none, ListRecentlyAssisted(c, kOrgA, d.id, 0));
    EXPECT_TRUE(none.empty());  // the round itself does not count
    return Status::Ok();
  }));
}

}  // namespace

SANAD_STORE_TEST_BACKENDS(DistributionStoreTest);

}  // namespace sanad::store
