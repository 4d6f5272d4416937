// Service records in the store, on both backends: rows for a household's live members, for
// people (following chains of merges to the person they are now), counted rows, deletion of one
// serving event's rows, and person_key rewritten when a merge is decided and undone.
#include "store/service_record_store.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "store/household_store.h"
#include "store/household_store_test_data.h"
#include "store/store_test_support.h"

namespace sanad::store {
namespace {

using registry::Household;

// A row as a report reads it.
struct Record {
  int64_t person_id = 0;  // 0 = counted
  int64_t person_key = 0;
  int64_t household_id = 0;
  int64_t count = 0;
  std::string sex;
  int64_t birth_year = 0;
  std::string age_group;
  std::string population_group;
  bool operator==(const Record&) const = default;
};

void PrintTo(const Record& r, std::ostream* os) {
  *os << "{person " << r.person_id << " key " << r.person_key << " household " << r.household_id
      << " count " << r.count << " " << r.sex << " " << r.birth_year << " '" << r.age_group << "' "
      << r.population_group << "}";
}

class ServiceRecordStoreTest : public BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    SeedOrganisationsAndPlaces(
        [this](const std::string& sql, std::vector<Value> p) { Exec(sql, std::move(p)); });
    Exec(
        "INSERT INTO offices (id, organisation_id, version, name, name_key, pcode, created_at, "
        "updated_at) VALUES (3, ?, 1, 'Erbil office', 'erbil office', ?, 0, 0)",
        {kOrgA, std::string(kMarkazErbil)});
    Exec(
        "INSERT INTO projects (id, organisation_id, office_id, version, code, name, sectors, "
        "status, starts_on, currency, created_at, updated_at) VALUES (7, ?, 3, 1, 'PRJ-1', "
        "'Winter', ',shelter_nfi,', 'ongoing', '2026-01-01', 'USD', 0, 0)",
        {kOrgA});
  }

  Household Insert(Household h) {
    SANAD_EXPECT_OK(Write([&](Connection& c) {
      return InsertHousehold(c, &h, {.actor_id = kActor, .now = 100, .search_text = "x"});
    }));
    return h;
  }

  static ServiceRecordBase Event(std::string source, int64_t source_id) {
    return {.organisation_id = kOrgA,
            .sector = "wash",
            .source = std::move(source),
            .source_id = source_id,
            .kind = "in_kind",
            .pcode = kMarkazHamdaniya,
            .served_on = "2026-12-02"};
  }

  // The rows of one serving event, by person (counted rows last), person_key included.
  std::vector<Record> Records(const std::string& source, int64_t source_id) {
    std::vector<Record> out;
    for (const Row& r : Select("SELECT person_id, person_key, household_id, count, sex, "
                               "birth_year, age_group, population_group FROM service_records "
                               "WHERE source = ? AND source_id = ? "
                               "ORDER BY person_id IS NULL, person_id",
                               {source, source_id})) {
      out.push_back({.person_id = r.Int(0),
                     .person_key = r.Int(1),
                     .household_id = r.Int(2),
                     .count = r.Int(3),
                     .sex = r.Text(4),
                     .birth_year = r.Int(5),
                     .age_group = r.Text(6),
                     .population_group = r.Text(7)});
    }
    return out;
  }

  // person_id → person_key of every registered row.
  std::map<int64_t, int64_t> Keys() {
    std::map<int64_t, int64_t> out;
    for (const Row& r : Select("SELECT person_id, person_key FROM service_records "
                               "WHERE person_id IS NOT NULL")) {
      out[r.Int(0)] = r.Int(1);
    }
    return out;
  }

  void SetMergedInto(int64_t person, int64_t into) {
    Exec("UPDATE people SET merged_into = ? WHERE id = ?",
         {into == 0 ? Value() : Value(into), person});
  }
};

TEST_P(ServiceRecordStoreTest, AHouseholdsLiveMembersAreServedWithTheirRegistryFacts) {
  const Household h = Insert(JubouriFamily());  // head 1985, wife 1990, son 2015-06; in camp
  const Household other = Insert(ObaidiFamily());
  const int64_t head = h.members[0].id;
  const int64_t wife = h.members[1].id;
  const int64_t son = h.members[2].id;
  Exec("UPDATE people SET archived_at = 5 WHERE id = ?", {son});
  SetMergedInto(wife, other.members[0].id);  // registered twice: counted in her other household

  ServiceRecordBase base = Event("collection", 41);
  base.project_id = 7;
  base.office_id = 3;
  SANAD_ASSERT_OK(Write([&](Connection& c) { return InsertHouseholdRecords(c, base, h.id); }));
  EXPECT_EQ(Records("collection", 41), (std::vector<Record>{{.person_id = head,
                                                             .person_key = head,
                                                             .household_id = h.id,
                                                             .count = 1,
                                                             .sex = "male",
                                                             .birth_year = 1985,
                                                             .population_group = "idp"}}));
  const Rows shared = Select(
      "SELECT organisation_id, project_id, office_id, sector, kind, pcode, served_on "
      "FROM service_records WHERE source = 'collection' AND source_id = 41");
  ASSERT_EQ(shared.size(), 1u);
  EXPECT_EQ(shared[0].Int(0), kOrgA);
  EXPECT_EQ(shared[0].Int(1), 7);
  EXPECT_EQ(shared[0].Int(2), 3);
  EXPECT_EQ(shared[0].Text(3), "wash");
  EXPECT_EQ(shared[0].Text(4), "in_kind");
  EXPECT_EQ(shared[0].Text(5), kMarkazHamdaniya);
  EXPECT_EQ(shared[0].Text(6), "2026-12-02");

  // Served again with the son back and no project: no project or office, a partial birth date
  // gives its year, a returnee household its group.
  Exec("UPDATE people SET archived_at = NULL WHERE id = ?", {son});
  SANAD_ASSERT_OK(Write(
      [&](Connection& c) { return InsertHouseholdRecords(c, Event("collection", 42), h.id); }));
  SANAD_ASSERT_OK(Write(
      [&](Connection& c) { return InsertHouseholdRecords(c, Event("collection", 43), other.id); }));
  EXPECT_EQ(Records("collection", 42).size(), 2u);
  EXPECT_EQ(Records("collection", 42)[1].birth_year, 2015);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM service_records WHERE source_id = 42 AND "
                  "project_id IS NULL AND office_id IS NULL"),
            2);
  EXPECT_EQ(Records("collection", 43), (std::vector<Record>{{.person_id = other.members[0].id,
                                                             .person_key = other.members[0].id,
                                                             .household_id = other.id,
                                                             .count = 1,
                                                             .sex = "male",
                                                             .population_group = "returnee"}}));
}

TEST_P(ServiceRecordStoreTest, PeopleAreKeyedByWhoTheyAreAfterChainsOfMerges) {
  const Household a = Insert(JubouriFamily());
  const Household b = Insert(ObaidiFamily());
  const int64_t kept = a.members[0].id;
  const int64_t middle = a.members[2].id;
  const int64_t last = b.members[0].id;
  SetMergedInto(middle, kept);
  SetMergedInto(last, middle);  // merged into someone merged later: last → middle → kept

  const int64_t people[] = {last, middle, a.members[1].id, 999999};  // 999999: no one
  SANAD_ASSERT_OK(Write(
      [&](Connection& c) { return InsertPeopleRecords(c, Event("case_service", 5), people); }));
  const std::vector<Record> rows = Records("case_service", 5);
  ASSERT_EQ(rows.size(), 3u);
  std::map<int64_t, int64_t> keys;
  for (const Record& r : rows) keys[r.person_id] = r.person_key;
  EXPECT_EQ(keys, (std::map<int64_t, int64_t>{
                      {middle, kept}, {last, kept}, {a.members[1].id, a.members[1].id}}));
  EXPECT_EQ(rows.front().population_group, "idp");
  // Nobody to serve is no error and no row.
  SANAD_EXPECT_OK(Write([&](Connection& c) {
    return InsertPeopleRecords(c, Event("case_service", 6), std::span<const int64_t>());
  }));
  EXPECT_TRUE(Records("case_service", 6).empty());
}

TEST_P(ServiceRecordStoreTest, CountedPeopleAreOneRowOfTheirNumber) {
  SANAD_ASSERT_OK(Write([&](Connection& c) -> Status {
    SANAD_RETURN_IF_ERROR(
        InsertCountedRecord(c, Event("activity", 9), "female", "18-59", "host", 12));
    return InsertCountedRecord(c, Event("case_service", 10), "unknown", "unknown", "unknown", 1);
  }));
  EXPECT_EQ(Records("activity", 9),
            (std::vector<Record>{
                {.count = 12, .sex = "female", .age_group = "18-59", .population_group = "host"}}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM service_records WHERE person_id IS NULL AND "
                  "person_key IS NULL AND household_id IS NULL"),
            2);
  EXPECT_EQ(Records("case_service", 10).front().sex, "unknown");
}

TEST_P(ServiceRecordStoreTest, DeletingAnEventRemovesOnlyItsRows) {
  const Household h = Insert(JubouriFamily());
  SANAD_ASSERT_OK(Write([&](Connection& c) -> Status {
    SANAD_RETURN_IF_ERROR(InsertHouseholdRecords(c, Event("collection", 1), h.id));
    SANAD_RETURN_IF_ERROR(InsertHouseholdRecords(c, Event("collection", 2), h.id));
    return InsertCountedRecord(c, Event("activity", 1), "male", "6-17", "idp", 3);
  }));
  int64_t deleted = -1;
  SANAD_ASSERT_OK(Write([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(deleted, DeleteServiceRecords(c, "collection", 1));
    return Status::Ok();
  }));
  EXPECT_EQ(deleted, 3);
  EXPECT_TRUE(Records("collection", 1).empty());
  EXPECT_EQ(Records("collection", 2).size(), 3u);
  EXPECT_EQ(Records("activity", 1).size(), 1u);
  SANAD_ASSERT_OK(Write([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(deleted, DeleteServiceRecords(c, "collection", 1));
    return Status::Ok();
  }));
  EXPECT_EQ(deleted, 0);
}

// A merge decided makes two registrations one person_key; a later merge of the kept person
// carries everyone merged into them along; undoing separates exactly what was merged.
TEST_P(ServiceRecordStoreTest, MergesAndTheirUndoRewritePersonKeys) {
  const Household a = Insert(JubouriFamily());
  const Household b = Insert(ObaidiFamily());
  const int64_t head = a.members[0].id;
  const int64_t wife = a.members[1].id;
  const int64_t son = a.members[2].id;
  const int64_t khalid = b.members[0].id;
  SANAD_ASSERT_OK(Write([&](Connection& c) -> Status {
    SANAD_RETURN_IF_ERROR(InsertHouseholdRecords(c, Event("collection", 1), a.id));
    return InsertHouseholdRecords(c, Event("collection", 2), b.id);
  }));
  const std::map<int64_t, int64_t> separate = {
      {head, head}, {wife, wife}, {son, son}, {khalid, khalid}};
  ASSERT_EQ(Keys(), separate);

  // khalid is the head registered twice.
  SetMergedInto(khalid, head);
  const int64_t group1[] = {head, khalid};
  SANAD_ASSERT_OK(Write([&](Connection& c) { return RekeyServiceRecords(c, group1); }));
  EXPECT_EQ(Keys(),
            (std::map<int64_t, int64_t>{{head, head}, {wife, wife}, {son, son}, {khalid, head}}));

  // Then the head is found to be the son's registration (a chain: khalid → head → son).
  SetMergedInto(head, son);
  const int64_t group2[] = {son, head};
  SANAD_ASSERT_OK(Write([&](Connection& c) { return RekeyServiceRecords(c, group2); }));
  EXPECT_EQ(Keys(),
            (std::map<int64_t, int64_t>{{head, son}, {wife, wife}, {son, son}, {khalid, son}}));
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT person_key) FROM service_records"), 2);

  // Undo the second merge: khalid follows head again, not son.
  SetMergedInto(head, 0);
  SANAD_ASSERT_OK(Write([&](Connection& c) { return RekeyServiceRecords(c, group2); }));
  EXPECT_EQ(Keys(),
            (std::map<int64_t, int64_t>{{head, head}, {wife, wife}, {son, son}, {khalid, head}}));
  // Undo the first: everyone is themselves again.
  SetMergedInto(khalid, 0);
  SANAD_ASSERT_OK(Write([&](Connection& c) { return RekeyServiceRecords(c, group1); }));
  EXPECT_EQ(Keys(), separate);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT person_key) FROM service_records"), 4);
}

TEST(PopulationGroupTest, DisplacementStatusesAreReportedAsTheirGroup) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"idp_in_camp", "idp"}, {"idp_out_of_camp", "idp"}, {"returnee", "returnee"},
      {"refugee", "refugee"}, {"host_community", "host"}, {"migrant", "other"},
      {"", "unknown"},        {"nomad", "unknown"}};
  for (const auto& [status, group] : cases) EXPECT_EQ(PopulationGroup(status), group) << status;
}

SANAD_STORE_TEST_BACKENDS(ServiceRecordStoreTest);

}  // namespace
}  // namespace sanad::store
