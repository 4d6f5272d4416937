// The public page's API (docs/programmes.md, "The public page" and "Disclosure control"): anyone
// reads it without logging in; it shows only the documented aggregates, never a person; its
// figures are those recorded (public projects only); a count below the threshold is null and no
// null can be worked out from a published total and the other published parts; and the
// server's --disclosure-threshold decides what is small.
#include <gmock/gmock.h>

#include <set>
#include <string>

#include "tests/api/public_fixtures.h"

namespace sanad::api_test {
namespace {

using testing_support::JubouriHousehold;
using testing_support::kMarkazErbil;
using testing_support::kMarkazHamdaniya;
using testing_support::ObaidiHousehold;
using testing_support::OneMemberHousehold;

constexpr char kOrganisations[] = "/api/v1/public/organisations";

std::set<std::string> Keys(const Json& j) {
  std::set<std::string> out;
  for (const auto& [k, v] : j.items()) out.insert(k);
  return out;
}

// Exactly the keys docs/programmes.md gives each public answer, at every level.
void ExpectDocumentedShape(const Json& figures, const Json& missions) {
  using S = std::set<std::string>;
  EXPECT_EQ(Keys(figures), (S{"organisation", "threshold", "period", "people_reached", "projects",
                              "volunteers", "staff", "budget", "by_sector", "by_governorate"}));
  EXPECT_EQ(Keys(figures["organisation"]), (S{"id", "name"}));
  EXPECT_EQ(Keys(figures["period"]), (S{"from", "to"}));
  EXPECT_EQ(Keys(figures["projects"]), (S{"ongoing", "completed"}));
  for (const auto& b : figures["budget"]) EXPECT_EQ(Keys(b), (S{"currency", "budget", "spent"}));
  for (const auto& s : figures["by_sector"]) EXPECT_EQ(Keys(s), (S{"sector", "people_reached"}));
  for (const auto& g : figures["by_governorate"]) {
    EXPECT_EQ(Keys(g), (S{"pcode", "name_en", "name_ar", "people_reached"}));
  }
  ASSERT_TRUE(missions.is_array());
  for (const auto& m : missions) {
    EXPECT_EQ(Keys(m), (S{"id", "name", "name_ar", "lat", "lon", "pcode", "place", "people_reached",
                          "projects", "activities"}));
    EXPECT_EQ(Keys(m["place"]), (S{"name_en", "name_ar"}));
    EXPECT_EQ(Keys(m["projects"]), (S{"ongoing", "completed"}));
    for (const auto& a : m["activities"]) {
      EXPECT_EQ(Keys(a), (S{"type", "sector", "held", "people_reached"}));
    }
  }
}

// Walks every key and string of `j`: no key about a person, a household, a phone or a case, and
// no string that is something personal we seeded.
void ExpectNothingPersonal(const Json& j, const std::set<std::string>& personal,
                           const std::string& where) {
  static constexpr std::string_view kForbidden[] = {
      "person", "household", "phone", "case",     "given",      "family",  "father",
      "birth",  "document",  "latin", "username", "staff_name", "survivor"};
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      for (std::string_view f : kForbidden) {
        EXPECT_EQ(k.find(f), std::string::npos) << where << " has key " << k;
      }
      ExpectNothingPersonal(v, personal, where + "." + k);
    }
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) {
      ExpectNothingPersonal(j[i], personal, where + "[" + std::to_string(i) + "]");
    }
  } else if (j.is_string()) {
    EXPECT_FALSE(personal.contains(j.get<std::string>())) << where << " = " << j;
  }
}

// Every string of a household's members that names or reaches a person.
void CollectPersonal(const Json& household, std::set<std::string>* out) {
  if (household.contains("phone") && household["phone"].is_string())
    out->insert(household["phone"]);
  for (const auto& m : household.value("members", Json::array())) {
    for (const char* k :
         {"given_name", "father_name", "grandfather_name", "family_name", "name_latin", "phone"}) {
      if (m.contains(k) && m[k].is_string() && !m[k].get<std::string>().empty()) out->insert(m[k]);
    }
  }
}

std::vector<int64_t> MemberIds(const Json& household) {
  std::vector<int64_t> out;
  for (const auto& m : household.value("members", Json::array())) out.push_back(m["id"]);
  return out;
}

class PublicTest : public PublicApiTest {};

TEST_P(PublicTest, AnyoneReadsThePublicPageWithoutLoginAndNeverSeesAPerson) {
  HttpClient clerk = As(kClerk);
  const int64_t org = OrganisationOf(kClerk);
  const int64_t other_org = OrganisationOf(kOtherClerk);
  std::set<std::string> personal;
  std::vector<int64_t> people;
  for (const Json& body :
       {JubouriHousehold(), ObaidiHousehold(), OneMemberHousehold("Maryam Marker One"),
        OneMemberHousehold("Maryam Marker Two", kMarkazErbil),
        OneMemberHousehold("Maryam Marker Three")}) {
    const Json h = Create(clerk, body);
    ASSERT_TRUE(h.is_object());
    CollectPersonal(h, &personal);
    for (int64_t id : MemberIds(h)) people.push_back(id);
  }
  ASSERT_EQ(people.size(), 8U);

  // Before any public office, nobody is listed and the organisation is not found.
  EXPECT_EQ(PublicGet(kOrganisations), Json::array());
  HttpClient anonymous = server().Client();
  EXPECT_EQ(anonymous.Get(FiguresPath(org)).status, 404);

  const int64_t erbil =
      AddOffice(org, {.name = "Erbil office", .pcode = "IQG11Q02", .lat = 36.19, .lon = 44.01});
  const int64_t hidden =
      AddOffice(org, {.name = "Back office", .pcode = "IQG11Q02", .is_public = false});
  AddOffice(org, {.name = "Closed office", .pcode = "IQG15Q03", .active = false});
  AddOffice(other_org, {.name = "Tigris office", .pcode = "IQG15Q03", .is_public = false});
  const int64_t open =
      AddProject(org, {.code = "PRJ-OPEN", .office_id = erbil, .budget = 25'000'000});
  const int64_t closed =
      AddProject(org, {.code = "PRJ-INTERNAL", .office_id = erbil, .is_public = false});
  AddStaff(org, erbil, "staff", "Hassan the Driver", "07501239999");
  for (int i = 0; i < 6; ++i) {
    AddStaff(org, erbil, "volunteer", "Volunteer " + std::to_string(i),
             "0770000000" + std::to_string(i));
  }
  AddStaff(org, hidden, "staff", "Back Office Clerk", "07509998877");
  for (const char* s : {"Hassan the Driver", "07501239999", "Back Office Clerk", "07509998877"}) {
    personal.insert(s);
  }
  const int64_t session = AddActivity(org, {.project_id = open,
                                            .office_id = erbil,
                                            .type = "pfa_group",
                                            .sector = "mhpss",
                                            .pcode = kMarkazErbil,
                                            .starts_on = "2026-03-02"});
  Served({.organisation_id = org,
          .project_id = open,
          .office_id = erbil,
          .sector = "mhpss",
          .source = "activity",
          .source_id = session,
          .kind = "pfa_group",
          .pcode = kMarkazErbil,
          .served_on = "2026-03-02"},
         people);
  // People of a project that is not public are not counted.
  Served({.organisation_id = org,
          .project_id = closed,
          .office_id = erbil,
          .sector = "protection",
          .source = "collection",
          .source_id = 1,
          .kind = "in_kind",
          .pcode = kMarkazHamdaniya,
          .served_on = "2026-03-03"},
         people);

  // Listed, found, and every answer is anonymous, documented and impersonal.
  EXPECT_EQ(PublicGet(kOrganisations),
            Json::parse(R"([{"id": )" + std::to_string(org) + R"(, "name": "Demo Relief"}])"));
  const Json figures = PublicGet(FiguresPath(org, "?year=2026"));
  const Json missions = PublicGet(MissionsPath(org));
  ExpectDocumentedShape(figures, missions);
  ExpectNothingPersonal(PublicGet(kOrganisations), personal, "organisations");
  ExpectNothingPersonal(figures, personal, "figures");
  ExpectNothingPersonal(missions, personal, "missions");
  EXPECT_EQ(figures["people_reached"], 8);
  EXPECT_EQ(figures["by_sector"], Json::parse(R"([{"sector": "mhpss", "people_reached": 8}])"));
  EXPECT_EQ(figures["staff"], nullptr);  // one staff member: a count of people below 5
  EXPECT_EQ(figures["volunteers"], 6);
  EXPECT_EQ(figures["budget"],
            Json::parse(R"([{"currency": "USD", "budget": 250000, "spent": 0}])"));
  ASSERT_EQ(missions.size(), 1U);  // not the back office, not the closed one
  EXPECT_EQ(missions[0]["id"], erbil);
  EXPECT_EQ(missions[0]["name"], "Erbil office");
  EXPECT_EQ(missions[0]["lat"], 36.19);
  EXPECT_EQ(missions[0]["place"]["name_en"], "Erbil");
  EXPECT_EQ(missions[0]["people_reached"], 8);
  EXPECT_EQ(missions[0]["activities"],
            Json::parse(R"([{"type": "pfa_group", "sector": "mhpss", "held": 1,
                             "people_reached": 8}])"));

  // A logged-in client's cookie changes nothing, and no CSRF token is asked for.
  EXPECT_EQ(clerk.Get(FiguresPath(org, "?year=2026")).json, figures);
  // Unknown, non-public and malformed organisations are 404; a bad year is 400.
  EXPECT_EQ(anonymous.Get(FiguresPath(other_org)).status, 404);
  EXPECT_EQ(anonymous.Get(MissionsPath(other_org)).status, 404);
  EXPECT_EQ(anonymous.Get(FiguresPath(999999)).status, 404);
  EXPECT_EQ(anonymous.Get(std::string(kOrganisations) + "/abc/missions").status, 404);
  HttpResponse bad_year = anonymous.Get(FiguresPath(org, "?year=twenty"));
  EXPECT_EQ(bad_year.status, 400) << bad_year.body;
  EXPECT_THAT(bad_year.ErrorFields(), ::testing::ElementsAre("year"));
  EXPECT_EQ(anonymous.Get(FiguresPath(org, "?year=0")).status, 400);
  // Without a year: the current one.
  const Json now = PublicGet(FiguresPath(org));
  EXPECT_THAT(now["period"]["from"].get<std::string>(), ::testing::EndsWith("-01-01"));
  // Reading is all there is.
  EXPECT_EQ(anonymous.Post(FiguresPath(org), Json::object()).status, 405);
}

// The doc's example in figures: 12 women at a PFA group and 3 men at an awareness session. The 3
// is below the threshold, and hiding it alone would leave 15 - 12 = 3: the 12 goes too.
TEST_P(PublicTest, FiguresAreWhatWasRecordedWithSmallCountsHidden) {
  HttpClient clerk = As(kClerk);
  const int64_t org = OrganisationOf(kClerk);
  const Json jubouri = Create(clerk, JubouriHousehold());
  ASSERT_TRUE(jubouri.is_object());
  const int64_t office = AddOffice(org, {.name = "Qaraqosh office", .pcode = "IQG15Q03"});
  const int64_t back =
      AddOffice(org, {.name = "Back office", .pcode = "IQG15Q03", .is_public = false});
  const int64_t ongoing = AddProject(
      org, {.code = "PRJ-26", .office_id = office, .ends_on = "2026-12-31", .budget = 25'000'000});
  const int64_t completed = AddProject(org, {.code = "PRJ-25",
                                             .office_id = office,
                                             .status = "completed",
                                             .starts_on = "2025-02-01",
                                             .ends_on = "2026-02-28",
                                             .currency = "IQD",
                                             .budget = 50'000'000});
  AddProject(org, {.code = "PRJ-PLAN", .office_id = office, .status = "planned"});
  AddProject(org, {.code = "PRJ-24",
                   .office_id = office,
                   .status = "completed",
                   .starts_on = "2024-01-01",
                   .ends_on = "2024-12-31",
                   .budget = 900});
  const int64_t internal =
      AddProject(org, {.code = "PRJ-INT", .office_id = office, .is_public = false});
  AddExpenditure(org, ongoing, "2026-02-01", 8'000'000);
  AddExpenditure(org, ongoing, "2026-03-01", 31'250);
  AddExpenditure(org, ongoing, "2026-03-02", 100'000, /*voided=*/true);
  AddExpenditure(org, completed, "2025-12-01", 1'000'000);
  AddExpenditure(org, completed, "2026-01-15", 2'500'000);
  for (int i = 0; i < 7; ++i) AddStaff(org, office, "staff", "Staff " + std::to_string(i), "");
  for (int i = 0; i < 4; ++i)
    AddStaff(org, office, "volunteer", "Volunteer " + std::to_string(i), "");
  AddStaff(org, office, "volunteer", "Gone", "", /*active=*/false);
  for (int i = 0; i < 3; ++i) AddStaff(org, back, "staff", "Back " + std::to_string(i), "");

  const int64_t pfa = AddActivity(org, {.project_id = ongoing,
                                        .office_id = office,
                                        .type = "pfa_group",
                                        .sector = "mhpss",
                                        .pcode = kMarkazHamdaniya,
                                        .starts_on = "2026-03-02"});
  const int64_t talk = AddActivity(org, {.project_id = ongoing,
                                         .office_id = office,
                                         .type = "awareness_session",
                                         .sector = "protection",
                                         .pcode = kMarkazErbil,
                                         .starts_on = "2026-04-10"});
  AddActivity(org, {.project_id = ongoing,
                    .office_id = office,
                    .type = "awareness_session",
                    .sector = "protection",
                    .pcode = kMarkazErbil,
                    .starts_on = "2026-05-10",
                    .status = "planned"});
  const int64_t hidden = AddActivity(org, {.project_id = internal,
                                           .office_id = office,
                                           .type = "class",
                                           .sector = "education",
                                           .pcode = kMarkazErbil,
                                           .starts_on = "2026-04-01"});
  auto at = [&](int64_t activity, const char* type, const char* sector, const char* pcode,
                const char* day, int64_t project) {
    return store::ServiceRecordBase{.organisation_id = org,
                                    .project_id = project,
                                    .office_id = office,
                                    .sector = sector,
                                    .source = "activity",
                                    .source_id = activity,
                                    .kind = type,
                                    .pcode = pcode,
                                    .served_on = day};
  };
  Counted(at(pfa, "pfa_group", "mhpss", kMarkazHamdaniya, "2026-03-02", ongoing), "female", "18-59",
          "idp", 12);
  Counted(at(talk, "awareness_session", "protection", kMarkazErbil, "2026-04-10", ongoing), "male",
          "18-59", "host", 3);
  Counted(at(hidden, "class", "education", kMarkazErbil, "2026-04-01", internal), "female", "6-17",
          "idp", 40);
  // Last year: a distribution of the completed project to the Jubouri family (3 people).
  Served({.organisation_id = org,
          .project_id = completed,
          .office_id = office,
          .sector = "food_security",
          .source = "collection",
          .source_id = 1,
          .kind = "in_kind",
          .pcode = kMarkazHamdaniya,
          .served_on = "2025-06-01"},
         MemberIds(jubouri));

  auto check_2026 = [&](int64_t threshold) {
    const Json f = PublicGet(FiguresPath(org, "?year=2026"));
    const bool small = threshold > 3;
    EXPECT_EQ(f["threshold"], threshold);
    EXPECT_EQ(f["period"], Json::parse(R"({"from": "2026-01-01", "to": "2026-12-31"})"));
    EXPECT_EQ(f["people_reached"], 15);
    EXPECT_EQ(f["by_sector"], Json::parse(small ? R"([{"sector": "mhpss", "people_reached": null},
        {"sector": "protection", "people_reached": null}])"
                                                : R"([{"sector": "mhpss", "people_reached": 12},
        {"sector": "protection", "people_reached": 3}])"));
    ASSERT_EQ(f["by_governorate"].size(), 2U);
    EXPECT_EQ(f["by_governorate"][0]["pcode"], "IQG11");
    EXPECT_EQ(f["by_governorate"][0]["name_en"], "Erbil");
    EXPECT_EQ(f["by_governorate"][0]["people_reached"], small ? Json() : Json(3));
    EXPECT_EQ(f["by_governorate"][1]["pcode"], "IQG15");
    EXPECT_EQ(f["by_governorate"][1]["people_reached"], small ? Json() : Json(12));
    EXPECT_EQ(f["projects"], Json::parse(R"({"ongoing": 1, "completed": 1})"));
    EXPECT_EQ(f["staff"], 7);
    EXPECT_EQ(f["volunteers"], small ? Json() : Json(4));
    EXPECT_EQ(f["budget"],
              Json::parse(R"([{"currency": "IQD", "budget": 50000000, "spent": 2500000},
        {"currency": "USD", "budget": 250000, "spent": 80312.5}])"));

    const Json m = PublicGet(MissionsPath(org));
    ASSERT_EQ(m.size(), 1U);
    EXPECT_EQ(m[0]["name"], "Qaraqosh office");
    EXPECT_EQ(m[0]["place"]["name_en"], "Al-Hamdaniya");
    EXPECT_GT(m[0]["lat"].get<double>(), 29);  // the district's label point
    EXPECT_EQ(m[0]["people_reached"], 18);     // all time: 12 + 3 + the 3 of 2025
    EXPECT_EQ(m[0]["projects"], Json::parse(R"({"ongoing": 1, "completed": 2})"));
    EXPECT_EQ(m[0]["activities"], Json::parse(small ? R"([
        {"type": "awareness_session", "sector": "protection", "held": 1, "people_reached": null},
        {"type": "pfa_group", "sector": "mhpss", "held": 1, "people_reached": null}])"
                                                    : R"([
        {"type": "awareness_session", "sector": "protection", "held": 1, "people_reached": 3},
        {"type": "pfa_group", "sector": "mhpss", "held": 1, "people_reached": 12}])"));
  };
  check_2026(5);
  const Json last_year = PublicGet(FiguresPath(org, "?year=2025"));
  EXPECT_EQ(last_year["people_reached"], nullptr);
  EXPECT_EQ(last_year["by_sector"],
            Json::parse(R"([{"sector": "food_security", "people_reached": null}])"));
  EXPECT_EQ(last_year["projects"], Json::parse(R"({"ongoing": 0, "completed": 1})"));
  EXPECT_EQ(last_year["budget"],
            Json::parse(R"([{"currency": "IQD", "budget": 50000000, "spent": 1000000}])"));

  // The server's threshold decides what is small; below 2 it does not start.
  server().Stop();
  server().set_serve_args({"--disclosure-threshold", "3"});
  server().Start();
  check_2026(3);
  EXPECT_EQ(PublicGet(FiguresPath(org, "?year=2025"))["people_reached"], 3);
  server().Stop();
  server().set_serve_args({"--disclosure-threshold", "1"});
  EXPECT_THROW(server().Start(), std::runtime_error);
  EXPECT_THAT(server().Output(), ::testing::HasSubstr("--disclosure-threshold"));
}

SANAD_API_TEST_SUITE(PublicTest);

}  // namespace
}  // namespace sanad::api_test
