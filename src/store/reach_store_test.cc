// Reach over a hand-computed scenario on both backends: a family served twice, a duplicate
// merged into one of its members, an activity with registered and counted people, a GBV
// service counted without a person, a referral, and another organisation's records.
#include "store/reach_store.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/service_record_store.h"
#include "store/store_test_support.h"

namespace sanad::store {
namespace {

constexpr int64_t kOrg = 1;
constexpr int64_t kOtherOrg = 2;
constexpr int64_t kPublicProject = 1;
constexpr int64_t kPrivateProject = 2;
constexpr int kYear = 2026;
// People (ids = insertion order below).
constexpr int64_t kA = 1;  // female 1990, idp (household 1)
constexpr int64_t kB = 2;  // male 2015, idp (household 1)
constexpr int64_t kC = 3;  // female 2022, idp (household 1)
constexpr int64_t kD = 4;  // male 1950, returnee (household 2)
constexpr int64_t kE = 5;  // female, no birth date, returnee (household 2)
constexpr int64_t kF = 6;  // female 1991, host (household 3): A registered twice

std::string CellsText(const ReachRow& row) {
  std::string out;
  for (const ReachCell& c : row.cells) {
    out +=
        c.sex + "/" + c.age_group + "/" + c.population_group + "=" + std::to_string(c.people) + " ";
  }
  return out;
}

class ReachStoreTest : public BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    for (int64_t org : {kOrg, kOtherOrg}) {
      Exec("INSERT INTO organisations (id, name, name_key, created_at) VALUES (?, ?, ?, 0)",
           {org, "org" + std::to_string(org), "org" + std::to_string(org)});
    }
    for (const char* p : {"IQG15", "IQG15Q03", "IQG15Q03N03", "IQG11", "IQG11Q02"}) {
      Exec("INSERT INTO places (pcode, level, name_en, name_ar) VALUES (?, 1, 'n', 'ن')",
           {std::string(p)});
    }
    for (auto [id, pub] : {std::pair{kPublicProject, 1}, std::pair{kPrivateProject, 0}}) {
      Exec(
          "INSERT INTO projects (id, organisation_id, version, code, name, sectors, status, "
          "starts_on, currency, public, created_at, updated_at) VALUES (?, ?, 1, ?, 'p', "
          "',protection,', 'ongoing', '2026-01-01', 'USD', ?, 0, 0)",
          {id, kOrg, "P" + std::to_string(id), int64_t{pub}});
    }
    int64_t household = 0;
    for (const char* status : {"idp_in_camp", "returnee", "host_community"}) {
      Exec(
          "INSERT INTO households (id, organisation_id, version, displacement_status, "
          "location_pcode, created_at, updated_at) VALUES (?, ?, 1, ?, 'IQG15Q03N03', 0, 0)",
          {++household, kOrg, std::string(status)});
    }
    struct Person {
      int64_t household;
      const char* sex;
      const char* birth_date;
    };
    const Person people[] = {{1, "female", "1990-05-01"}, {1, "male", "2015"},
                             {1, "female", "2022-02"},    {2, "male", "1950"},
                             {2, "female", ""},           {3, "female", "1991"}};
    int64_t id = 0;
    for (const Person& p : people) {
      ++id;
      Exec(
          "INSERT INTO people (id, household_id, organisation_id, position, given_name, sex, "
          "birth_date, relationship) VALUES (?, ?, ?, ?, 'x', ?, ?, 'other')",
          {id, p.household, kOrg, id, std::string(p.sex), std::string(p.birth_date)});
    }
    SANAD_ASSERT_OK(Write([&](Connection& c) -> Status {
      ServiceRecordBase collection{.organisation_id = kOrg,
                                   .project_id = kPublicProject,
                                   .sector = "food_security",
                                   .source = "collection",
                                   .source_id = 1,
                                   .kind = "in_kind",
                                   .pcode = "IQG15Q03N03",
                                   .served_on = "2026-01-10"};
      SANAD_RETURN_IF_ERROR(InsertHouseholdRecords(c, collection, 1));
      collection.source_id = 2;
      collection.served_on = "2026-02-15";
      SANAD_RETURN_IF_ERROR(InsertHouseholdRecords(c, collection, 1));
      const ServiceRecordBase activity{.organisation_id = kOrg,
                                       .project_id = kPrivateProject,
                                       .sector = "protection",
                                       .source = "activity",
                                       .source_id = 10,
                                       .kind = "awareness_session",
                                       .pcode = "IQG11Q02",
                                       .served_on = "2026-02-20"};
      const int64_t attendees[] = {kD, kF};
      SANAD_RETURN_IF_ERROR(InsertPeopleRecords(c, activity, attendees));
      SANAD_RETURN_IF_ERROR(InsertCountedRecord(c, activity, "female", "18-59", "idp", 4));
      SANAD_RETURN_IF_ERROR(InsertCountedRecord(c, activity, "male", "6-17", "host", 3));
      const ServiceRecordBase gbv{.organisation_id = kOrg,
                                  .sector = "gbv",
                                  .source = "case_service",
                                  .source_id = 20,
                                  .kind = "gbv",
                                  .pcode = "IQG15Q03",
                                  .served_on = "2026-03-01"};
      SANAD_RETURN_IF_ERROR(InsertCountedRecord(c, gbv, "", "", "", 1));
      const ServiceRecordBase referral{.organisation_id = kOrg,
                                       .sector = "health",
                                       .source = "referral",
                                       .source_id = 30,
                                       .kind = "health",
                                       .pcode = "IQG15Q03N03",
                                       .served_on = "2026-03-05"};
      const int64_t referred[] = {kE};
      SANAD_RETURN_IF_ERROR(InsertPeopleRecords(c, referral, referred));
      const ServiceRecordBase elsewhere{.organisation_id = kOtherOrg,
                                        .sector = "health",
                                        .source = "activity",
                                        .source_id = 99,
                                        .kind = "pfa_group",
                                        .pcode = "IQG15Q03N03",
                                        .served_on = "2026-02-01"};
      return InsertCountedRecord(c, elsewhere, "male", "18-59", "idp", 50);
    }));
  }

  std::vector<ReachRow> Run(const ReachFilter& f, std::vector<ReachDim> dims, int year = kYear) {
    std::vector<ReachRow> out;
    const Status s = Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(out, Reach(c, f, dims, year));
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }

  void MergeFIntoA() {
    Exec("UPDATE people SET merged_into = ? WHERE id = ?", {kA, kF});
    SANAD_ASSERT_OK(Write([](Connection& c) {
      const int64_t ids[] = {kA, kF};
      return RekeyServiceRecords(c, ids);
    }));
  }
};

TEST_P(ReachStoreTest, CountsEachPersonOnceInOneCellAndCountedPeopleAsTheyAre) {
  // Before the merge A and F are two people.
  std::vector<ReachRow> rows = Run({.organisation_id = kOrg}, {});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].registered, 6);
  EXPECT_EQ(rows[0].people, 14);

  MergeFIntoA();
  rows = Run({.organisation_id = kOrg}, {});
  ASSERT_EQ(rows.size(), 1u);
  const ReachRow& all = rows[0];
  EXPECT_TRUE(all.keys.empty());
  EXPECT_EQ(all.registered, 5);  // A (and F), B, C, D, E
  EXPECT_EQ(all.counted, 8);     // 4 + 3 at the activity, 1 GBV survivor
  EXPECT_EQ(all.people, 13);
  EXPECT_EQ(all.times_served, 17);  // 3 + 3 collected, 2 + 7 attended, 1 case, 1 referral
  EXPECT_EQ(all.households, 3);     // F's row keeps F's household
  // A's values are the greatest of A's and F's rows: born 1991 (35), idp over host.
  EXPECT_EQ(CellsText(all),
            "female/0-5/idp=1 female/18-59/idp=5 female/unknown/returnee=1 male/6-17/host=3 "
            "male/6-17/idp=1 male/60+/returnee=1 unknown/unknown/unknown=1 ");

  // Only the activity: A counts through F's row alone (host).
  rows = Run({.organisation_id = kOrg, .kinds = {"awareness_session"}}, {});
  EXPECT_EQ(rows[0].people, 9);
  EXPECT_EQ(CellsText(rows[0]),
            "female/18-59/host=1 female/18-59/idp=4 male/6-17/host=3 male/60+/returnee=1 ");

  // Age at the end of an earlier year: B is 5, C not yet born (counted a baby).
  rows = Run({.organisation_id = kOrg, .sources = {"collection"}}, {}, 2020);
  EXPECT_EQ(CellsText(rows[0]), "female/0-5/idp=1 female/18-59/idp=1 male/0-5/idp=1 ");

  // Nothing matches: one row of zeros.
  rows = Run({.organisation_id = kOrg, .from = "2030-01-01"}, {});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].people, 0);
  EXPECT_TRUE(rows[0].cells.empty());
}

TEST_P(ReachStoreTest, GroupsByDimensionsAndFilters) {
  MergeFIntoA();
  const ReachDim month[] = {ReachDim::kMonth};
  std::vector<ReachRow> rows = Run({.organisation_id = kOrg}, {month[0]});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].keys, std::vector<std::string>{"2026-01"});
  EXPECT_EQ(rows[0].people, 3);
  EXPECT_EQ(rows[0].households, 1);
  EXPECT_EQ(rows[1].keys, std::vector<std::string>{"2026-02"});
  EXPECT_EQ(rows[1].people, 11);  // A, B, C, D and 7 counted: A once though served twice
  EXPECT_EQ(rows[1].times_served, 12);
  EXPECT_EQ(rows[1].households, 3);
  EXPECT_EQ(rows[2].people, 2);

  // Without cells nor households: the same people in one scan.
  const std::vector<ReachRow> lean =
      Run({.organisation_id = kOrg, .with_cells = false, .with_households = false}, {month[0]});
  ASSERT_EQ(lean.size(), 3u);
  for (size_t i = 0; i < lean.size(); ++i) {
    EXPECT_EQ(lean[i].keys, rows[i].keys);
    EXPECT_EQ(lean[i].people, rows[i].people);
    EXPECT_EQ(lean[i].registered, rows[i].registered);
    EXPECT_EQ(lean[i].times_served, rows[i].times_served);
    EXPECT_TRUE(lean[i].cells.empty());
    EXPECT_EQ(lean[i].households, 0);
  }

  // A person served in two governorates counts once in each.
  rows = Run({.organisation_id = kOrg}, {ReachDim::kAdm1, ReachDim::kAdm2});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].keys, (std::vector<std::string>{"IQG11", "IQG11Q02"}));
  EXPECT_EQ(rows[0].people, 9);
  EXPECT_EQ(rows[1].keys, (std::vector<std::string>{"IQG15", "IQG15Q03"}));
  EXPECT_EQ(rows[1].people, 5);
  EXPECT_EQ(rows[1].counted, 1);

  rows = Run({.organisation_id = kOrg}, {ReachDim::kProject, ReachDim::kSource});
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].keys, (std::vector<std::string>{"", "case_service"}));
  EXPECT_EQ(rows[1].keys, (std::vector<std::string>{"", "referral"}));
  EXPECT_EQ(rows[2].keys, (std::vector<std::string>{"1", "collection"}));
  EXPECT_EQ(rows[2].people, 3);
  EXPECT_EQ(rows[2].times_served, 6);
  EXPECT_EQ(rows[3].keys, (std::vector<std::string>{"2", "activity"}));
  EXPECT_EQ(rows[3].people, 9);

  // Public projects only: no record without a project, nothing of the private one.
  rows = Run({.organisation_id = kOrg, .public_projects_only = true}, {});
  EXPECT_EQ(rows[0].people, 3);
  rows = Run({.organisation_id = kOrg, .project_id = kPrivateProject}, {});
  EXPECT_EQ(rows[0].people, 9);
  rows = Run({.organisation_id = kOrg, .sources = {"collection", "referral"}}, {});
  EXPECT_EQ(rows[0].people, 4);
  rows = Run({.organisation_id = kOrg, .sectors = {"gbv", "health"}}, {});
  EXPECT_EQ(rows[0].people, 2);
  rows = Run({.organisation_id = kOrg, .pcode = "IQG15Q03N03"}, {});
  EXPECT_EQ(rows[0].people, 4);
  rows = Run({.organisation_id = kOrg, .pcode = "IQG15"}, {});
  EXPECT_EQ(rows[0].people, 5);
  rows = Run({.organisation_id = kOrg, .pcodes = {"IQG11", "IQG15Q03N03"}}, {});
  EXPECT_EQ(rows[0].people, 12);  // the activity's 9 and B, C, E (A is already counted)
  rows = Run({.organisation_id = kOrg, .from = "2026-02-01", .to = "2026-02-28"}, {});
  EXPECT_EQ(rows[0].people, 11);
  rows = Run({.organisation_id = kOtherOrg}, {ReachDim::kSector});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].people, 50);
  EXPECT_EQ(rows[0].households, 0);
}

TEST_P(ReachStoreTest, CumulatesUniquePeopleByMonthOverThePeriod) {
  MergeFIntoA();
  std::vector<MonthTotal> months;
  SANAD_ASSERT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(
        months, ReachByMonthCumulative(
                    c, {.organisation_id = kOrg, .from = "2025-12-01", .to = "2026-04-30"}));
    return Status::Ok();
  }));
  ASSERT_EQ(months.size(), 5u);
  const std::pair<int64_t, int64_t> expected[] = {{0, 0}, {3, 3}, {8, 11}, {2, 13}, {0, 13}};
  for (size_t i = 0; i < months.size(); ++i) {
    EXPECT_EQ(months[i].people, expected[i].first) << months[i].month;
    EXPECT_EQ(months[i].cumulative, expected[i].second) << months[i].month;
  }
  EXPECT_EQ(months[0].month, "2025-12");
  EXPECT_EQ(months[2].month, "2026-02");
  EXPECT_EQ(months[2].times_served, 12);
  EXPECT_EQ(months[4].month, "2026-04");
}

SANAD_STORE_TEST_BACKENDS(ReachStoreTest);

}  // namespace
}  // namespace sanad::store
