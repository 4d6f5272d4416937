// The demo programmes on both backends: everything is created through the services, the
// offices count their roster, done activities with attendance wrote service records of the
// organisation's people, and cancelled or planned ones wrote none.
#include "programmes/demo_programmes.h"

#include <gtest/gtest.h>

#include "store/household_store.h"
#include "store/household_store_test_data.h"
#include "store/store_test_support.h"

namespace sanad::programmes {
namespace {

class FixedClock final : public Clock {
 public:
  int64_t NowSeconds() const override { return 1'800'000'000; }
};

class DemoProgrammesTest : public store::BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    auto places = registry::PlaceDirectory::SeedAndLoad(*db_);
    ASSERT_TRUE(places.ok()) << places.status().ToString();
    places_ = std::move(places).value();
    Exec(
        "INSERT INTO organisations (id, name, name_key, created_at) VALUES (1, 'Demo Relief', "
        "'demo relief', 0)");
    Exec(
        "INSERT INTO users (id, organisation_id, username, password_hash, role, created_at) "
        "VALUES (5, 1, 'admin', 'h', 'admin', 0)");
  }
  registry::PlaceDirectory places_;
  FixedClock clock_;
};

TEST_P(DemoProgrammesTest, CreatesOfficesProjectsActivitiesAndTheirReach) {
  std::vector<int64_t> people;
  for (int i = 0; i < 4; ++i) {
    registry::Household h = store::JubouriFamily();
    h.location_pcode = "IQG15Q03N03";
    h.origin_pcode = "IQG15Q05";
    SANAD_ASSERT_OK(Write([&](store::Connection& c) {
      return store::InsertHousehold(c, &h, {.actor_id = 5, .now = 1, .search_text = "x"});
    }));
    for (const auto& m : h.members) people.push_back(m.id);
  }
  ProgrammeServices services(*db_, places_, clock_);
  const access::Actor admin{.user_id = 5,
                            .username = "admin",
                            .organisation_id = 1,
                            .organisation_name = "Demo Relief",
                            .role = access::Role::kAdmin};
  auto made = CreateDemoProgrammes(services, admin, people, clock_.NowSeconds());
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  EXPECT_EQ(made->offices, 3);
  EXPECT_EQ(made->projects, 5);
  EXPECT_GE(made->activities, 20);
  EXPECT_LE(made->activities, 40);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT type) FROM activities"), 8);
  EXPECT_EQ(made->staff, Count("SELECT COUNT(*) FROM staff_members"));
  auto offices = services.offices.List(admin, {.limit = 10});
  ASSERT_TRUE(offices.ok());
  for (const auto& o : offices->items) EXPECT_GT(o.staff + o.volunteers, 0) << o.name;
  // Reach: registered people of the organisation and counted rows, only of done activities.
  EXPECT_GT(Count("SELECT COUNT(*) FROM service_records WHERE person_id IS NOT NULL"), 0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM service_records WHERE person_id IS NULL"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM service_records r JOIN activities a ON a.id = r.source_id "
                  "WHERE a.status <> 'done'"),
            0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM service_records WHERE office_id IS NULL"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM expenditures WHERE voided_at IS NOT NULL"), 1);
  auto projects = services.projects.List(admin, {.status = "completed"});
  ASSERT_TRUE(projects.ok());
  ASSERT_EQ(projects->items.size(), 1u);
  EXPECT_GT(projects->items[0].spent, projects->items[0].budget);  // ended over budget
}

SANAD_STORE_TEST_BACKENDS(DemoProgrammesTest);

}  // namespace
}  // namespace sanad::programmes
