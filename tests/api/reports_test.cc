// Reports against the ground truth (docs/programmes.md, "Reports and exports", "Dashboard",
// "Disclosure control"): a scenario recorded through the API whose unique people reached by sex,
// age group and population group are known by construction (report_fixtures.h) must be what the
// dashboard, the indicator progress and the 4W find — exactly inside the organisation, and with
// small counts and their complements suppressed in a public file. Exports are audited, need
// kExportReports and never carry a name, a phone or a document.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "io/xlsx_reader.h"
#include "tests/api/report_fixtures.h"

namespace sanad::api_test {
namespace {

using Table = std::vector<std::vector<std::string>>;

// The 11 counts of a 4W row (people; female, male; 0-5, 6-17, 18-59, 60+; idp, returnee,
// refugee, host) of these people, as text.
std::vector<std::string> Counts(const std::vector<Reached>& who) {
  const char* sexes[] = {"female", "male"};
  const char* ages[] = {"0-5", "6-17", "18-59", "60+"};
  const char* groups[] = {"idp", "returnee", "refugee", "host"};
  std::vector<int64_t> n(11, 0);
  for (const Reached& r : who) {
    n[0] += r.people;
    for (int i = 0; i < 2; ++i) n[1 + i] += r.sex == sexes[i] ? r.people : 0;
    for (int i = 0; i < 4; ++i) n[3 + i] += r.age_group == ages[i] ? r.people : 0;
    for (int i = 0; i < 4; ++i) n[7 + i] += r.population_group == groups[i] ? r.people : 0;
  }
  std::vector<std::string> out;
  for (int64_t v : n) out.push_back(std::to_string(v));
  return out;
}

std::vector<std::string> Slice(const std::vector<std::string>& row, size_t from, size_t n) {
  return {row.begin() + static_cast<std::ptrdiff_t>(from),
          row.begin() + static_cast<std::ptrdiff_t>(from + n)};
}

// A worksheet's rows, each padded with "" to the widest (the reader drops trailing empty cells
// and empty rows).
Table XlsxTable(const std::string& body, const std::string& sheet) {
  auto rows = io::ReadXlsxSheet("report.xlsx", body, {.sheet = sheet});
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  Table out;
  if (!rows.ok()) return out;
  size_t width = 0;
  for (auto& r : *rows) width = std::max(width, r.cells.size());
  for (auto& r : *rows) {
    r.cells.resize(width);
    out.push_back(std::move(r.cells));
  }
  return out;
}

std::string LastNonEmpty(const std::vector<std::string>& row) {
  for (auto it = row.rbegin(); it != row.rend(); ++it) {
    if (!it->empty()) return *it;
  }
  return "";
}

class ReportsTest : public ReportApiTest {};

TEST_P(ReportsTest, TheDashboardAndThe4WFindThePeopleReachedByConstruction) {
  const Scenario s = Build();
  const int y = s.year;
  const std::string month = s.today.substr(0, 7);

  // The dashboard, exact, for any role of the organisation: 6 registered people (Mohammed
  // registered twice is one) and 15 counted.
  HttpClient viewer = As(kViewer);
  HttpResponse d = viewer.Get("/api/v1/reports/dashboard");
  ASSERT_EQ(d.status, 200) << d.body;
  EXPECT_EQ(d.json["period"], Json({{"from", month.substr(0, 4) + "-01-01"}, {"to", s.today}}));
  EXPECT_EQ(d.json["reached"],
            Json({{"people", 21}, {"counted", 15}, {"times_served", 25}, {"households", 4}}));
  std::map<std::string, int64_t> sex_age;
  std::map<std::string, int64_t> groups;
  for (const Reached& r : OrganisationTruth(y)) {
    sex_age[r.sex + "/" + r.age_group] += r.people;
    groups[r.population_group] += r.people;
  }
  std::map<std::string, int64_t> got;
  for (const Json& c : d.json["by_sex_age"]) {
    got[c["sex"].get<std::string>() + "/" + c["age_group"].get<std::string>()] +=
        c["people"].get<int64_t>();
  }
  EXPECT_EQ(got, sex_age);
  got.clear();
  for (const Json& g : d.json["by_population_group"]) got[g["group"]] = g["people"];
  EXPECT_EQ(got, groups);
  EXPECT_EQ(d.json["by_month"],
            Json::parse(R"([{"month":")" + month + R"(","people":21,"times_served":25}])"));
  EXPECT_EQ(d.json["by_sector"], Json::parse(R"([{"sector":"mhpss","people":3},
      {"sector":"protection","people":17},{"sector":"shelter_nfi","people":3}])"));
  EXPECT_EQ(d.json["by_governorate"], Json::parse(R"([
      {"pcode":"IQG11","name_en":"Erbil","name_ar":"اربيل","people":6,"times_served":6},
      {"pcode":"IQG15","name_en":"Ninewa","name_ar":"نينوى","people":15,"times_served":19}])"));
  EXPECT_EQ(d.json["by_district"][1], Json({{"pcode", "IQG15Q03"},
                                            {"name_en", "Al-Hamdaniya"},
                                            {"name_ar", "الحمدانية"},
                                            {"people", 15}}));
  EXPECT_EQ(d.json["caseload"], Json::parse(R"({"open":1,"by_module":[
      {"module":"child_protection","open":1,"closed_in_period":0}]})"));
  EXPECT_EQ(d.json["distributions"], Json::parse(R"({"rounds":1,"households_collected":2,
      "by_status":[{"status":"open","rounds":1}]})"));
  EXPECT_EQ(d.json["budget"],
            Json::parse(R"([{"currency":"USD","budget":250000,"spent":1000.5}])"));
  EXPECT_EQ(d.json["projects"], Json({{"planned", 0}, {"ongoing", 1}, {"completed", 0}}));
  EXPECT_EQ(d.json["activities"], Json::parse(R"({"held":4,"by_type":[
      {"type":"awareness_session","held":1,"participants":10},
      {"type":"pfa_group","held":1,"participants":3},
      {"type":"recreational_event","held":1,"participants":6},
      {"type":"training","held":1,"participants":2}]})"));
  // Filters narrow every figure.
  const std::string project = std::to_string(s.project_id);
  EXPECT_EQ(viewer.Get("/api/v1/reports/dashboard?project_id=" + project).json["reached"]["people"],
            12);
  EXPECT_EQ(viewer.Get("/api/v1/reports/dashboard?sector=mhpss").json["reached"]["people"], 3);
  EXPECT_EQ(viewer.Get("/api/v1/reports/dashboard?pcode=IQG11").json["reached"]["people"], 6);
  EXPECT_EQ(viewer.Get("/api/v1/reports/dashboard?pcode=IQG99").ErrorFields(),
            std::vector<std::string>{"pcode"});
  EXPECT_EQ(viewer.Get("/api/v1/reports/dashboard?from=2026-13-01").status, 400);

  // The project's indicator of people reached has the same people, in the same cells.
  HttpClient me = Officer();
  HttpResponse indicator = me.Post("/api/v1/indicators", {{"project_id", s.project_id},
                                                          {"code", "P1"},
                                                          {"name", "People reached"},
                                                          {"measure", "people_reached"},
                                                          {"target", 24}});
  ASSERT_EQ(indicator.status, 201) << indicator.body;
  HttpResponse progress = viewer.Get(
      "/api/v1/indicators/" + std::to_string(indicator.json["id"].get<int64_t>()) + "/progress");
  ASSERT_EQ(progress.status, 200) << progress.body;
  EXPECT_EQ(progress.json["value"], 12);
  EXPECT_EQ(progress.json["counted"], 7);
  EXPECT_EQ(progress.json["ratio"], 0.5);
  EXPECT_EQ(Cells(progress.json["disaggregation"]), Cells(ProjectTruth(y)));

  // The internal 4W: one row per project × sector × activity × place × month, exact.
  HttpResponse csv = me.Get("/api/v1/reports/4w.csv?audience=internal");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.Header("Content-Disposition").find("4w-internal-"), std::string::npos);
  const Table internal = ParseCsv(csv.body);
  ASSERT_EQ(internal.size(), 7u) << csv.body;
  EXPECT_EQ(internal[1][0], "#org");
  EXPECT_EQ(Slice(internal[1], 13, 12),
            (std::vector<std::string>{
                "#reached+ind", "#reached+ind+f", "#reached+ind+m", "#reached+ind+age0_5",
                "#reached+ind+age6_17", "#reached+ind+age18_59", "#reached+ind+age60",
                "#reached+ind+idp", "#reached+ind+returnee", "#reached+ind+refugee",
                "#reached+ind+host", "#reached+services"}));
  const Reached father{"male", AgeGroup(1984, y), "idp"};
  const Reached mother{"female", AgeGroup(1988, y), "idp"};
  const Reached son{"male", AgeGroup(2015, y), "idp"};
  const Reached khalid{"male", AgeGroup(1979, y), "returnee"};
  const Reached zainab{"female", AgeGroup(2009, y), "returnee"};
  const Reached maryam{"female", AgeGroup(1990, y), "host"};
  struct Row {
    std::vector<std::string> where;  // project code, sector, activity, governorate, district
    std::vector<Reached> who;
    std::string times;
  };
  const Row rows[] = {
      {{"", "mhpss", "pfa_group", "IQG15", "IQG15Q03"},
       {zainab, {"female", "60+", "returnee", 2}},
       "3"},
      {{"", "protection", "recreational_event", "IQG11", "IQG11Q02"},
       {{"male", "0-5", "host", 6}},
       "6"},
      {{"PRJ-RPT", "protection", "awareness_session", "IQG15", "IQG15Q03"},
       {mother, khalid, maryam, {"female", "18-59", "idp", 4}, {"male", "6-17", "host", 3}},
       "10"},
      {{"PRJ-RPT", "protection", "training", "IQG15", "IQG15Q03"}, {father, maryam}, "2"},
      {{"PRJ-RPT", "shelter_nfi", "in_kind", "IQG15", "IQG15Q03"}, {father, mother, son}, "4"},
  };
  for (size_t i = 0; i < std::size(rows); ++i) {
    const auto& r = internal[i + 2];
    ASSERT_EQ(r.size(), 26u);
    EXPECT_EQ(r[0], kOrganisation);
    EXPECT_EQ((std::vector<std::string>{r[1], r[4], r[5], r[7], r[9]}), rows[i].where);
    EXPECT_EQ(r[3], rows[i].where[0].empty() ? "" : "ECHO");
    EXPECT_EQ(r[10], month + "-01");
    EXPECT_EQ(r[12], "ongoing");
    EXPECT_EQ(Slice(r, 13, 11), Counts(rows[i].who)) << "row " << i;
    EXPECT_EQ(r[24], rows[i].times);
    EXPECT_EQ(r[25], "INTERNAL — not for publication");
  }
  EXPECT_EQ(internal[3][6], "Erbil");
  EXPECT_EQ(internal[3][8], "Erbil");
  // Never a name, a phone or a document of a person.
  for (const char* secret : {"Jubouri", "محمد", "Maryam", "199012345678", "7501234567"}) {
    EXPECT_EQ(csv.body.find(secret), std::string::npos) << secret;
  }
  HttpResponse xlsx = me.Get("/api/v1/reports/4w.xlsx?audience=internal");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body.substr(0, 200);
  EXPECT_EQ(XlsxTable(xlsx.body, "4W INTERNAL"), internal);

  // The public 4W (the default): counts below 5 suppressed, and with them the counts that
  // would give them away by subtraction; zeros are shown.
  HttpResponse pub = me.Get("/api/v1/reports/4w.csv");
  ASSERT_EQ(pub.status, 200) << pub.body;
  EXPECT_EQ(pub.Header("Content-Disposition").find("internal"), std::string::npos);
  const Table published = ParseCsv(pub.body);
  ASSERT_EQ(published.size(), 7u);
  const std::string note = "Counts of people below 5 are not shown.";
  for (size_t i : {2u, 5u, 6u}) {  // 3, 2 and 3 people: nothing but zeros
    EXPECT_EQ(published[i][13], "") << i;
    EXPECT_EQ(published[i][24], "") << i;  // nor their times served
    EXPECT_EQ(published[i][25], note);
  }
  EXPECT_EQ(
      Slice(published[3], 13, 13),
      (std::vector<std::string>{"6", "0", "6", "6", "0", "0", "0", "0", "0", "0", "6", "6", ""}));
  EXPECT_EQ(Slice(published[4], 13, 13), (std::vector<std::string>{"10", "", "", "0", "", "", "0",
                                                                   "5", "", "0", "", "10", note}));
  EXPECT_EQ(XlsxTable(me.Get("/api/v1/reports/4w.xlsx").body, "4W"), published);

  // Exports need kExportReports and are audited.
  EXPECT_EQ(viewer.Get("/api/v1/reports/4w.csv").status, 403);
  EXPECT_EQ(As(kClerk).Get("/api/v1/reports/4w.xlsx?audience=internal").status, 403);
  EXPECT_EQ(me.Get("/api/v1/reports/4w.csv?audience=everyone").ErrorFields(),
            std::vector<std::string>{"audience"});
  HttpResponse audit = As(kAdmin).Get("/api/v1/audit?entity=report&limit=50");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.json["total"], 4);
  EXPECT_EQ(audit.json["items"][0]["action"], "export");
}

TEST_P(ReportsTest, TheDonorReportAndTheIndicatorWorkbookSuppressForThePublic) {
  const Scenario s = Build();
  HttpClient me = Officer();
  const std::string project = std::to_string(s.project_id);
  for (const Json& body : {Json{{"code", "P1"},
                                {"name", "People reached"},
                                {"measure", "people_reached"},
                                {"target", 24}},
                           Json{{"code", "P2"},
                                {"name", "Trainees who improved"},
                                {"measure", "trainees_improved"},
                                {"target", 2}},
                           Json{{"code", "P3"},
                                {"name", "Sessions held"},
                                {"measure", "activities_held"},
                                {"definition", {{"kinds", {"awareness_session"}}}}}}) {
    Json b = body;
    b["project_id"] = s.project_id;
    ASSERT_EQ(me.Post("/api/v1/indicators", b).status, 201);
  }

  HttpResponse internal = me.Get("/api/v1/projects/" + project + "/report.xlsx?audience=internal");
  ASSERT_EQ(internal.status, 200) << internal.body.substr(0, 300);
  EXPECT_NE(internal.Header("Content-Disposition").find("report-PRJ-RPT-internal-"),
            std::string::npos);
  const Table summary = XlsxTable(internal.body, "Project");
  ASSERT_GE(summary.size(), 10u);
  EXPECT_EQ(summary[1], (std::vector<std::string>{"Donor", "ECHO"}));
  EXPECT_EQ(summary[7], (std::vector<std::string>{"Budget", "250000.00"}));
  EXPECT_EQ(summary[8], (std::vector<std::string>{"Spent in the period", "1000.50"}));
  EXPECT_EQ(summary[9][1], "INTERNAL — not for publication");
  const Table spending = XlsxTable(internal.body, "Spending");
  ASSERT_EQ(spending.size(), 3u);  // header, this month, total
  EXPECT_EQ(spending[0][2], "supplies");
  EXPECT_EQ(spending[2][2], "1000.50");
  const Table indicators = XlsxTable(internal.body, "Indicators");
  ASSERT_GE(indicators.size(), 4u);
  // Code, name, measure, target, value, ratio, female 0-5 … 60+, male 0-5 … 60+.
  const std::map<std::string, int64_t> cells = Cells(ProjectTruth(s.year));
  std::vector<std::string> female_male;
  for (const char* sex : {"female", "male"}) {
    for (const char* age : {"0-5", "6-17", "18-59", "60+"}) {
      int64_t n = 0;
      for (const auto& [key, people] : cells) {
        if (key.starts_with(std::string(sex) + "/" + age + "/")) n += people;
      }
      female_male.push_back(std::to_string(n));
    }
  }
  EXPECT_EQ(
      Slice(indicators[1], 0, 6),
      (std::vector<std::string>{"P1", "People reached", "people_reached", "24", "12", "0.500"}));
  EXPECT_EQ(Slice(indicators[1], 6, 8), female_male);
  EXPECT_EQ(Slice(indicators[2], 3, 3), (std::vector<std::string>{"2", "1", "0.500"}));
  EXPECT_EQ(Slice(indicators[3], 3, 2), (std::vector<std::string>{"0", "1"}));
  const Table activities = XlsxTable(internal.body, "Activities");
  EXPECT_EQ(activities, (Table{{"Activity type", "Held", "Participants"},
                               {"awareness_session", "1", "10"},
                               {"training", "1", "2"},
                               {"All types", "2", "11"}}));
  const Table places = XlsxTable(internal.body, "Reached by governorate");
  EXPECT_EQ(places, (Table{{"Governorate", "P-code", "People reached", "Times served"},
                           {"Ninewa", "IQG15", "12", "16"},
                           {"Total", "", "12", "16"}}));

  // In public, the trainees (2) and the awareness session (10, which with the total would give
  // the 2 away) are not shown, nor is the one trainee who improved.
  HttpResponse pub = me.Get("/api/v1/projects/" + project + "/report.xlsx");
  ASSERT_EQ(pub.status, 200);
  EXPECT_EQ(XlsxTable(pub.body, "Activities"), (Table{{"Activity type", "Held", "Participants"},
                                                      {"awareness_session", "1", ""},
                                                      {"training", "1", ""},
                                                      {"All types", "2", "11"}}));
  const Table public_indicators = XlsxTable(pub.body, "Indicators");
  EXPECT_EQ(Slice(public_indicators[2], 3, 3), (std::vector<std::string>{"2", "", ""}));
  EXPECT_EQ(public_indicators[3][4], "1");  // activities are not people
  EXPECT_EQ(XlsxTable(pub.body, "Project")[9][1], "Counts of people below 5 are not shown.");

  // The indicators workbook: a sheet per project, by month at the end.
  HttpResponse workbook = me.Get("/api/v1/reports/indicators.xlsx?audience=internal");
  ASSERT_EQ(workbook.status, 200);
  const Table sheet = XlsxTable(workbook.body, "PRJ-RPT");
  ASSERT_GE(sheet.size(), 10u);
  EXPECT_EQ(sheet[3][0], "Code");  // after the title, the period and the note
  EXPECT_EQ(Slice(sheet[4], 0, 5),
            (std::vector<std::string>{"P1", "People reached", "people_reached", "24", "12"}));
  EXPECT_EQ(sheet.back().front(), "P3");
  EXPECT_EQ(LastNonEmpty(sheet.back()), "1");  // cumulative to this month

  // Another organisation's project is not found; a viewer does not export.
  EXPECT_EQ(As(kOtherSupervisor).Get("/api/v1/projects/" + project + "/report.xlsx").status, 404);
  EXPECT_EQ(As(kViewer).Get("/api/v1/projects/" + project + "/report.xlsx").status, 403);
  EXPECT_EQ(As(kViewer).Get("/api/v1/reports/indicators.xlsx").status, 403);
  HttpResponse audit = As(kAdmin).Get("/api/v1/audit?entity=report&limit=50");
  EXPECT_EQ(audit.json["total"], 3);
}

SANAD_API_TEST_SUITE(ReportsTest);

}  // namespace
}  // namespace sanad::api_test
