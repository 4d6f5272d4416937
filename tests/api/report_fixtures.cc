#include "tests/api/report_fixtures.h"

#include <ctime>

#include "io/csv_reader.h"
#include "tests/api/case_fixtures.h"

namespace sanad::api_test {
namespace {

using testing_support::kBartilla;
using testing_support::kHamdaniya;
using testing_support::kMarkazErbil;
using testing_support::kMarkazHamdaniya;
using testing_support::LatinJubouri;

std::string Today() {
  const std::time_t now = std::time(nullptr);
  char out[11];
  std::strftime(out, sizeof out, "%Y-%m-%d", std::gmtime(&now));
  return out;
}

int64_t IdOf(const Json& j) { return j.is_object() ? j.value("id", int64_t{0}) : 0; }

Json Count(const char* sex, const char* age, const char* group, int n) {
  return {{"sex", sex}, {"age_group", age}, {"population_group", group}, {"count", n}};
}

}  // namespace

HttpClient ReportApiTest::Officer() {
  if (!officer_added_) {
    server().AddUser(kReportOfficer, "me_officer", kOrganisation, kPassword);
    officer_added_ = true;
  }
  return server().LoggedIn(kReportOfficer, kPassword);
}

ReportApiTest::Scenario ReportApiTest::Build() {
  Scenario s{.today = Today()};
  s.year = std::stoi(s.today.substr(0, 4));
  const std::string year = s.today.substr(0, 4);
  HttpClient me = Officer();
  HttpClient clerk = As(kClerk);
  HttpClient boss = As(kSupervisor);

  HttpResponse project = me.Post("/api/v1/projects", {{"code", "PRJ-RPT"},
                                                      {"name", "Protection and shelter"},
                                                      {"donor", "ECHO"},
                                                      {"sectors", {"protection", "shelter_nfi"}},
                                                      {"status", "ongoing"},
                                                      {"starts_on", year + "-01-01"},
                                                      {"ends_on", year + "-12-31"},
                                                      {"places", {kHamdaniya}},
                                                      {"currency", "USD"},
                                                      {"budget", 250000}});
  EXPECT_EQ(project.status, 201) << project.body;
  s.project_id = IdOf(project.json);
  HttpResponse spent = me.Post("/api/v1/projects/" + std::to_string(s.project_id) + "/expenditures",
                               {{"spent_on", s.today},
                                {"amount", 1000.5},
                                {"category", "supplies"},
                                {"description", "Kits"}});
  EXPECT_EQ(spent.status, 201) << spent.body;

  // The registry: the Jubouri family (IDPs), Mohammed again, the Obaidi family (returnees),
  // Maryam (host community).
  const Json jubouri = Create(clerk, testing_support::JubouriHousehold());
  const Json latin = Create(clerk, LatinJubouri());
  const Json obaidi = Create(clerk, testing_support::ObaidiHousehold());
  const Json maryam = Create(
      clerk, testing_support::OneMemberHousehold("Maryam Yousif", kBartilla, "host_community"));
  s.father = IdOf(jubouri["members"][0]);
  s.mother = IdOf(jubouri["members"][1]);
  s.son = IdOf(jubouri["members"][2]);
  s.twin = IdOf(latin["members"][0]);
  s.khalid = IdOf(obaidi["members"][0]);
  s.zainab = IdOf(obaidi["members"][1]);
  s.maryam = IdOf(maryam["members"][0]);

  // A round of the project: the Jubouri family and Mohammed's second registration collect.
  const StockedItem kits = Stock(boss, "NFI-KIT", 20);
  Json body = InKindBody(kits, 1);
  body["project_id"] = s.project_id;
  body["sector"] = "shelter_nfi";
  body["starts_on"] = s.today;
  body["ends_on"] = s.today;
  const Json round = OpenRound(boss, body);
  s.round_id = IdOf(round);
  for (const Json& h : {jubouri, latin}) {
    HttpResponse r = clerk.Post(PathOf(round) + "/collections",
                                {{"household_id", h["id"]}, {"collector", "head"}});
    EXPECT_EQ(r.status, 201) << r.body;
  }

  // Activities: two of the project, two outside it.
  const auto activity = [&](Json a, const Json& people, const Json& counts) {
    a["starts_on"] = s.today;
    a["status"] = "done";
    a["title"] = "Session " + a["type"].get<std::string>();
    HttpResponse created = me.Post("/api/v1/activities", a);
    EXPECT_EQ(created.status, 201) << created.body;
    const int64_t id = IdOf(created.json);
    HttpResponse saved = me.Send(
        "PUT", "/api/v1/activities/" + std::to_string(id) + "/attendance",
        Json{{"version", created.json["version"]}, {"people", people}, {"counts", counts}}.dump(),
        {});
    EXPECT_EQ(saved.status, 200) << saved.body;
    return id;
  };
  s.awareness =
      activity({{"project_id", s.project_id},
                {"type", "awareness_session"},
                {"sector", "protection"},
                {"pcode", kBartilla}},
               {{{"person_id", s.mother}}, {{"person_id", s.khalid}}, {{"person_id", s.maryam}}},
               {Count("female", "18-59", "idp", 4), Count("male", "6-17", "host", 3)});
  s.training = activity({{"project_id", s.project_id},
                         {"type", "training"},
                         {"sector", "protection"},
                         {"pcode", kBartilla},
                         {"trainee_organisation", "Directorate of Education"}},
                        {{{"person_id", s.father}, {"pre_score", 40}, {"post_score", 75}},
                         {{"person_id", s.maryam}, {"pre_score", 50}, {"post_score", 45}}},
                        Json::array());
  s.pfa = activity({{"type", "pfa_group"}, {"sector", "mhpss"}, {"pcode", kMarkazHamdaniya}},
                   Json::array({{{"person_id", s.zainab}}}),
                   Json::array({Count("female", "60+", "returnee", 2)}));
  s.event =
      activity({{"type", "recreational_event"}, {"sector", "protection"}, {"pcode", kMarkazErbil}},
               Json::array(), Json::array({Count("male", "0-5", "host", 6)}));

  // A child protection case about the son (caseload only: no service, no record).
  HttpClient cp = As(kCpWorker);
  OpenCase(cp, {{"module", "child_protection"},
                {"risk", "medium"},
                {"people", {s.son}},
                {"details", {{"separation", "separated"}}}});

  // Mohammed registered twice is one person.
  HttpClient admin = As(kAdmin);
  const Json g = DedupGroupOf(admin, s.father, s.twin);
  EXPECT_TRUE(g.is_object()) << "deduplication did not propose the two registrations";
  if (g.is_object()) {
    HttpResponse merged =
        admin.Post("/api/v1/dedup/groups/" + std::to_string(g["id"].get<int64_t>()) + "/decision",
                   {{"decision", "same_person"}, {"keep", s.father}, {"version", g["version"]}});
    EXPECT_EQ(merged.status, 200) << merged.body;
  }
  return s;
}

std::string ReportApiTest::AgeGroup(int birth_year, int year) {
  const int age = year - birth_year;
  if (age <= 5) return "0-5";
  if (age <= 17) return "6-17";
  if (age <= 59) return "18-59";
  return "60+";
}

std::vector<Reached> ReportApiTest::ProjectTruth(int year) {
  return {
      {"male", AgeGroup(1984, year), "idp"},       // the father (and his second registration)
      {"female", AgeGroup(1988, year), "idp"},     // the mother
      {"male", AgeGroup(2015, year), "idp"},       // the son
      {"male", AgeGroup(1979, year), "returnee"},  // Khalid
      {"female", AgeGroup(1990, year), "host"},    // Maryam
      {"female", "18-59", "idp", 4},               // counted at the awareness session
      {"male", "6-17", "host", 3},
  };
}

std::vector<Reached> ReportApiTest::OrganisationTruth(int year) {
  std::vector<Reached> out = ProjectTruth(year);
  out.push_back({"female", AgeGroup(2009, year), "returnee"});  // Zainab, at the PFA group
  out.push_back({"female", "60+", "returnee", 2});              // counted there
  out.push_back({"male", "0-5", "host", 6});                    // counted at the event
  return out;
}

std::map<std::string, int64_t> ReportApiTest::Cells(const std::vector<Reached>& truth) {
  std::map<std::string, int64_t> out;
  for (const Reached& r : truth) {
    out[r.sex + "/" + r.age_group + "/" + r.population_group] += r.people;
  }
  return out;
}

std::map<std::string, int64_t> ReportApiTest::Cells(const Json& disaggregation) {
  std::map<std::string, int64_t> out;
  for (const Json& c : disaggregation) {
    const std::string key = c["sex"].get<std::string>() + "/" + c["age_group"].get<std::string>() +
                            "/" + c["population_group"].get<std::string>();
    out[key] += c.contains("value") ? c["value"].get<int64_t>() : c["people"].get<int64_t>();
  }
  return out;
}

std::vector<std::vector<std::string>> ReportApiTest::ParseCsv(const std::string& body) {
  std::string_view text = body;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  io::CsvReader reader("4w.csv", text);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> fields;
  while (reader.Next(&fields)) out.push_back(fields);
  EXPECT_TRUE(reader.status().ok()) << reader.status().ToString();
  return out;
}

}  // namespace sanad::api_test
