// The rules of activities and attendance: type-specific fields only where they belong, a
// project's sectors, sessions attended and scores in range, count rows once per cell, and which
// changes rewrite an activity's service records.
#include "programmes/activity_rules.h"

#include <gtest/gtest.h>

namespace sanad::programmes {
namespace {

registry::PlaceDirectory Places() {
  return registry::PlaceDirectory(std::vector<registry::Place>{
      {.pcode = "IQG15Q03N03", .level = 3, .name_en = "Markaz Al-Hamdaniya"}});
}

std::vector<std::string> Fields(const std::vector<FieldError>& bad) {
  std::vector<std::string> out;
  for (const auto& f : bad) out.push_back(f.field);
  return out;
}

Activity Training() {
  return {.type = "training",
          .sector = "protection",
          .title = "PFA for teachers",
          .pcode = "IQG15Q03N03",
          .starts_on = "2026-03-02",
          .ends_on = "2026-03-04",
          .status = "done",
          .sessions = 3,
          .trainee_organisation = "Directorate of Education"};
}

std::vector<std::string> CheckFields(
    Activity a, const std::optional<std::vector<std::string>>& sectors = std::nullopt) {
  std::vector<FieldError> bad;
  CheckActivity(Places(), &a, sectors, &bad);
  return Fields(bad);
}

TEST(ActivityRulesTest, ATrainingOfTheProjectsSectorPasses) {
  EXPECT_TRUE(CheckFields(Training(), std::vector<std::string>{"protection", "gbv"}).empty());
  Activity one_day = Training();
  one_day.ends_on = "";
  std::vector<FieldError> bad;
  CheckActivity(Places(), &one_day, std::nullopt, &bad);
  EXPECT_TRUE(bad.empty());
  EXPECT_EQ(one_day.ends_on, "2026-03-02");  // a one-day activity ends the day it starts
}

TEST(ActivityRulesTest, EveryBrokenRuleIsNamed) {
  struct Case {
    const char* what;
    void (*edit)(Activity*);
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {"unknown type", [](Activity* a) { a->type = "party"; }, {"type", "trainee_organisation"}},
      {"unknown sector", [](Activity* a) { a->sector = "sports"; }, {"sector"}},
      {"no title", [](Activity* a) { a->title = ""; }, {"title"}},
      {"unknown place", [](Activity* a) { a->pcode = "IQG99"; }, {"pcode"}},
      {"ends first", [](Activity* a) { a->ends_on = "2026-03-01"; }, {"ends_on"}},
      {"unknown status", [](Activity* a) { a->status = "postponed"; }, {"status"}},
      {"no sessions", [](Activity* a) { a->sessions = 0; }, {"sessions"}},
      {"units on a training", [](Activity* a) { a->units = 3; }, {"units"}},
      {"unit kind on a training", [](Activity* a) { a->unit_kind = "house"; }, {"unit_kind"}},
      {"trainees of a session",
       [](Activity* a) { a->type = "awareness_session"; },
       {"trainee_organisation"}},
      {"rehabilitated houses",
       [](Activity* a) {
         a->type = "rehabilitation";
         a->trainee_organisation = "";
         a->units = 12;
         a->unit_kind = "house";
       },
       {}},
      {"units without a kind",
       [](Activity* a) {
         a->type = "rehabilitation";
         a->trainee_organisation = "";
         a->units = 12;
       },
       {"unit_kind"}},
  };
  for (const auto& c : cases) {
    Activity a = Training();
    c.edit(&a);
    EXPECT_EQ(CheckFields(a), c.fields) << c.what;
  }
  EXPECT_EQ(CheckFields(Training(), std::vector<std::string>{"gbv", "health"}),
            std::vector<std::string>{"sector"});
}

TEST(AttendanceRulesTest, SessionsDefaultToAllAndScoresBelongToTrainings) {
  const Activity a = Training();
  AttendanceEdit edit{.people = {{.person_id = 9, .pre_score = 40, .post_score = 75},
                                 {.person_id = 4, .sessions_attended = 2}},
                      .counts = {{"male", "18-59", "host", 3}, {"female", "18-59", "idp", 6}}};
  std::vector<FieldError> bad;
  const Attendance got = CheckAttendance(a, edit, &bad);
  EXPECT_TRUE(bad.empty());
  ASSERT_EQ(got.people.size(), 2u);
  EXPECT_EQ(got.people[0].person_id, 4);  // by id
  EXPECT_EQ(got.people[0].sessions_attended, 2);
  EXPECT_EQ(got.people[1].sessions_attended, 3);  // every session when not said
  EXPECT_EQ(got.people[1].post_score, 75);
  EXPECT_EQ(got.counts.size(), 2u);

  Activity session = a;
  session.type = "awareness_session";
  session.sessions = 1;
  bad.clear();
  CheckAttendance(session, {.people = {{.person_id = 9, .pre_score = 40}}}, &bad);
  EXPECT_EQ(Fields(bad), std::vector<std::string>{"people[0].pre_score"});
}

TEST(AttendanceRulesTest, EveryBrokenRuleIsNamed) {
  Activity planned = Training();
  planned.status = "planned";
  std::vector<FieldError> bad;
  CheckAttendance(planned, {}, &bad);
  EXPECT_EQ(Fields(bad), std::vector<std::string>{"status"});

  const AttendanceEdit edit{.people = {{.person_id = 0},
                                       {.person_id = 7, .sessions_attended = 4},
                                       {.person_id = 7},
                                       {.person_id = 8, .pre_score = -1, .post_score = 101}},
                            .counts = {{"female", "6-17", "idp", 0},
                                       {"other", "teen", "tourist", 2},
                                       {"female", "6-17", "idp", 5}}};
  bad.clear();
  CheckAttendance(Training(), edit, &bad);
  EXPECT_EQ(Fields(bad),
            (std::vector<std::string>{
                "people[0].person_id", "people[1].sessions_attended", "people[2].person_id",
                "people[3].pre_score", "people[3].post_score", "counts[0].count", "counts[1].sex",
                "counts[1].age_group", "counts[1].population_group", "counts[2]"}));
}

TEST(AttendanceRulesTest, AnEditMayNotLeaveTheStoredAttendanceWrong) {
  const Attendance stored{.people = {{.person_id = 4, .sessions_attended = 2},
                                     {.person_id = 9, .sessions_attended = 3, .pre_score = 40}}};
  Activity a = Training();  // 3 sessions
  std::vector<FieldError> bad;
  CheckKeepsAttendance(a, stored, &bad);
  EXPECT_TRUE(bad.empty());

  a.sessions = 2;  // person 9 attended 3
  a.type = "awareness_session";
  CheckKeepsAttendance(a, stored, &bad);
  EXPECT_EQ(Fields(bad), (std::vector<std::string>{"sessions", "type"}));

  bad.clear();
  CheckKeepsAttendance(a, Attendance{}, &bad);  // nobody listed: anything goes
  EXPECT_TRUE(bad.empty());
}

TEST(ActivityRulesTest, OnlyWhatTheServiceRecordsCopyRewritesThem) {
  const Activity before = Training();
  Activity after = before;
  after.title = "PFA for head teachers";
  after.note = "moved to the afternoon";
  EXPECT_FALSE(ChangesServiceRecords(before, after));
  for (auto edit :
       {+[](Activity* a) { a->status = "cancelled"; },
        +[](Activity* a) { a->starts_on = "2026-03-03"; },
        +[](Activity* a) { a->pcode = "IQG15Q03N02"; }, +[](Activity* a) { a->project_id = 4; },
        +[](Activity* a) { a->office_id = 2; }, +[](Activity* a) { a->sector = "mhpss"; },
        +[](Activity* a) { a->type = "pfa_group"; }}) {
    Activity changed = before;
    edit(&changed);
    EXPECT_TRUE(ChangesServiceRecords(before, changed));
  }
}

TEST(ActivityRulesTest, SearchTextHoldsTheNormalisedWordsOfTitleSiteAndPeople) {
  Activity a = Training();
  a.site = "Qaraqosh youth centre";
  a.facilitator = "Rana";
  const std::string text = ActivitySearchText(a);
  for (const char* word : {" pfa ", " teachers ", " qaraqosh ", " rana ", " directorate "}) {
    EXPECT_NE(text.find(word), std::string::npos) << word;
  }
}

}  // namespace
}  // namespace sanad::programmes
