// The pure rules of distribution rounds: workflow steps, money in minor units, validation by
// field, criteria, entitlements, drawing the list without duplicate registrations, tokens.
#include "assistance/distribution_rules.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

#include "assistance/money.h"

namespace sanad::assistance {
namespace {

using registry::Household;
using registry::Member;

const registry::PlaceDirectory& Places() {
  static const registry::PlaceDirectory places(
      {{.pcode = "IQG15", .level = 1}, {.pcode = "IQG15Q03", .level = 2, .parent_pcode = "IQG15"}});
  return places;
}

Distribution InKind() {
  return {.name = "Winter NFI",
          .kind = "in_kind",
          .pcode = "IQG15Q03",
          .warehouse_id = 2,
          .starts_on = "2026-12-01",
          .ends_on = "2026-12-03",
          .basket = {{.item_id = 4, .quantity = 2},
                     {.item_id = 5, .quantity = 1, .per_member = true, .max_quantity = 8}}};
}

std::vector<std::string> Fields(const std::vector<FieldError>& bad) {
  std::vector<std::string> out;
  for (const auto& f : bad) out.push_back(f.field);
  return out;
}

Member Person(int64_t id, std::string sex, std::string born, std::string relationship = "child") {
  return {.id = id,
          .sex = std::move(sex),
          .birth_date = std::move(born),
          .relationship = std::move(relationship)};
}

TEST(DistributionWorkflowTest, StepsFollowTheDocumentedOrder) {
  using DS = DistributionStatus;
  EXPECT_TRUE(CheckStep(DS::kDraft, DS::kPlanned).ok());
  EXPECT_TRUE(CheckStep(DS::kPlanned, DS::kDraft).ok());
  EXPECT_TRUE(CheckStep(DS::kPlanned, DS::kOpen).ok());
  EXPECT_TRUE(CheckStep(DS::kOpen, DS::kClosed).ok());
  EXPECT_TRUE(CheckStep(DS::kDraft, DS::kCancelled).ok());
  const Status s = CheckStep(DS::kDraft, DS::kOpen);
  EXPECT_EQ(s.code(), StatusCode::kConflict);
  ASSERT_EQ(s.fields().size(), 1u);
  EXPECT_EQ(s.fields()[0].field, "status");
  EXPECT_EQ(s.fields()[0].reason, "allowed next steps: planned, cancelled");
  EXPECT_FALSE(CheckStep(DS::kOpen, DS::kCancelled).ok());
  EXPECT_EQ(CheckStep(DS::kClosed, DS::kOpen).fields()[0].reason, "allowed next steps: none");
}

// Cash amounts arrive as JSON numbers; the codec reads the number's own text with money.h, so
// what a client typed is what is stored, and binary noise is refused, never rounded.
TEST(DistributionMoneyTest, JsonNumbersAreReadByTheirText) {
  EXPECT_EQ(ParseAmount(nlohmann::json(150000).dump(), "IQD").value(), 150000);
  EXPECT_EQ(ParseAmount(nlohmann::json(100.5).dump(), "USD").value(), 10050);
  EXPECT_FALSE(ParseAmount(nlohmann::json(0.1 + 0.2).dump(), "USD").ok());
  EXPECT_FALSE(ParseAmount(nlohmann::json(100.5).dump(), "IQD").ok());
  EXPECT_FALSE(ParseAmount(nlohmann::json(-1).dump(), "USD").ok());
  EXPECT_FALSE(ParseAmount(nlohmann::json(1e21).dump(), "USD").ok());
  EXPECT_DOUBLE_EQ(MajorUnits(10050, "USD"), 100.5);
}

TEST(DistributionValidationTest, ProblemsAreNamedByField) {
  EXPECT_TRUE(ValidateDistribution(InKind(), Places()).empty());
  Distribution d = InKind();
  d.basket[1].quantity = 0;
  d.basket.push_back({.item_id = 4, .quantity = 1});
  d.criteria.pcode = "IQG99";
  d.criteria.min_size = 5;
  d.criteria.max_size = 3;
  d.ends_on = "2026-11-30";
  EXPECT_EQ(Fields(ValidateDistribution(d, Places())),
            (std::vector<std::string>{"ends_on", "basket[1].quantity", "basket[2].item_id",
                                      "criteria.pcode", "criteria.max_size"}));
  Distribution cash = InKind();
  cash.kind = "cash";
  cash.basket.clear();
  EXPECT_EQ(Fields(ValidateDistribution(cash, Places())), std::vector<std::string>{"cash"});
  cash.cash = CashPlan{.amount = 0, .currency = "USD", .mechanism = "pigeon"};
  EXPECT_EQ(Fields(ValidateDistribution(cash, Places())),
            (std::vector<std::string>{"cash.amount", "cash.mechanism"}));
  cash.cash->currency = "EUR";  // an amount means nothing without its currency
  EXPECT_EQ(Fields(ValidateDistribution(cash, Places())),
            (std::vector<std::string>{"cash.currency", "cash.mechanism"}));
}

// A round's service records count under its own sector, else its basket's first item's
// (docs/programmes.md, "Service records"); an unknown sector is refused by name.
TEST(DistributionSectorTest, TheRoundsSectorElseTheBasketsFirstItem) {
  Distribution d = InKind();
  const std::pair<std::string, std::string> by_category[] = {
      {"food", "food_security"}, {"wash", "wash"},           {"hygiene", "wash"},
      {"nfi", "shelter_nfi"},    {"shelter", "shelter_nfi"}, {"dignity_kit", "gbv"},
      {"medicine", "health"},    {"other", "shelter_nfi"},   {"", "shelter_nfi"}};
  for (const auto& [category, sector] : by_category) {
    d.basket.front().item_category = category;
    EXPECT_EQ(RoundSector(d), sector) << category;
  }
  d.sector = "protection";
  EXPECT_EQ(RoundSector(d), "protection");
  EXPECT_TRUE(ValidateDistribution(d, Places()).empty());
  d.sector = "nutrition";
  EXPECT_EQ(Fields(ValidateDistribution(d, Places())), std::vector<std::string>{"sector"});
  Distribution cash{.kind = "cash"};
  EXPECT_EQ(RoundSector(cash), "mpca");
}

TEST(DistributionCriteriaTest, EachCriterionLooksAtTheLiveMembers) {
  Household h{.displacement_status = "idp_in_camp",
              .location_pcode = "IQG15Q03N03",
              .members = {Person(1, "female", "1960-01-01", "head"), Person(2, "male", "2023")}};
  const Criteria none;
  EXPECT_TRUE(MeetsCriteria(none, h, "2026-12-01"));
  EXPECT_TRUE(MeetsCriteria({.displacement_status = {"returnee", "idp_in_camp"}}, h, "2026-12-01"));
  EXPECT_FALSE(MeetsCriteria({.displacement_status = {"returnee"}}, h, "2026-12-01"));
  EXPECT_TRUE(MeetsCriteria({.pcode = "IQG15"}, h, "2026-12-01"));
  EXPECT_FALSE(MeetsCriteria({.pcode = "IQG11"}, h, "2026-12-01"));
  EXPECT_TRUE(MeetsCriteria({.min_size = 2, .max_size = 2}, h, "2026-12-01"));
  EXPECT_FALSE(MeetsCriteria({.min_size = 3}, h, "2026-12-01"));
  EXPECT_TRUE(MeetsCriteria({.female_headed = true}, h, "2026-12-01"));
  EXPECT_TRUE(MeetsCriteria({.elderly = true}, h, "2026-12-01"));
  EXPECT_FALSE(MeetsCriteria({.elderly = true}, h, "2019-12-31"));  // 59 then
  EXPECT_TRUE(MeetsCriteria({.child_under_5 = true}, h, "2026-12-01"));
  EXPECT_FALSE(MeetsCriteria({.child_under_5 = true}, h, "2028-06-01"));
  EXPECT_FALSE(MeetsCriteria({.disability = true}, h, "2026-12-01"));
  h.members[1].disability = {{"seeing", "some_difficulty"}};
  EXPECT_FALSE(MeetsCriteria({.disability = true}, h, "2026-12-01"));
  h.members[1].disability = {{"walking", "cannot_do_at_all"}};
  EXPECT_TRUE(MeetsCriteria({.disability = true}, h, "2026-12-01"));
  h.members[0].sex = "male";
  EXPECT_FALSE(MeetsCriteria({.female_headed = true}, h, "2026-12-01"));
}

TEST(DistributionEntitlementTest, PerMemberLinesAreCapped) {
  const Distribution d = InKind();
  const Entitlement three = EntitlementFor(d, 3);
  ASSERT_EQ(three.items.size(), 2u);
  EXPECT_EQ(three.items[0].quantity, 2);
  EXPECT_EQ(three.items[1].quantity, 3);
  EXPECT_EQ(EntitlementFor(d, 12).items[1].quantity, 8);
  Distribution cash = d;
  cash.basket.clear();
  cash.cash =
      CashPlan{.amount = 25000, .currency = "IQD", .per_member = true, .max_amount = 100000};
  EXPECT_EQ(EntitlementFor(cash, 2).cash, 50000);
  EXPECT_EQ(EntitlementFor(cash, 7).cash, 100000);
  cash.cash->per_member = false;
  cash.cash->max_amount.reset();
  EXPECT_EQ(EntitlementFor(cash, 7).cash, 25000);
}

TEST(DistributionDrawTest, SkipsRegistrationsOfPeopleAlreadyDrawn) {
  // Household 2's head (20) was merged into household 1's head (10); household 3 is unrelated.
  const Identities ids({{20, 10}});
  const auto cand = [&](int64_t id, std::vector<int64_t> people) {
    Candidate c{.household = {.id = id,
                              .displacement_status = "idp_in_camp",
                              .location_pcode = "IQG15Q03",
                              .members = {Person(people.back(), "male", "1980", "head")}}};
    for (const int64_t p : people) c.identities.push_back(ids.Of(p));
    return c;
  };
  const std::vector<Candidate> all = {cand(1, {10, 11}), cand(2, {20, 21}), cand(3, {30})};
  const Draw d = DrawList(all, {}, "2026-12-01");
  EXPECT_EQ(d.chosen, (std::vector<size_t>{0, 2}));
  EXPECT_EQ(d.duplicates_skipped, 1);
  EXPECT_EQ(DrawList(all, {.max_households = 1}, "2026-12-01").chosen, std::vector<size_t>{0});
  EXPECT_EQ(DrawList(all, {.displacement_status = {"returnee"}}, "2026-12-01").chosen.size(), 0u);
  std::vector<Candidate> assisted = all;
  assisted[0].assisted_recently = true;
  EXPECT_EQ(DrawList(assisted, {.not_assisted_days = 30}, "2026-12-01").chosen,
            (std::vector<size_t>{1, 2}));
  EXPECT_EQ(ids.Of(20), 10);
  EXPECT_EQ(Identities({{1, 2}, {2, 3}}).Of(1), 3);  // a chain of merges
}

TEST(DistributionTokenTest, TokensAreCrockfordAndReadForgivingly) {
  uint32_t next = 0;
  const std::string t = MakeToken([&](uint32_t n) { return (next++ * 7) % n; });
  EXPECT_EQ(t.size(), kTokenLength);
  EXPECT_EQ(t, "07ENW3AH");
  EXPECT_EQ(FormatToken("7KQ49XM2"), "7KQ4-9XM2");
  EXPECT_EQ(ParseToken("7kq4-9xm2"), "7KQ49XM2");
  EXPECT_EQ(ParseToken("7KQ49XM2"), "7KQ49XM2");
  EXPECT_EQ(ParseToken(" oIl4-9XM2 "),
            "0114"
            "9XM2");
  EXPECT_EQ(ParseToken("7KQ4-9XM"), std::nullopt);
  EXPECT_EQ(ParseToken("7KQ4-9XMU"), std::nullopt);  // U is not in the alphabet
  EXPECT_EQ(ParseToken("7KQ4-9XM22"), std::nullopt);
  // Tokens drawn from a real source are spread over the whole alphabet.
  std::set<char> seen;
  uint32_t state = 12345;
  for (int i = 0; i < 200; ++i) {
    for (char c : MakeToken([&](uint32_t n) {
           state = state * 1103515245 + 12345;
           return (state >> 16) % n;
         })) {
      seen.insert(c);
    }
  }
  EXPECT_EQ(seen.size(), 32u);
}

}  // namespace
}  // namespace sanad::assistance
