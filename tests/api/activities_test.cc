// Activities and their attendance through the API: field roles record them, every role of the
// organisation reads them, other organisations never see them. The attendance of a done
// activity — registered people of the organisation and counted people — is what the reports
// count: after each save the activity's service records match it, follow its changes, and are
// gone when it is cancelled, while the attendance itself is kept.
#include <gmock/gmock.h>

#include <algorithm>

#include "tests/api/programme_fixtures.h"

namespace sanad::api_test {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

std::string AttendanceOf(int64_t activity) {
  return std::string(kActivities) + "/" + std::to_string(activity) + "/attendance";
}

class ActivitiesTest : public ProgrammeTest {
 protected:
  // The activity's service records as "<person id or -count> <sector> <kind> <office> <pcode>
  // <served_on> <sex> <birth year> <age group> <population group>", sorted.
  std::vector<std::string> Records(int64_t activity) {
    std::vector<std::string> out;
    for (const auto& r : Query(
             "SELECT person_id, count, sector, kind, office_id, pcode, served_on, sex, birth_year, "
             "age_group, population_group, project_id FROM service_records "
             "WHERE source = 'activity' AND source_id = ?",
             {activity})) {
      out.push_back((r.IsNull(0) ? "-" + r.Text(1) : r.Text(0)) + " " + r.Text(2) + " " +
                    r.Text(3) + " " + r.Text(4) + " " + r.Text(5) + " " + r.Text(6) + " " +
                    r.Text(7) + " " + r.Text(8) + " " + r.Text(9) + " " + r.Text(10));
    }
    std::sort(out.begin(), out.end());
    return out;
  }
};

TEST_P(ActivitiesTest, ATrainingsAttendanceIsWhatThePeopleReachedAreCountedFrom) {
  HttpClient me = MeOfficer();
  const int64_t erbil = IdOf(Add(me, kOffices, ErbilOffice()));
  const Json project = Add(me, kProjects, EchoProject(erbil));
  HttpClient clerk = As(kClerk);
  const Json family = Create(clerk, testing_support::JubouriHousehold());
  ASSERT_TRUE(family.is_object());
  const int64_t father = IdOf(family["members"][0]);  // male, 1984
  const int64_t mother = IdOf(family["members"][1]);  // female, 1988
  const int64_t son = IdOf(family["members"][2]);     // male, 2015
  HttpClient other_clerk = As(kOtherClerk);
  const int64_t stranger =
      IdOf(Create(other_clerk, testing_support::ObaidiHousehold())["members"][0]);

  HttpResponse created =
      clerk.Post(kActivities, {{"project_id", IdOf(project)},
                               {"type", "training"},
                               {"sector", "protection"},
                               {"title", "PFA for teachers"},
                               {"pcode", testing_support::kBartilla},
                               {"site", "Qaraqosh youth centre"},
                               {"starts_on", "2026-03-02"},
                               {"ends_on", "2026-03-04"},
                               {"status", "done"},
                               {"facilitator", "Rana Yousif"},
                               {"sessions", 3},
                               {"trainee_organisation", "Directorate of Education"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const int64_t training = IdOf(created.json);
  EXPECT_EQ(created.json["project"], Json({{"id", IdOf(project)},
                                           {"code", "PRJ-24-07"},
                                           {"name", "Protection in Ninewa Plains"}}));
  EXPECT_EQ(created.json["office"], nullptr);
  EXPECT_EQ(created.json["place"]["name_en"], "Bartilla");
  EXPECT_EQ(created.json["attendance"], Json({{"registered", 0},
                                              {"counted", 0},
                                              {"total", 0},
                                              {"improved", 0},
                                              {"mean_pre", nullptr},
                                              {"mean_post", nullptr}}));
  HttpResponse empty = me.Get(AttendanceOf(training));
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(empty.json["version"], 1);
  EXPECT_TRUE(empty.json["people"].empty());

  // Three registered trainees with their scores, and six counted people.
  HttpResponse saved = Put(
      clerk, AttendanceOf(training),
      {{"version", 1},
       {"people",
        {{{"person_id", father}, {"pre_score", 40}, {"post_score", 75}},
         {{"person_id", mother}, {"sessions_attended", 2}, {"pre_score", 57}, {"post_score", 50}},
         {{"person_id", son}}}},
       {"counts",
        {{{"sex", "female"}, {"age_group", "18-59"}, {"population_group", "idp"}, {"count", 4}},
         {{"sex", "male"}, {"age_group", "18-59"}, {"population_group", "host"}, {"count", 2}}}}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json["version"], 2);
  EXPECT_EQ(saved.Header("ETag"), "\"2\"");
  EXPECT_EQ(saved.json["summary"], Json({{"registered", 3},
                                         {"counted", 6},
                                         {"total", 9},
                                         {"improved", 1},
                                         {"mean_pre", 48.5},
                                         {"mean_post", 62.5}}));
  ASSERT_EQ(saved.json["people"].size(), 3u);
  const Json& first = saved.json["people"][0];
  EXPECT_EQ(first["person"]["given_name"], "محمد");
  EXPECT_EQ(first["household_id"], IdOf(family));
  EXPECT_EQ(first["sessions_attended"], 3);  // every session when not said
  EXPECT_EQ(saved.json["people"][2]["pre_score"], nullptr);
  EXPECT_EQ(me.Get(PathOf(kActivities, training)).json["attendance"]["total"], 9);

  // What the reports will count: one row per trainee copied from the registry, one per count
  // row; the project's office (the activity names none), the start day.
  const std::string where = std::to_string(erbil) + " IQG15Q03N02 2026-03-02 ";
  const auto expected = [&](const std::string& sector) {
    std::vector<std::string> v = {
        "-2 " + sector + " training " + where + "male 0 18-59 host",
        "-4 " + sector + " training " + where + "female 0 18-59 idp",
        std::to_string(father) + " " + sector + " training " + where + "male 1984  idp",
        std::to_string(mother) + " " + sector + " training " + where + "female 1988  idp",
        std::to_string(son) + " " + sector + " training " + where + "male 2015  idp"};
    std::sort(v.begin(), v.end());
    return v;
  };
  EXPECT_EQ(Records(training), expected("protection"));
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM service_records WHERE project_id = ?", {IdOf(project)}),
            5);

  // Refused, and nothing changes: a stale version; strangers, repeats, sessions and scores out
  // of range, unknown count cells.
  HttpResponse stale =
      Put(clerk, AttendanceOf(training), {{"version", 1}, {"people", Json::array()}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_THAT(stale.ErrorFields(), ElementsAre("version"));
  HttpResponse bad =
      Put(clerk, AttendanceOf(training),
          {{"version", 2},
           {"people",
            {{{"person_id", stranger}},
             {{"person_id", father}},
             {{"person_id", father}, {"sessions_attended", 4}, {"post_score", 101}}}},
           {"counts",
            {{{"sex", "x"}, {"age_group", "18-59"}, {"population_group", "idp"}, {"count", 1}}}}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_THAT(bad.ErrorFields(), UnorderedElementsAre("people[0].person_id", "people[2].person_id",
                                                      "people[2].sessions_attended",
                                                      "people[2].post_score", "counts[0].sex"));
  EXPECT_EQ(Records(training), expected("protection"));
  // Nor may the activity change under its attendance: two sessions when the father attended
  // three, or another type while the mother keeps her scores.
  HttpResponse under =
      clerk.Patch(PathOf(kActivities, training), {{"version", 2},
                                                  {"sessions", 2},
                                                  {"type", "awareness_session"},
                                                  {"trainee_organisation", nullptr}});
  EXPECT_EQ(under.status, 422) << under.body;
  EXPECT_THAT(under.ErrorFields(), UnorderedElementsAre("sessions", "type"));
  EXPECT_EQ(me.Get(PathOf(kActivities, training)).json["version"], 2);
  EXPECT_EQ(Records(training), expected("protection"));

  // The rows follow the activity: another of the project's sectors.
  HttpResponse moved =
      clerk.Patch(PathOf(kActivities, training), {{"version", 2}, {"sector", "gbv"}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(Records(training), expected("gbv"));
  HttpResponse health =
      clerk.Patch(PathOf(kActivities, training), {{"version", 3}, {"sector", "health"}});
  EXPECT_EQ(health.status, 422) << health.body;
  EXPECT_THAT(health.ErrorFields(), ElementsAre("sector"));  // not one of the project's

  // Cancelled: nobody was served; the attendance stays for the record but cannot be changed.
  ASSERT_EQ(
      clerk.Patch(PathOf(kActivities, training), {{"version", 3}, {"status", "cancelled"}}).status,
      200);
  EXPECT_TRUE(Records(training).empty());
  HttpResponse kept = clerk.Get(AttendanceOf(training));
  EXPECT_EQ(kept.json["people"].size(), 3u);
  EXPECT_EQ(kept.json["counts"].size(), 2u);
  HttpResponse not_done = Put(clerk, AttendanceOf(training), kept.json);
  EXPECT_EQ(not_done.status, 422) << not_done.body;
  EXPECT_THAT(not_done.ErrorFields(), ElementsAre("status"));

  // Done after all: the kept attendance counts again, and what GET returns can be PUT back.
  ASSERT_EQ(clerk.Patch(PathOf(kActivities, training), {{"version", 4}, {"status", "done"}}).status,
            200);
  EXPECT_EQ(Records(training), expected("gbv"));
  Json again = clerk.Get(AttendanceOf(training)).json;
  again["people"].erase(2);  // the son did not come after all
  HttpResponse resaved = Put(clerk, AttendanceOf(training), again);
  ASSERT_EQ(resaved.status, 200) << resaved.body;
  EXPECT_EQ(resaved.json["summary"]["registered"], 2);
  EXPECT_EQ(Records(training).size(), 4u);

  HttpResponse audit =
      As(kSupervisor).Get("/api/v1/audit?entity=activity&id=" + std::to_string(training));
  EXPECT_EQ(audit.json["total"], 6);  // created, attendance, sector, cancelled, done, attendance
}

TEST_P(ActivitiesTest, FieldRolesRecordActivitiesEveryoneReadsThemAndEachTypeHasItsFields) {
  HttpClient me = MeOfficer();
  const Json wash = Add(me, kProjects,
                        {{"code", "BHA-WASH-01"},
                         {"name", "Water and shelter repairs"},
                         {"donor", "BHA"},
                         {"sectors", {"wash", "shelter_nfi", "education"}},
                         {"status", "ongoing"},
                         {"starts_on", "2026-01-01"},
                         {"currency", "USD"}});
  const int64_t office = IdOf(Add(me, kOffices, ErbilOffice()));
  HttpClient clerk = As(kClerk);
  const auto add = [&](HttpClient& c, Json body) {
    body["project_id"] = IdOf(wash);
    return IdOf(Add(c, kActivities, body));
  };
  const int64_t session = add(clerk, {{"type", "awareness_session"},
                                      {"sector", "wash"},
                                      {"title", "Hygiene promotion"},
                                      {"pcode", testing_support::kMarkazHamdaniya},
                                      {"starts_on", "2026-01-10"},
                                      {"status", "done"}});
  HttpClient gbv = As(kGbvWorker);  // caseworkers record activities too
  const int64_t visits = add(gbv, {{"type", "door_to_door"},
                                   {"sector", "wash"},
                                   {"title", "Water point visits"},
                                   {"pcode", testing_support::kBartilla},
                                   {"starts_on", "2026-02-10"},
                                   {"ends_on", "2026-02-14"}});
  const int64_t houses = add(me, {{"type", "rehabilitation"},
                                  {"sector", "shelter_nfi"},
                                  {"title", "Roof repairs"},
                                  {"office_id", office},
                                  {"pcode", testing_support::kMarkazErbil},
                                  {"starts_on", "2026-03-10"},
                                  {"status", "done"},
                                  {"units", 12},
                                  {"unit_kind", "house"}});
  const int64_t school = add(clerk, {{"type", "class"},
                                     {"sector", "education"},
                                     {"title", "Catch-up class for out-of-school children"},
                                     {"pcode", testing_support::kMarkazHamdaniya},
                                     {"starts_on", "2026-04-01"},
                                     {"ends_on", "2026-06-30"},
                                     {"sessions", 40}});
  HttpResponse read = As(kViewer).Get(PathOf(kActivities, houses));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json["units"], 12);
  EXPECT_EQ(read.json["office"], Json({{"id", office}, {"name", "Erbil office"}}));
  EXPECT_EQ(read.json["attendance"], Json({{"registered", 0}, {"counted", 0}, {"total", 0}}));
  EXPECT_EQ(me.Get(PathOf(kActivities, visits)).json["status"], "planned");

  // Each type its own fields; the project's sectors; the organisation's project and office.
  HttpResponse bad = clerk.Post(kActivities, {{"project_id", IdOf(wash)},
                                              {"type", "awareness_session"},
                                              {"sector", "health"},
                                              {"title", ""},
                                              {"pcode", "IQG99"},
                                              {"starts_on", "2026-02-30"},
                                              {"sessions", 0},
                                              {"units", 3},
                                              {"trainee_organisation", "School"}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_THAT(bad.ErrorFields(), UnorderedElementsAre("sector", "title", "pcode", "starts_on",
                                                      "sessions", "units", "trainee_organisation"));
  HttpClient other = As(kOtherSupervisor);
  HttpResponse foreign = other.Post(kActivities, {{"project_id", IdOf(wash)},
                                                  {"office_id", office},
                                                  {"type", "pfa_group"},
                                                  {"sector", "mhpss"},
                                                  {"title", "PFA"},
                                                  {"pcode", "IQG15"},
                                                  {"starts_on", "2026-02-01"}});
  EXPECT_EQ(foreign.status, 422) << foreign.body;
  EXPECT_THAT(foreign.ErrorFields(), UnorderedElementsAre("project_id", "office_id"));

  // Newest first, filtered and paged.
  HttpClient viewer = As(kViewer);
  const auto ids = [&](const std::string& query) {
    return ListIds(viewer, std::string(kActivities) + "?" + query);
  };
  EXPECT_THAT(ids(""), ElementsAre(school, houses, visits, session));
  EXPECT_THAT(ids("limit=2&page=2"), ElementsAre(visits, session));
  EXPECT_THAT(ids("type=rehabilitation"), ElementsAre(houses));
  EXPECT_THAT(ids("sector=wash"), ElementsAre(visits, session));
  EXPECT_THAT(ids("status=done"), ElementsAre(houses, session));
  EXPECT_THAT(ids("pcode=IQG15Q03"), ElementsAre(school, visits, session));
  EXPECT_THAT(ids("office_id=" + std::to_string(office)), ElementsAre(houses));
  EXPECT_THAT(ids("project_id=" + std::to_string(IdOf(wash))).size(), 4u);
  EXPECT_THAT(ids("from=2026-02-12&to=2026-03-31"), ElementsAre(houses, visits));
  EXPECT_THAT(ids("q=hygiene"), ElementsAre(session));
  EXPECT_EQ(clerk.Get(std::string(kActivities) + "?type=party").status, 400);
  EXPECT_EQ(clerk.Get(std::string(kActivities) + "?from=March").status, 400);

  // Readers do not record; other organisations do not see.
  EXPECT_EQ(viewer.Post(kActivities, {{"type", "class"}}).status, 403);
  EXPECT_EQ(viewer.Patch(PathOf(kActivities, session), {{"version", 1}, {"title", "x"}}).status,
            403);
  EXPECT_EQ(Put(viewer, AttendanceOf(session), {{"version", 1}}).status, 403);
  EXPECT_EQ(viewer.Get(AttendanceOf(session)).status, 200);
  EXPECT_EQ(other.Get(PathOf(kActivities, session)).status, 404);
  EXPECT_EQ(other.Patch(PathOf(kActivities, session), {{"version", 1}, {"title", "x"}}).status,
            404);
  EXPECT_EQ(other.Get(AttendanceOf(session)).status, 404);
  EXPECT_EQ(Put(other, AttendanceOf(session), {{"version", 1}}).status, 404);
  EXPECT_EQ(other.Get(kActivities).json["total"], 0);
  HttpResponse stale =
      clerk.Patch(PathOf(kActivities, session), {{"version", 9}, {"title", "Handwashing"}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(clerk.Get(PathOf(kActivities, session)).json["title"], "Hygiene promotion");
}

SANAD_API_TEST_SUITE(ActivitiesTest);

}  // namespace
}  // namespace sanad::api_test
