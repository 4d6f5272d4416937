#include "registry/demo_generator.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "registry/demo_names.h"
#include "registry/household_validator.h"

namespace sanad::registry {
namespace {

constexpr int64_t kToday = 1795392000;  // 2026-11-23T00:00:00Z
constexpr size_t kDemoSize = 2000;

const PlaceDirectory& Places() {
  static const PlaceDirectory kPlaces(PlaceDirectory::ParseShippedPlaces().value());
  return kPlaces;
}

ValidationContext Context() {
  return {.place_exists = [](std::string_view p) { return Places().Exists(p); },
          .today = {.year = 2026, .month = 11, .day = 23, .precision = DatePrecision::kDay}};
}

TEST(DemoNamesTest, ShippedTableHasEveryCommunity) {
  const DemoNames& names = DemoNames::Shipped();
  for (Community c :
       {Community::kArab, Community::kChristian, Community::kYazidi, Community::kKurdish}) {
    EXPECT_GE(names.Given(c, false).size(), 20u);
    EXPECT_GE(names.Given(c, true).size(), 15u);
    EXPECT_GE(names.Family(c).size(), 8u);
  }
  const DemoName& first = names.Given(Community::kArab, false).front();
  EXPECT_EQ(first.arabic, "محمد");
  EXPECT_EQ(first.latin_count, 3u);
  EXPECT_EQ(first.latin[0], "Mohammed");
}

TEST(DemoNamesTest, RefusesMalformedRows) {
  const std::string header = "kind\tcommunity\tsex\tarabic\tlatin\n";
  struct Case {
    std::string text;
    std::string why;
  };
  for (const Case& c : std::vector<Case>{
           {"kind\tsex\tname\n", "header"},
           {header + "given\tarab\tmale\tمحمد\n", "needs 5"},
           {header + "given\tmartian\tmale\tمحمد\tMohammed\n", "unknown community"},
           {header + "given\tarab\tmale\tمحمد\ta;b;c;d;e\n", "one to four"},
           {header + "given\tarab\tboth\tمحمد\tMohammed\n", "kind/sex"},
           {header + "given\tarab\tmale\tمحمد\tMohammed\n", "every community"},
       }) {
    auto parsed = DemoNames::Parse(c.text);
    ASSERT_FALSE(parsed.ok()) << c.text;
    EXPECT_NE(parsed.status().message().find(c.why), std::string::npos)
        << parsed.status().message();
  }
}

TEST(DemoGeneratorTest, EveryHouseholdPassesValidation) {
  DemoGenerator gen(Places(), {.seed = 7, .today_seconds = kToday});
  const ValidationContext ctx = Context();
  for (int i = 0; i < 5000; ++i) {
    Household h = gen.Next();
    const Status s = ValidateHousehold(&h, ctx);
    ASSERT_TRUE(s.ok()) << "household " << i << ": " << s.ToString()
                        << (s.fields().empty()
                                ? ""
                                : " " + s.fields()[0].field + " " + s.fields()[0].reason);
  }
}

TEST(DemoGeneratorTest, SameSeedSameHouseholds) {
  DemoGenerator a(Places(), {.seed = 42, .today_seconds = kToday});
  DemoGenerator b(Places(), {.seed = 42, .today_seconds = kToday});
  DemoGenerator other(Places(), {.seed = 43, .today_seconds = kToday});
  const auto first = a.Generate(200);
  const auto second = b.Generate(200);
  const auto third = other.Generate(200);
  int differ = 0;
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].members, second[i].members) << i;
    EXPECT_EQ(first[i].location_pcode, second[i].location_pcode) << i;
    EXPECT_EQ(first[i].phone, second[i].phone) << i;
    differ += first[i].members != third[i].members;
  }
  EXPECT_GT(differ, 190);
}

TEST(DemoGeneratorTest, DemoCoversStatusesPlacesAndLatinNames) {
  DemoGenerator gen(Places(), {.today_seconds = kToday});
  std::set<std::string> statuses;
  std::set<std::string> governorates;
  std::map<std::string, int> relationships;
  size_t members = 0;
  int female_heads = 0;
  int with_disability = 0;
  for (const Household& h : gen.Generate(kDemoSize)) {
    statuses.insert(h.displacement_status);
    governorates.insert(h.location_pcode.substr(0, 5));
    ASSERT_FALSE(h.members.empty());
    ASSERT_LE(h.members.size(), 10u);
    members += h.members.size();
    female_heads += h.members[0].sex == "female";
    for (const Member& m : h.members) {
      EXPECT_FALSE(m.name_latin.empty()) << m.given_name;
      ++relationships[m.relationship];
      with_disability += !m.disability.empty();
    }
  }
  EXPECT_EQ(statuses.size(), 6u);
  EXPECT_GE(governorates.size(), 8u);
  const double mean_size = static_cast<double>(members) / kDemoSize;
  EXPECT_GT(mean_size, 4.0);
  EXPECT_LT(mean_size, 6.0);
  EXPECT_GT(female_heads, 300);
  EXPECT_LT(female_heads, 500);
  EXPECT_GT(with_disability, 0);
  EXPECT_LT(with_disability, static_cast<int>(members / 5));
  for (const char* r : {"head", "spouse", "child", "parent", "sibling", "grandchild", "other"}) {
    EXPECT_GT(relationships[r], 0) << r;
  }
}

TEST(DemoGeneratorTest, ChildrenCarryTheirFathersNameChain) {
  DemoGenerator gen(Places(), {.seed = 3, .today_seconds = kToday});
  int checked = 0;
  for (const Household& h : gen.Generate(500)) {
    const Member& head = h.members[0];
    for (const Member& m : h.members) {
      if (m.relationship != "child" || head.sex != "male") continue;
      EXPECT_EQ(m.father_name, head.given_name);
      EXPECT_EQ(m.grandfather_name, head.father_name);
      EXPECT_EQ(m.family_name, head.family_name);
      EXPECT_LT(head.birth_date.substr(0, 4), m.birth_date.substr(0, 4));
      ++checked;
    }
  }
  EXPECT_GT(checked, 500);
}

}  // namespace
}  // namespace sanad::registry
