// Offices, projects with their budget and expenditures, and the staff roster through the API:
// managers (admin, supervisor, M&E officer) maintain them; every role of the organisation reads
// offices and projects; only managers see the roster (names and phones), everyone else sees its
// counts on the office; another organisation's records are not found. Names and codes are
// unique in the organisation, money is read exactly in the project's currency, `spent` adds up
// the lines that are not voided, stale edits are refused and bad fields are named.
#include <gmock/gmock.h>

#include "tests/api/programme_fixtures.h"

namespace sanad::api_test {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

std::string Expenditures(int64_t project) {
  return std::string(kProjects) + "/" + std::to_string(project) + "/expenditures";
}

class ProgrammesTest : public ProgrammeTest {};

TEST_P(ProgrammesTest, AnMeOfficerRunsOfficesAndAProjectsBudgetInEuros) {
  HttpClient me = MeOfficer();
  // An office with its own point, one drawn at its place's point, and their rules.
  HttpResponse created = me.Post(kOffices, ErbilOffice());
  ASSERT_EQ(created.status, 201) << created.body;
  const Json erbil = created.json;
  EXPECT_EQ(created.Header("Location"), PathOf(kOffices, IdOf(erbil)));
  EXPECT_EQ(erbil["place"]["name_en"], "Markaz Erbil");
  EXPECT_EQ(erbil["lat"], 36.19);
  EXPECT_EQ(erbil["own_point"], true);
  EXPECT_EQ(erbil["public"], true);
  EXPECT_EQ(erbil["counts"], Json({{"staff", 0}, {"volunteers", 0}}));
  const Json qaraqosh = Add(me, kOffices,
                            {{"name", "Qaraqosh office"},
                             {"pcode", testing_support::kMarkazHamdaniya},
                             {"public", false}});
  EXPECT_EQ(qaraqosh["own_point"], false);
  EXPECT_NEAR(qaraqosh["lat"].get<double>(), 36.275, 0.001);  // Markaz Al-Hamdaniya
  HttpResponse twin = me.Post(kOffices, {{"name", "  ERBIL   office"}, {"pcode", "IQG11"}});
  EXPECT_EQ(twin.status, 409) << twin.body;
  EXPECT_THAT(twin.ErrorFields(), ElementsAre("name"));
  HttpResponse half = me.Post(kOffices, {{"name", "Duhok"}, {"pcode", "IQG09"}, {"lat", 36.8}});
  EXPECT_EQ(half.status, 422) << half.body;
  EXPECT_THAT(half.ErrorFields(), ElementsAre("lon"));
  HttpResponse paris = me.Post(
      kOffices, {{"name", "Paris"}, {"pcode", "IQG99"}, {"lat", 48.85}, {"lon", 2.35}, {"x", 1}});
  EXPECT_EQ(paris.status, 422) << paris.body;
  EXPECT_THAT(paris.ErrorFields(), UnorderedElementsAre("x"));  // types first, then the rules
  paris = me.Post(kOffices, {{"name", "Paris"}, {"pcode", "IQG99"}, {"lat", 48.85}, {"lon", 2.35}});
  EXPECT_THAT(paris.ErrorFields(), UnorderedElementsAre("pcode", "lat", "lon"));
  HttpResponse stale = me.Patch(PathOf(kOffices, IdOf(erbil)), {{"version", 5}, {"name", "x"}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_THAT(stale.ErrorFields(), ElementsAre("version"));
  HttpResponse cleared =
      me.Patch(PathOf(kOffices, IdOf(erbil)), {{"version", 1}, {"lat", nullptr}, {"lon", nullptr}});
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_EQ(cleared.json["own_point"], false);
  EXPECT_EQ(cleared.json["version"], 2);
  EXPECT_EQ(me.Get(std::string(kOffices) + "?q=erbil").json["total"], 1);
  // Found by its Arabic name too, written without the hamza.
  EXPECT_EQ(
      me.Get(std::string(kOffices) + "?q=" + testing_support::UrlEncode("اربيل")).json["total"], 1);

  // A project in euros from Erbil, working in Al-Hamdaniya.
  created = me.Post(kProjects, EchoProject(IdOf(erbil)));
  ASSERT_EQ(created.status, 201) << created.body;
  const int64_t project = IdOf(created.json);
  EXPECT_EQ(created.json["office"], Json({{"id", IdOf(erbil)}, {"name", "Erbil office"}}));
  EXPECT_EQ(created.json["places"],
            Json::array(
                {{{"pcode", "IQG15Q03"}, {"name_en", "Al-Hamdaniya"}, {"name_ar", "الحمدانية"}}}));
  EXPECT_EQ(created.json["budget"], 250000);
  EXPECT_EQ(created.json["spent"], 0);
  EXPECT_EQ(created.json["spent_ratio"], 0.0);
  EXPECT_EQ(created.json["over_budget"], false);
  EXPECT_THAT(me.Post(kProjects, EchoProject()).ErrorFields(), ElementsAre("code"));  // 409
  Json bad = EchoProject();
  bad["code"] = "PRJ 25!";
  bad["name"] = "";
  bad["sectors"] = Json::array();
  bad["ends_on"] = "2025-12-31";
  bad["budget"] = 1000.005;
  bad["office_id"] = 999;
  HttpResponse refused = me.Post(kProjects, bad);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_THAT(refused.ErrorFields(),
              UnorderedElementsAre("code", "name", "sectors", "ends_on", "budget", "office_id"));

  // Expenditures: read exactly, newest first, voided ones kept and marked.
  HttpResponse fuel = me.Post(Expenditures(project), {{"spent_on", "2026-02-01"},
                                                      {"amount", 312.5},
                                                      {"category", "transport"},
                                                      {"description", "Fuel for the mobile team"}});
  ASSERT_EQ(fuel.status, 201) << fuel.body;
  EXPECT_EQ(fuel.json["amount"], 312.5);
  EXPECT_EQ(fuel.json["created_by"]["username"], kMeOfficer);
  EXPECT_EQ(fuel.json["voided"], false);
  Add(me, Expenditures(project),
      {{"spent_on", "2026-03-01"}, {"amount", 80000}, {"category", "staff"}});
  HttpResponse cents =
      me.Post(Expenditures(project),
              {{"spent_on", "2026-03-02"}, {"amount", 10.001}, {"category", "lunch"}});
  EXPECT_EQ(cents.status, 422) << cents.body;
  EXPECT_THAT(cents.ErrorFields(), UnorderedElementsAre("amount", "category"));
  EXPECT_THAT(me.Post(Expenditures(project),
                      {{"spent_on", "2026-03-02"}, {"amount", 0}, {"category", "other"}})
                  .ErrorFields(),
              ElementsAre("amount"));
  Json read = me.Get(PathOf(kProjects, project)).json;
  EXPECT_EQ(read["spent"], 80312.5);
  EXPECT_EQ(read["spent_ratio"], 0.321);
  const std::string void_path =
      Expenditures(project) + "/" + std::to_string(IdOf(fuel.json)) + "/void";
  EXPECT_THAT(me.Post(void_path, Json::object()).ErrorFields(), ElementsAre("reason"));
  HttpResponse voided = me.Post(void_path, {{"reason", "entered twice"}});
  ASSERT_EQ(voided.status, 200) << voided.body;
  EXPECT_EQ(voided.json["voided"], true);
  EXPECT_EQ(voided.json["void_reason"], "entered twice");
  EXPECT_EQ(me.Post(void_path, {{"reason", "again"}}).status, 409);
  HttpResponse lines = me.Get(Expenditures(project));
  ASSERT_EQ(lines.status, 200) << lines.body;
  EXPECT_EQ(lines.json["total"], 2);
  EXPECT_EQ(lines.json["items"][0]["spent_on"], "2026-03-01");
  EXPECT_EQ(lines.json["items"][1]["voided"], true);
  read = me.Get(PathOf(kProjects, project)).json;
  EXPECT_EQ(read["spent"], 80000);

  // Once money is recorded the currency stays; spending over the budget is allowed and flagged.
  HttpResponse dollars =
      me.Patch(PathOf(kProjects, project), {{"version", 1}, {"currency", "USD"}});
  EXPECT_EQ(dollars.status, 422) << dollars.body;
  EXPECT_THAT(dollars.ErrorFields(), ElementsAre("currency"));
  HttpResponse smaller = me.Patch(PathOf(kProjects, project),
                                  {{"version", 1}, {"budget", 50000.5}, {"status", "completed"}});
  ASSERT_EQ(smaller.status, 200) << smaller.body;
  EXPECT_EQ(smaller.json["over_budget"], true);
  EXPECT_EQ(smaller.json["budget"], 50000.5);
  EXPECT_EQ(me.Patch(PathOf(kProjects, project), {{"version", 1}, {"name", "x"}}).status, 409);
  // A completed project still takes late expenditures.
  Add(me, Expenditures(project),
      {{"spent_on", "2027-01-10"}, {"amount", 99.99}, {"category", "supplies"}});

  // The list filters by status, sector, office, place (under and over) and words.
  const Json wash = Add(me, kProjects,
                        {{"code", "BHA-WASH-01"},
                         {"name", "Water trucking in Bartilla"},
                         {"donor", "BHA"},
                         {"sectors", {"wash"}},
                         {"status", "planned"},
                         {"starts_on", "2026-05-01"},
                         {"places", {testing_support::kBartilla}},
                         {"currency", "USD"},
                         {"budget", 120000}});
  const auto ids = [&](const std::string& query) {
    return ListIds(me, std::string(kProjects) + "?" + query);
  };
  EXPECT_THAT(ids(""), ElementsAre(IdOf(wash), project));  // newest start first
  EXPECT_THAT(ids("status=completed"), ElementsAre(project));
  EXPECT_THAT(ids("sector=wash"), ElementsAre(IdOf(wash)));
  EXPECT_THAT(ids("office_id=" + std::to_string(IdOf(erbil))), ElementsAre(project));
  EXPECT_THAT(ids("pcode=IQG15"), ElementsAre(IdOf(wash), project));
  EXPECT_THAT(ids("pcode=IQG15Q03N02"), ElementsAre(IdOf(wash), project));  // the district's too
  EXPECT_THAT(ids("pcode=IQG15Q03N03"), ElementsAre(project));
  EXPECT_THAT(ids("q=trucking"), ElementsAre(IdOf(wash)));
  EXPECT_THAT(ids("q=echo"), ElementsAre(project));
  EXPECT_EQ(me.Get(std::string(kProjects) + "?sector=sports").status, 400);

  HttpResponse audit =
      As(kSupervisor).Get("/api/v1/audit?entity=project&id=" + std::to_string(project));
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.json["total"], 2);  // created, budget and status changed
  EXPECT_EQ(As(kSupervisor).Get("/api/v1/audit?entity=expenditure").json["total"], 4);
}

TEST_P(ProgrammesTest, EveryRoleReadsOnlyManagersWriteAndOtherOrganisationsSeeNothing) {
  HttpClient admin = As(kAdmin);
  const int64_t office = IdOf(Add(admin, kOffices, ErbilOffice()));
  HttpClient boss = As(kSupervisor);
  const int64_t project = IdOf(Add(boss, kProjects, EchoProject(office)));
  ASSERT_GT(project, 0);
  for (const char* who : {kViewer, kClerk, kGbvWorker}) {
    HttpClient c = As(who);
    EXPECT_EQ(c.Get(PathOf(kOffices, office)).status, 200) << who;
    EXPECT_EQ(c.Get(kOffices).json["total"], 1) << who;
    EXPECT_EQ(c.Get(PathOf(kProjects, project)).json["budget"], 250000) << who;
    EXPECT_EQ(c.Get(Expenditures(project)).status, 200) << who;
    EXPECT_EQ(c.Post(kOffices, {{"name", "Mine"}, {"pcode", "IQG11"}}).status, 403) << who;
    EXPECT_EQ(c.Patch(PathOf(kOffices, office), {{"version", 1}, {"name", "x"}}).status, 403)
        << who;
    Json mine = EchoProject();
    mine["code"] = "MINE";
    EXPECT_EQ(c.Post(kProjects, mine).status, 403) << who;
    EXPECT_EQ(c.Patch(PathOf(kProjects, project), {{"version", 1}, {"name", "x"}}).status, 403)
        << who;
    EXPECT_EQ(c.Post(Expenditures(project),
                     {{"spent_on", "2026-02-01"}, {"amount", 5}, {"category", "other"}})
                  .status,
              403)
        << who;
    // The roster holds names and phones: managers only.
    EXPECT_EQ(c.Get(kStaff).status, 403) << who;
    EXPECT_EQ(c.Post(kStaff, {{"office_id", office}, {"kind", "staff"}, {"name", "x"}}).status, 403)
        << who;
  }

  HttpClient other = As(kOtherSupervisor);
  EXPECT_EQ(other.Get(PathOf(kOffices, office)).status, 404);
  EXPECT_EQ(other.Patch(PathOf(kOffices, office), {{"version", 1}, {"name", "x"}}).status, 404);
  EXPECT_EQ(other.Get(PathOf(kProjects, project)).status, 404);
  EXPECT_EQ(other.Patch(PathOf(kProjects, project), {{"version", 1}, {"name", "x"}}).status, 404);
  EXPECT_EQ(other.Get(Expenditures(project)).status, 404);
  EXPECT_EQ(other
                .Post(Expenditures(project),
                      {{"spent_on", "2026-02-01"}, {"amount", 5}, {"category", "other"}})
                .status,
            404);
  EXPECT_EQ(other.Get(kOffices).json["total"], 0);
  EXPECT_EQ(other.Get(kProjects).json["total"], 0);
  // Their own project may use the same code, but not our office.
  HttpResponse foreign_office = other.Post(kProjects, EchoProject(office));
  EXPECT_EQ(foreign_office.status, 422) << foreign_office.body;
  EXPECT_THAT(foreign_office.ErrorFields(), ElementsAre("office_id"));
  EXPECT_EQ(other.Post(kProjects, EchoProject()).status, 201);
  EXPECT_EQ(admin.Get(kProjects).json["total"], 1);
}

TEST_P(ProgrammesTest, TheStaffRosterIsForManagersAndCountedOnTheOfficeForEveryone) {
  HttpClient boss = As(kSupervisor);
  const int64_t erbil = IdOf(Add(boss, kOffices, ErbilOffice()));
  const int64_t qaraqosh = IdOf(Add(
      boss, kOffices, {{"name", "Qaraqosh office"}, {"pcode", testing_support::kMarkazHamdaniya}}));
  HttpResponse nadia = boss.Post(kStaff, {{"office_id", qaraqosh},
                                          {"kind", "volunteer"},
                                          {"name", "Nadia Petros"},
                                          {"sex", "female"},
                                          {"position", "Community mobiliser"},
                                          {"phone", "+964 750 123 4567"},
                                          {"languages", {"ar", "syr", "en"}},
                                          {"skills", "PFA, first aid"},
                                          {"deployable", true}});
  ASSERT_EQ(nadia.status, 201) << nadia.body;
  EXPECT_EQ(nadia.json["office"], Json({{"id", qaraqosh}, {"name", "Qaraqosh office"}}));
  EXPECT_EQ(nadia.json["languages"], Json({"ar", "syr", "en"}));
  EXPECT_EQ(nadia.json["active"], true);
  for (const char* name : {"Rana Yousif", "Sami Toma"}) {
    Add(boss, kStaff, {{"office_id", erbil}, {"kind", "staff"}, {"name", name}});
  }
  const int64_t hana = IdOf(
      Add(boss, kStaff, {{"office_id", erbil}, {"kind", "volunteer"}, {"name", "Hana Elias"}}));
  HttpResponse bad = boss.Post(kStaff, {{"office_id", 0},
                                        {"kind", "intern"},
                                        {"name", ""},
                                        {"phone", "call me"},
                                        {"languages", {"Arabic"}}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_THAT(bad.ErrorFields(),
              UnorderedElementsAre("office_id", "kind", "name", "phone", "languages[0]"));

  // Everyone sees the counts of active members on the offices.
  HttpClient viewer = As(kViewer);
  EXPECT_EQ(viewer.Get(PathOf(kOffices, erbil)).json["counts"],
            Json({{"staff", 2}, {"volunteers", 1}}));
  EXPECT_EQ(viewer.Get(PathOf(kStaff, hana)).status, 403);
  // Hana moves to Qaraqosh and Sami leaves: the counts follow.
  ASSERT_EQ(boss.Patch(PathOf(kStaff, hana), {{"version", 1}, {"office_id", qaraqosh}}).status,
            200);
  EXPECT_EQ(boss.Patch(PathOf(kStaff, hana), {{"version", 1}, {"skills", "x"}}).status, 409);
  const auto sami = ListIds(boss, std::string(kStaff) + "?q=sami");
  ASSERT_EQ(sami.size(), 1u);
  ASSERT_EQ(boss.Patch(PathOf(kStaff, sami[0]), {{"version", 1}, {"active", false}}).status, 200);
  EXPECT_EQ(viewer.Get(PathOf(kOffices, erbil)).json["counts"],
            Json({{"staff", 1}, {"volunteers", 0}}));
  EXPECT_EQ(viewer.Get(PathOf(kOffices, qaraqosh)).json["counts"],
            Json({{"staff", 0}, {"volunteers", 2}}));

  // The roster's filters.
  const auto total = [&](const std::string& query) {
    return boss.Get(std::string(kStaff) + "?" + query).json["total"].get<int64_t>();
  };
  EXPECT_EQ(total(""), 3);  // active only by default
  EXPECT_EQ(total("active=all"), 4);
  EXPECT_EQ(total("kind=volunteer"), 2);
  EXPECT_EQ(total("deployable=true"), 1);
  EXPECT_EQ(total("office_id=" + std::to_string(qaraqosh)), 2);
  EXPECT_EQ(total("q=petros"), 1);
  EXPECT_EQ(boss.Get(std::string(kStaff) + "?kind=intern").status, 400);

  HttpClient other = As(kOtherSupervisor);
  EXPECT_EQ(other.Get(PathOf(kStaff, hana)).status, 404);
  EXPECT_EQ(other.Patch(PathOf(kStaff, hana), {{"version", 2}, {"name", "x"}}).status, 404);
  EXPECT_EQ(other.Get(kStaff).json["total"], 0);
  HttpResponse foreign =
      other.Post(kStaff, {{"office_id", erbil}, {"kind", "staff"}, {"name", "Spy"}});
  EXPECT_EQ(foreign.status, 422) << foreign.body;
  EXPECT_THAT(foreign.ErrorFields(), ElementsAre("office_id"));
}

SANAD_API_TEST_SUITE(ProgrammesTest);

}  // namespace
}  // namespace sanad::api_test
