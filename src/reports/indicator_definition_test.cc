#include "reports/indicator_definition.h"

#include <gtest/gtest.h>

namespace sanad::reports {
namespace {

using Json = nlohmann::json;

std::vector<std::string> Fields(const Status& s) {
  std::vector<std::string> out;
  for (const auto& f : s.fields()) out.push_back(f.field);
  return out;
}

TEST(IndicatorDefinitionTest, ReadsEveryKeyAndWritesItBackSorted) {
  const Json j = {{"sources", {"case_service", "activity", "activity"}},
                  {"sectors", {"mhpss"}},
                  {"kinds", {"pfa_group", "mhpss"}},
                  {"pcode", "IQG15"},
                  {"project_only", false}};
  auto d = ParseDefinition(j, "people_reached");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->sources, (std::vector<std::string>{"activity", "case_service"}));
  EXPECT_EQ(d->kinds, (std::vector<std::string>{"mhpss", "pfa_group"}));
  EXPECT_EQ(d->pcode, "IQG15");
  EXPECT_FALSE(d->project_only);
  const Json written = DefinitionToJson(*d);
  EXPECT_EQ(written["sources"], Json({"activity", "case_service"}));
  EXPECT_EQ(written["unit_kinds"], Json::array());
  // The stored form reads back, also under a measure that does not use some of its keys.
  auto again = ParseDefinition(written, "people_reached");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *d);
  EXPECT_TRUE(ParseDefinition(DefinitionToJson({}), "units_rehabilitated").ok());
}

TEST(IndicatorDefinitionTest, NoDefinitionCountsTheProjectsRecords) {
  for (const Json& j : {Json(), Json::object()}) {
    auto d = ParseDefinition(j, "services_delivered");
    ASSERT_TRUE(d.ok());
    EXPECT_TRUE(d->project_only);
    EXPECT_TRUE(d->sources.empty());
  }
}

struct BadCase {
  const char* measure;
  Json definition;
  std::vector<std::string> fields;
};

TEST(IndicatorDefinitionTest, NamesEveryBadKey) {
  const BadCase cases[] = {
      {"people_reached", Json::array(), {"definition"}},
      {"people_reached", {{"colour", "red"}}, {"definition.colour"}},
      {"people_reached", {{"sources", {"registration"}}}, {"definition.sources"}},
      {"people_reached", {{"sources", "activity"}}, {"definition.sources"}},
      {"people_reached", {{"sectors", {"nutrition"}}}, {"definition.sectors"}},
      {"people_reached", {{"kinds", {"party"}}}, {"definition.kinds"}},
      {"people_reached", {{"pcode", "iq g15"}}, {"definition.pcode"}},
      {"people_reached", {{"project_only", "yes"}}, {"definition.project_only"}},
      {"people_reached", {{"unit_kinds", {"house"}}}, {"definition.unit_kinds"}},
      {"activities_held", {{"sources", {"activity"}}}, {"definition.sources"}},
      {"activities_held", {{"kinds", {"in_kind"}}}, {"definition.kinds"}},
      {"units_rehabilitated", {{"kinds", {"rehabilitation"}}}, {"definition.kinds"}},
      {"units_rehabilitated", {{"unit_kinds", {"bridge"}}}, {"definition.unit_kinds"}},
      {"trainees_improved",
       {{"kinds", {"training"}}, {"x", 1}},
       {"definition.kinds", "definition.x"}},
  };
  for (const BadCase& c : cases) {
    auto d = ParseDefinition(c.definition, c.measure);
    ASSERT_FALSE(d.ok()) << c.definition.dump();
    EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(Fields(d.status()), c.fields) << c.definition.dump();
  }
}

TEST(IndicatorDefinitionTest, KnowsTheKindsOfServiceRecords) {
  for (const char* kind : {"pfa_group", "in_kind", "cash", "gbv", "legal", "legal_aid", "food"}) {
    EXPECT_TRUE(IsServiceKind(kind)) << kind;
  }
  EXPECT_FALSE(IsServiceKind("protection"));
  auto units = ParseDefinition({{"unit_kinds", {"water_point", "house"}}}, "units_rehabilitated");
  ASSERT_TRUE(units.ok());
  EXPECT_EQ(units->unit_kinds, (std::vector<std::string>{"house", "water_point"}));
}

}  // namespace
}  // namespace sanad::reports
