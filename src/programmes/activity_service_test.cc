// ActivityService on both backends, watching service_records (what every "people reached"
// figure is counted from): saving the attendance of a done activity writes one row per
// registered attendee (copied from the registry) and one per count row; changing what the rows
// copy rewrites them; cancelling or planning again removes them while the attendance stays; a
// person of another organisation or merged away is refused; and a project's new office reaches
// the rows of its activities.
#include "programmes/activity_service.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "programmes/programme_services.h"
#include "store/household_store.h"
#include "store/household_store_test_data.h"
#include "store/store_test_support.h"

namespace sanad::programmes {
namespace {

using store::kOrgA;
using store::kOrgB;

class FixedClock final : public Clock {
 public:
  int64_t NowSeconds() const override { return 1'800'000'000; }
};

access::Actor ActorWith(access::Role role, int64_t org = kOrgA) {
  return {.user_id = store::kActor,
          .username = "zainab",
          .organisation_id = org,
          .organisation_name = "a",
          .role = role};
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

registry::PlaceDirectory Places() {
  std::vector<registry::Place> places;
  for (const char* p : {store::kNinewa, store::kHamdaniya, store::kBartilla,
                        store::kMarkazHamdaniya, store::kMosul, store::kMarkazErbil}) {
    places.push_back({.pcode = p, .level = 1, .name_en = p});
  }
  return registry::PlaceDirectory(std::move(places));
}

class ActivityServiceTest : public store::BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    store::SeedOrganisationsAndPlaces(
        [this](const std::string& sql, std::vector<store::Value> p) { Exec(sql, std::move(p)); });
    family_ = AddHousehold(store::JubouriFamily());
    registry::Household theirs = store::ObaidiFamily();
    theirs.organisation_id = kOrgB;
    stranger_ = AddHousehold(theirs).members[0].id;
    services_ = std::make_unique<ProgrammeServices>(*db_, places_, clock_);
  }
  registry::Household AddHousehold(registry::Household h) {
    SANAD_EXPECT_OK(Write([&](store::Connection& c) {
      return store::InsertHousehold(c, &h,
                                    {.actor_id = store::kActor, .now = 1, .search_text = "x"});
    }));
    return h;
  }
  // The activity's rows, sorted: "<person or -count> <sector> <office> <sex> <birth year> <age
  // group> <population group>".
  std::vector<std::string> Records(int64_t activity) {
    std::vector<std::string> out;
    for (const auto& r :
         Select("SELECT person_id, person_key, count, sector, office_id, project_id, sex, "
                "birth_year, age_group, population_group, kind, pcode, served_on "
                "FROM service_records WHERE source = 'activity' AND source_id = ?",
                {activity})) {
      EXPECT_EQ(r.Int(0), r.Int(1));  // nobody here was merged: each is their own key
      std::string who = r.IsNull(0) ? "-" + r.Text(2) : std::to_string(r.Int(0));
      out.push_back(who + " " + r.Text(3) + " " + r.Text(4) + " " + r.Text(6) + " " + r.Text(7) +
                    " " + r.Text(8) + " " + r.Text(9));
      EXPECT_EQ(r.Text(10), "pfa_group");
      EXPECT_EQ(r.Text(11), store::kBartilla);
      EXPECT_EQ(r.Text(12), "2026-03-02");
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  Activity Done(const Activity& a, const ActivityEdit& change) {
    auto got = services_->activities.Update(admin_, a.id, change);
    EXPECT_TRUE(got.ok()) << got.status().ToString();
    return got.ok() ? *got : a;
  }

  FixedClock clock_;
  registry::PlaceDirectory places_ = Places();
  std::unique_ptr<ProgrammeServices> services_;
  registry::Household family_;
  int64_t stranger_ = 0;
  access::Actor admin_ = ActorWith(access::Role::kAdmin);
};

TEST_P(ActivityServiceTest, AttendanceOfADoneActivityIsWhatServiceRecordsSay) {
  auto erbil =
      services_->offices.Create(admin_, {.name = "Erbil office", .pcode = store::kMarkazErbil});
  ASSERT_TRUE(erbil.ok()) << erbil.status().ToString();
  auto duhok =
      services_->offices.Create(admin_, {.name = "Duhok office", .pcode = store::kMarkazErbil});
  ASSERT_TRUE(duhok.ok()) << duhok.status().ToString();
  auto project = services_->projects.Create(
      admin_, {.code = "PRJ-24-07",
               .name = "Protection in Ninewa Plains",
               .sectors = std::vector<std::string>{"mhpss", "protection"},
               .status = "ongoing",
               .starts_on = "2026-01-01",
               .office_id = erbil->id,
               .currency = "EUR",
               .budget = "250000"});
  ASSERT_TRUE(project.ok()) << project.status().ToString();
  EXPECT_EQ(project->budget, 25'000'000);
  const access::Actor clerk = ActorWith(access::Role::kRegistration);
  auto group = services_->activities.Create(clerk, {.project_id = project->id,
                                                    .type = "pfa_group",
                                                    .sector = "mhpss",
                                                    .title = "PFA group for mothers",
                                                    .pcode = store::kBartilla,
                                                    .starts_on = "2026-03-02",
                                                    .status = "done",
                                                    .sessions = 4});
  ASSERT_TRUE(group.ok()) << group.status().ToString();
  EXPECT_TRUE(Records(group->id).empty());

  const int64_t father = family_.members[0].id;  // male, 1985
  const int64_t mother = family_.members[1].id;  // female, 1990
  const int64_t son = family_.members[2].id;     // male, 2015
  auto saved = services_->activities.PutAttendance(
      clerk, group->id,
      {.version = 1,
       .people = {{.person_id = son, .sessions_attended = 2},
                  {.person_id = father},
                  {.person_id = mother}},
       .counts = {{"female", "18-59", "host", 6}, {"male", "60+", "unknown", 2}}});
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  EXPECT_EQ(saved->activity.version, 2);
  EXPECT_EQ(saved->activity.attendance.total(), 11);
  EXPECT_EQ(saved->attendance.people.size(), 3u);
  const std::string office = std::to_string(erbil->id);  // the project's: the activity has none
  using V = std::vector<std::string>;
  const auto f = std::to_string(father);
  const auto m = std::to_string(mother);
  const auto s = std::to_string(son);
  EXPECT_EQ(Records(group->id), Sorted(V{"-6 mhpss " + office + " female 0 18-59 host",
                                         "-2 mhpss " + office + " male 0 60+ unknown",
                                         f + " mhpss " + office + " male 1985  idp",
                                         m + " mhpss " + office + " female 1990  idp",
                                         s + " mhpss " + office + " male 2015  idp"}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM service_records WHERE project_id = ?", {project->id}), 5);

  // A stale version, a stranger and a person merged away are refused; nothing changes.
  auto stale = services_->activities.PutAttendance(clerk, group->id, {.version = 1});
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  Exec("UPDATE people SET merged_into = ? WHERE id = ?", {father, son});
  auto refused = services_->activities.PutAttendance(
      clerk, group->id, {.version = 2, .people = {{.person_id = stranger_}, {.person_id = son}}});
  ASSERT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(refused.status().fields().size(), 2u);
  EXPECT_EQ(refused.status().fields()[0].field, "people[0].person_id");
  EXPECT_EQ(refused.status().fields()[1].field, "people[1].person_id");
  Exec("UPDATE people SET merged_into = NULL WHERE id = ?", {son});
  EXPECT_EQ(Records(group->id).size(), 5u);

  // Another of the project's sectors: the rows follow.
  Activity a = Done(saved->activity, {.version = 2, .sector = "protection"});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM service_records WHERE source_id = ? AND sector = "
                  "'protection'",
                  {a.id}),
            5);
  // Its own office wins over the project's.
  a = Done(a, {.version = a.version, .office_id = duhok->id});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM service_records WHERE source_id = ? AND office_id = ?",
                  {a.id, duhok->id}),
            5);
  // Cancelled: no longer served, though the attendance is kept for the record.
  a = Done(a, {.version = a.version, .status = "cancelled"});
  EXPECT_TRUE(Records(a.id).empty());
  auto kept = services_->activities.GetAttendance(admin_, a.id);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->attendance.people.size(), 3u);
  EXPECT_EQ(kept->attendance.counts.size(), 2u);
  auto not_done = services_->activities.PutAttendance(clerk, a.id, {.version = a.version});
  ASSERT_EQ(not_done.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(not_done.status().fields().at(0).field, "status");
  // Done again: the kept attendance is served again; planned: gone again.
  a = Done(a, {.version = a.version, .status = "done"});
  EXPECT_EQ(Records(a.id).size(), 5u);
  a = Done(a, {.version = a.version, .status = "planned"});
  EXPECT_TRUE(Records(a.id).empty());
  a = Done(a, {.version = a.version, .office_id = 0, .status = "done"});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM service_records WHERE source_id = ? AND office_id = ?",
                  {a.id, erbil->id}),
            5);

  // The project moves to the Duhok office: its activity without an office follows.
  auto moved = services_->projects.Update(admin_, project->id,
                                          {.version = project->version, .office_id = duhok->id});
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM service_records WHERE source_id = ? AND office_id = ?",
                  {a.id, duhok->id}),
            5);

  // Another organisation sees none of it.
  const access::Actor other = ActorWith(access::Role::kAdmin, kOrgB);
  EXPECT_EQ(services_->activities.Get(other, a.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(services_->activities.GetAttendance(other, a.id).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(
      services_->activities.PutAttendance(other, a.id, {.version = a.version}).status().code(),
      StatusCode::kNotFound);
  // Every save left its audit entry: created, attendance, five updates.
  EXPECT_EQ(
      Count("SELECT COUNT(*) FROM audit_log WHERE entity = 'activity' AND entity_id = ?", {a.id}),
      8);
}

TEST_P(ActivityServiceTest, TheSectorMustBeTheProjectsAndOnlyRecordersWrite) {
  auto project = services_->projects.Create(admin_, {.code = "WASH-1",
                                                     .name = "Water for Bartilla",
                                                     .sectors = std::vector<std::string>{"wash"},
                                                     .status = "planned",
                                                     .starts_on = "2026-01-01",
                                                     .currency = "IQD"});
  ASSERT_TRUE(project.ok()) << project.status().ToString();
  const ActivityEdit session{.project_id = project->id,
                             .type = "awareness_session",
                             .sector = "health",
                             .title = "Hygiene promotion",
                             .pcode = store::kBartilla,
                             .starts_on = "2026-04-01"};
  auto wrong = services_->activities.Create(admin_, session);
  ASSERT_EQ(wrong.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(wrong.status().fields().at(0).field, "sector");
  ActivityEdit right = session;
  right.sector = "wash";
  for (access::Role role : {access::Role::kViewer, access::Role::kLogistics}) {
    EXPECT_EQ(services_->activities.Create(ActorWith(role), right).status().code(),
              StatusCode::kPermissionDenied);
  }
  auto made = services_->activities.Create(ActorWith(access::Role::kCaseworker), right);
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  EXPECT_EQ(made->status, "planned");
  EXPECT_EQ(made->ends_on, "2026-04-01");
  EXPECT_EQ(made->project_code, "WASH-1");
  // Another organisation's project is not one to record under.
  auto foreign = services_->activities.Create(ActorWith(access::Role::kAdmin, kOrgB), right);
  ASSERT_EQ(foreign.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(foreign.status().fields().at(0).field, "project_id");
}

SANAD_STORE_TEST_BACKENDS(ActivityServiceTest);

}  // namespace
}  // namespace sanad::programmes
