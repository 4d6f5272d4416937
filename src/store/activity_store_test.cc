// Activities and their attendance on both backends: the activity reads back with its project,
// office and attendance summary (means and improvement of a training); attendance is replaced
// whole and shows who the people are; the list filters by type, sector, project, place and
// period, newest first; stale or foreign updates change nothing.
#include "store/activity_store.h"

#include <gtest/gtest.h>

#include "store/household_store.h"
#include "store/household_store_test_data.h"
#include "store/office_store.h"
#include "store/project_store.h"
#include "store/store_test_support.h"

namespace sanad::store {
namespace {

using programmes::Activity;
using programmes::Attendance;

class ActivityStoreTest : public BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    SeedOrganisationsAndPlaces(
        [this](const std::string& sql, std::vector<Value> p) { Exec(sql, std::move(p)); });
    registry::Household h = JubouriFamily();
    SANAD_ASSERT_OK(Write([&](Connection& c) {
      return InsertHousehold(c, &h, {.actor_id = kActor, .now = 1, .search_text = "x"});
    }));
    family_ = h;
    programmes::Office o{.organisation_id = kOrgA, .name = "Erbil office", .pcode = kMarkazErbil};
    SANAD_ASSERT_OK(Write(
        [&](Connection& c) { return InsertOffice(c, &o, "erbil office", "erbil office", 1); }));
    office_ = o.id;
    programmes::Project p{.organisation_id = kOrgA,
                          .code = "PRJ-24-07",
                          .name = "Protection in Ninewa Plains",
                          .sectors = {"protection"},
                          .status = "ongoing",
                          .starts_on = "2026-01-01",
                          .currency = "USD"};
    SANAD_ASSERT_OK(Write([&](Connection& c) { return InsertProject(c, &p, " prj ", 1); }));
    project_ = p.id;
  }
  Activity Add(const std::string& type, const std::string& starts_on, const std::string& pcode,
               int64_t org = kOrgA) {
    Activity a{.organisation_id = org,
               .project_id = org == kOrgA ? project_ : 0,
               .office_id = org == kOrgA ? office_ : 0,
               .type = type,
               .sector = "protection",
               .title = type + " in " + pcode,
               .pcode = pcode,
               .starts_on = starts_on,
               .ends_on = starts_on,
               .status = "done",
               .sessions = 3,
               .created_by = kActor};
    SANAD_EXPECT_OK(
        Write([&](Connection& c) { return InsertActivity(c, &a, " " + type + " ", 100); }));
    return a;
  }
  registry::Household family_;
  int64_t office_ = 0;
  int64_t project_ = 0;
};

TEST_P(ActivityStoreTest, AttendanceIsReplacedWholeAndSummedUpOnTheActivity) {
  const Activity training = Add("training", "2026-03-02", kMarkazHamdaniya);
  const int64_t father = family_.members[0].id;
  const int64_t mother = family_.members[1].id;
  const int64_t son = family_.members[2].id;
  Attendance first{
      .people = {{.person_id = father, .sessions_attended = 3, .pre_score = 40, .post_score = 70},
                 {.person_id = mother, .sessions_attended = 2, .pre_score = 57, .post_score = 50},
                 {.person_id = son, .sessions_attended = 1}},
      .counts = {{"male", "18-59", "host", 4}, {"female", "6-17", "idp", 2}}};
  SANAD_EXPECT_OK(Write([&](Connection& c) { return ReplaceAttendance(c, training.id, first); }));
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto got, GetActivity(c, kOrgA, training.id));
    EXPECT_TRUE(got.has_value());
    if (!got) return Status::Ok();
    EXPECT_EQ(got->project_code, "PRJ-24-07");
    EXPECT_EQ(got->office_name, "Erbil office");
    EXPECT_EQ(got->attendance.registered, 3);
    EXPECT_EQ(got->attendance.counted, 6);
    EXPECT_EQ(got->attendance.total(), 9);
    EXPECT_EQ(got->attendance.improved, 1);
    EXPECT_DOUBLE_EQ(got->attendance.mean_pre.value_or(0), 48.5);
    EXPECT_DOUBLE_EQ(got->attendance.mean_post.value_or(0), 60);
    SANAD_ASSIGN_OR_RETURN(auto sheet, GetAttendance(c, training.id));
    EXPECT_EQ(sheet.people.size(), 3u);
    if (sheet.people.size() == 3) {
      EXPECT_EQ(sheet.people[0].given_name, "محمد");
      EXPECT_EQ(sheet.people[0].household_id, family_.id);
      EXPECT_EQ(sheet.people[1].sex, "female");
      EXPECT_FALSE(sheet.people[2].pre_score.has_value());
    }
    EXPECT_EQ(sheet.counts.size(), 2u);
    if (sheet.counts.size() == 2) {
      EXPECT_EQ(sheet.counts[0].sex, "female");  // female before male, as the vocabulary
      EXPECT_EQ(sheet.counts[1].count, 4);
    }
    return Status::Ok();
  }));
  const Attendance second{.people = {{.person_id = son}}};
  SANAD_EXPECT_OK(Write([&](Connection& c) { return ReplaceAttendance(c, training.id, second); }));
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto got, GetActivity(c, kOrgA, training.id));
    EXPECT_EQ(got->attendance.registered, 1);
    EXPECT_EQ(got->attendance.counted, 0);
    EXPECT_FALSE(got->attendance.mean_pre.has_value());
    return Status::Ok();
  }));
}

TEST_P(ActivityStoreTest, ListFiltersAndPagesNewestFirstAndStaleOrForeignUpdatesChangeNothing) {
  Add("awareness_session", "2026-01-10", kMarkazHamdaniya);
  const Activity visits = Add("door_to_door", "2026-02-10", kBartilla);
  Activity cls = Add("class", "2026-03-10", kMarkazErbil);
  Add("class", "2026-03-11", kMarkazErbil, kOrgB);
  auto titles = [&](ActivityListFilter f) {
    f.organisation_id = kOrgA;
    std::vector<std::string> out;
    SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(auto list, ListActivities(c, f));
      for (const auto& a : list) out.push_back(a.type);
      SANAD_ASSIGN_OR_RETURN(auto total, CountActivities(c, f));
      if (f.offset == 0) {
        EXPECT_EQ(total, static_cast<int64_t>(out.size()));
      }
      return Status::Ok();
    }));
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(titles({}), (V{"class", "door_to_door", "awareness_session"}));
  EXPECT_EQ(titles({.limit = 1, .offset = 1}), V{"door_to_door"});
  EXPECT_EQ(titles({.type = "class"}), V{"class"});
  EXPECT_EQ(titles({.project_id = project_}).size(), 3u);
  EXPECT_EQ(titles({.pcode = kHamdaniya}), (V{"door_to_door", "awareness_session"}));
  EXPECT_EQ(titles({.from = "2026-02-01", .to = "2026-02-28"}), V{"door_to_door"});
  EXPECT_EQ(titles({.terms = {"door_to_door"}}), V{"door_to_door"});
  EXPECT_EQ(titles({.status = "cancelled"}), V{});

  cls.status = "cancelled";
  SANAD_EXPECT_OK(Write([&](Connection& c) { return UpdateActivity(c, &cls, 1, " class ", 200); }));
  EXPECT_EQ(cls.version, 2);
  Activity stale = cls;
  stale.title = "stale";
  EXPECT_EQ(Write([&](Connection& c) { return UpdateActivity(c, &stale, 1, " x ", 300); }).code(),
            StatusCode::kConflict);
  EXPECT_EQ(Write([&](Connection& c) -> Status {
              return TouchActivity(c, kOrgB, visits.id, 1, kActor, 300).status();
            }).code(),
            StatusCode::kNotFound);
  SANAD_EXPECT_OK(Write([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(int64_t v, TouchActivity(c, kOrgA, visits.id, 1, kActor, 300));
    EXPECT_EQ(v, 2);
    return Status::Ok();
  }));
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto got, GetActivity(c, kOrgA, cls.id));
    EXPECT_EQ(got->status, "cancelled");
    EXPECT_EQ(got->title, "class in IQG11Q02N02");
    SANAD_ASSIGN_OR_RETURN(auto foreign, GetActivity(c, kOrgB, cls.id));
    EXPECT_FALSE(foreign.has_value());
    return Status::Ok();
  }));
}

SANAD_STORE_TEST_BACKENDS(ActivityStoreTest);

}  // namespace
}  // namespace sanad::store
