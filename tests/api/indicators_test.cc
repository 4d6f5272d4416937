// Indicators of projects (docs/programmes.md, "Indicators"): managers define them — a measure
// and a definition checked key by key —, every role of the organisation reads them and their
// progress, another organisation never sees them; progress counts each measure from what was
// recorded (report_fixtures.h), with its disaggregation and its series by month or place.
#include <string>
#include <vector>

#include "tests/api/report_fixtures.h"

namespace sanad::api_test {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

constexpr char kIndicators[] = "/api/v1/indicators";

Json With(Json j, const Json& more) {
  j.update(more);
  return j;
}

std::string IndicatorPath(const Json& indicator) {
  return std::string(kIndicators) + "/" + std::to_string(indicator["id"].get<int64_t>());
}

class IndicatorsTest : public ReportApiTest {
 protected:
  // A project of the officer's organisation through the API; its id.
  int64_t AddProject(HttpClient& c, const std::string& code) {
    HttpResponse r = c.Post("/api/v1/projects", {{"code", code},
                                                 {"name", "Project " + code},
                                                 {"sectors", {"protection", "mhpss"}},
                                                 {"status", "ongoing"},
                                                 {"starts_on", "2026-01-01"},
                                                 {"ends_on", "2026-12-31"},
                                                 {"places", {testing_support::kHamdaniya}},
                                                 {"currency", "USD"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json.value("id", int64_t{0});
  }
};

TEST_P(IndicatorsTest, ManagersDefineIndicatorsAndEveryoneOfTheOrganisationReadsThem) {
  HttpClient me = Officer();
  const int64_t project = AddProject(me, "PRJ-PSS");
  HttpClient other = As(kOtherSupervisor);
  const int64_t theirs = AddProject(other, "PRJ-THEIRS");

  const Json pss = {{"project_id", project},
                    {"code", "P1.1"},
                    {"name", "People reached with PSS"},
                    {"name_ar", "الأشخاص الذين تم الوصول إليهم"},
                    {"measure", "people_reached"},
                    {"definition",
                     {{"sources", {"case_service", "activity"}},
                      {"sectors", {"mhpss"}},
                      {"kinds", {"pfa_group"}},
                      {"pcode", "IQG15"}}},
                    {"target", 1200}};
  HttpResponse created = me.Post(kIndicators, pss);
  ASSERT_EQ(created.status, 201) << created.body;
  const Json indicator = created.json;
  EXPECT_EQ(created.Header("Location"), IndicatorPath(indicator));
  EXPECT_EQ(created.Header("ETag"), "\"1\"");
  EXPECT_EQ(indicator["version"], 1);
  EXPECT_EQ(indicator["definition"], Json({{"sources", {"activity", "case_service"}},
                                           {"sectors", {"mhpss"}},
                                           {"kinds", {"pfa_group"}},
                                           {"pcode", "IQG15"},
                                           {"project_only", true},
                                           {"unit_kinds", Json::array()}}));
  EXPECT_EQ(indicator["target"], 1200);
  EXPECT_EQ(indicator["active"], true);

  // Each bad field is named; unknown keys and values of the definition by their key.
  Json bad = pss;
  bad["code"] = "P1.2";
  bad["definition"] = {{"colour", "red"}, {"sectors", {"nutrition"}}, {"pcode", "IQG99"}};
  EXPECT_THAT(me.Post(kIndicators, bad).ErrorFields(),
              UnorderedElementsAre("definition.colour", "definition.sectors"));
  bad["definition"] = {{"pcode", "IQG99"}};
  EXPECT_THAT(me.Post(kIndicators, bad).ErrorFields(), ElementsAre("definition.pcode"));
  bad["definition"] = {{"sources", {"activity"}}};
  bad["measure"] = "activities_held";
  EXPECT_THAT(me.Post(kIndicators, bad).ErrorFields(), ElementsAre("definition.sources"));
  EXPECT_THAT(
      me.Post(kIndicators, {{"code", "x y"}, {"measure", "smiles"}, {"target", -1}}).ErrorFields(),
      UnorderedElementsAre("project_id", "code", "name", "measure", "target"));
  bad = pss;
  bad["project_id"] = theirs;
  HttpResponse foreign = me.Post(kIndicators, bad);
  EXPECT_EQ(foreign.status, 422);
  EXPECT_THAT(foreign.ErrorFields(), ElementsAre("project_id"));
  HttpResponse twice = me.Post(kIndicators, pss);
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_THAT(twice.ErrorFields(), ElementsAre("code"));
  EXPECT_THAT(me.Post(kIndicators, With(pss, {{"colour", 1}})).ErrorFields(),
              ElementsAre("colour"));

  // Everyone of the organisation reads; only managers write; other organisations see nothing.
  HttpClient viewer = As(kViewer);
  EXPECT_EQ(viewer.Post(kIndicators, With(pss, {{"code", "V1"}})).status, 403);
  HttpResponse list =
      viewer.Get(std::string(kIndicators) + "?project_id=" + std::to_string(project));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json["total"], 1);
  EXPECT_EQ(list.json["items"][0], indicator);
  EXPECT_EQ(viewer.Get(IndicatorPath(indicator)).json, indicator);
  EXPECT_EQ(other.Get(IndicatorPath(indicator)).status, 404);
  EXPECT_EQ(other.Get(IndicatorPath(indicator) + "/progress").status, 404);
  EXPECT_EQ(other.Get(kIndicators).json["total"], 0);
  EXPECT_EQ(viewer.Get(std::string(kIndicators) + "?limit=0").status, 400);

  // PATCH: the version guards it; a new measure re-checks the stored definition.
  EXPECT_EQ(me.Patch(IndicatorPath(indicator), {{"version", 7}, {"target", 1500}}).status, 409);
  HttpResponse remeasured =
      me.Patch(IndicatorPath(indicator), {{"version", 1}, {"measure", "activities_held"}});
  EXPECT_EQ(remeasured.status, 422);
  EXPECT_THAT(remeasured.ErrorFields(), ElementsAre("definition.sources"));  // pfa_group: a type
  EXPECT_THAT(
      me.Patch(IndicatorPath(indicator), {{"version", 1}, {"project_id", theirs}}).ErrorFields(),
      ElementsAre("project_id"));
  HttpResponse edited =
      me.Patch(IndicatorPath(indicator), {{"version", 1},
                                          {"measure", "activities_held"},
                                          {"definition", {{"kinds", {"pfa_group"}}}},
                                          {"target", 40}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json["version"], 2);
  EXPECT_EQ(edited.json["definition"]["sources"], Json::array());
  EXPECT_EQ(edited.json["definition"]["pcode"], "");
  EXPECT_EQ(edited.json["name_ar"], "الأشخاص الذين تم الوصول إليهم");
  EXPECT_EQ(viewer.Patch(IndicatorPath(indicator), {{"version", 2}, {"target", 1}}).status, 403);

  // Progress without records: zero over the project's dates up to today, month by month.
  HttpResponse progress = viewer.Get(IndicatorPath(indicator) + "/progress?by=month");
  ASSERT_EQ(progress.status, 200) << progress.body;
  EXPECT_EQ(progress.json["value"], 0);
  EXPECT_EQ(progress.json["target"], 40);
  EXPECT_EQ(progress.json["ratio"], 0.0);
  EXPECT_EQ(progress.json["period"]["from"], "2026-01-01");
  EXPECT_EQ(progress.json["series"][0],
            Json({{"key", "2026-01"}, {"label", "2026-01"}, {"value", 0}, {"cumulative", 0}}));
  EXPECT_THAT(viewer.Get(IndicatorPath(indicator) + "/progress?by=week").ErrorFields(),
              ElementsAre("by"));
  EXPECT_THAT(viewer.Get(IndicatorPath(indicator) + "/progress?from=2026-02-31").ErrorFields(),
              ElementsAre("from"));

  HttpResponse audit = As(kAdmin).Get("/api/v1/audit?entity=indicator");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.json["total"], 2);  // created, edited
}

TEST_P(IndicatorsTest, ProgressCountsEachMeasureFromWhatWasRecorded) {
  const Scenario s = Build();
  HttpClient me = Officer();
  const auto add = [&](const std::string& code, const std::string& measure, Json definition) {
    HttpResponse r = me.Post(kIndicators, {{"project_id", s.project_id},
                                           {"code", code},
                                           {"name", code},
                                           {"measure", measure},
                                           {"definition", std::move(definition)},
                                           {"target", 10}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json;
  };
  const Json people = add("A", "people_reached", Json::object());
  const struct {
    Json indicator;
    int64_t value;
  } expected[] = {
      {people, 12},
      {add("B", "households_reached", {{"sources", {"collection"}}}), 2},
      {add("C", "services_delivered", Json::object()), 16},
      {add("D", "activities_held", Json::object()), 2},
      {add("E", "activities_held", {{"kinds", {"training"}}}), 1},
      {add("F", "trainees_improved", Json::object()), 1},
      {add("G", "units_rehabilitated", {{"unit_kinds", {"house"}}}), 0},
      // The organisation's records in the project's places, whatever their project.
      {add("H", "people_reached", {{"sectors", {"mhpss"}}, {"project_only", false}}), 3},
      {add("I", "people_reached", {{"sectors", {"mhpss"}}}), 0},
  };
  HttpClient viewer = As(kViewer);
  for (const auto& e : expected) {
    HttpResponse p = viewer.Get(IndicatorPath(e.indicator) + "/progress");
    ASSERT_EQ(p.status, 200) << p.body;
    EXPECT_EQ(p.json["value"], e.value) << e.indicator["code"];
    EXPECT_FALSE(p.json.contains("series") && !p.json["series"].empty());
  }

  // People reached: 5 registered people (Mohammed counted once) and 7 counted, in their cells.
  const std::string year = std::to_string(s.year);
  HttpResponse by_month = viewer.Get(IndicatorPath(people) + "/progress?by=month");
  ASSERT_EQ(by_month.status, 200) << by_month.body;
  EXPECT_EQ(by_month.json["period"], Json({{"from", year + "-01-01"}, {"to", s.today}}));
  EXPECT_EQ(by_month.json["counted"], 7);
  EXPECT_EQ(by_month.json["times_served"], 16);
  EXPECT_EQ(by_month.json["ratio"], 1.2);
  EXPECT_EQ(Cells(by_month.json["disaggregation"]), Cells(ProjectTruth(s.year)));
  const Json& series = by_month.json["series"];
  ASSERT_EQ(series.size(), static_cast<size_t>(std::stoi(s.today.substr(5, 2))));
  EXPECT_EQ(series.back(), Json({{"key", s.today.substr(0, 7)},
                                 {"label", s.today.substr(0, 7)},
                                 {"value", 12},
                                 {"cumulative", 12}}));
  if (series.size() > 1) {
    EXPECT_EQ(series[0]["cumulative"], 0);
  }
  HttpResponse by_place = viewer.Get(IndicatorPath(people) + "/progress?by=place");
  EXPECT_EQ(by_place.json["series"], Json::parse(R"([{"key":"IQG15","label":"Ninewa","value":12,
      "cumulative":null}])"));
  // Another period: nothing was recorded the year before.
  const std::string before = std::to_string(s.year - 1);
  EXPECT_EQ(viewer
                .Get(IndicatorPath(people) + "/progress?from=" + before + "-01-01&to=" + before +
                     "-12-31")
                .json["value"],
            0);

  // Every indicator of the project at once, without series.
  HttpResponse all =
      viewer.Get("/api/v1/projects/" + std::to_string(s.project_id) + "/indicators/progress");
  ASSERT_EQ(all.status, 200) << all.body;
  ASSERT_EQ(all.json["items"].size(), std::size(expected));
  for (size_t i = 0; i < std::size(expected); ++i) {
    EXPECT_EQ(all.json["items"][i]["indicator"]["code"], expected[i].indicator["code"]);
    EXPECT_EQ(all.json["items"][i]["value"], expected[i].value);
    EXPECT_FALSE(all.json["items"][i].contains("series"));
  }
  EXPECT_EQ(As(kOtherSupervisor)
                .Get("/api/v1/projects/" + std::to_string(s.project_id) + "/indicators/progress")
                .status,
            404);
}

SANAD_API_TEST_SUITE(IndicatorsTest);

}  // namespace
}  // namespace sanad::api_test
