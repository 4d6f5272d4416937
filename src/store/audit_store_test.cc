// The audit log in the store, on both backends: entries round-trip, and lists filter by
// organisation, entity and entity id, in either order, page by page.
#include "store/audit_store.h"

#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace sanad::store {
namespace {

using access::AuditEntry;

class AuditStoreTest : public BackendTest<> {
 protected:
  // Six entries, ids 1..6 in this order: (org, entity, entity_id).
  void AppendSample() {
    const std::tuple<int64_t, const char*, int64_t> sample[] = {
        {1, "household", 7}, {1, "household", 8}, {2, "household", 7},
        {1, "user", 7},      {1, "household", 7}, {2, "organisation", 2}};
    for (const auto& row : sample) {
      const auto [org, entity, id] = row;
      SANAD_EXPECT_OK(Write([&, org = org, entity = entity, id = id](Connection& c) {
        return AppendAudit(c, {.at = 1000 + id,
                               .organisation_id = org,
                               .user_id = 3,
                               .username = "zainab",
                               .action = "update",
                               .entity = entity,
                               .entity_id = id});
      }));
    }
  }

  std::vector<int64_t> Ids(const AuditFilter& f, int64_t* count) {
    std::vector<int64_t> ids;
    SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(auto entries, ListAudit(c, f));
      for (const auto& e : entries) ids.push_back(e.id);
      SANAD_ASSIGN_OR_RETURN(*count, CountAudit(c, f));
      return Status::Ok();
    }));
    return ids;
  }
};

TEST_P(AuditStoreTest, EntryRoundTripsWithChanges) {
  const AuditEntry in{.at = 1700000000,
                      .organisation_id = 1,
                      .user_id = 3,
                      .username = "زينب",
                      .action = "update",
                      .entity = "household",
                      .entity_id = 42,
                      .changes = {{"members[0].given_name", "محمد", "أحمد"},
                                  {"phone", std::nullopt, "+9647501234567"},
                                  {"origin.pcode", "IQG15Q05", std::nullopt}}};
  SANAD_ASSERT_OK(Write([&](Connection& c) { return AppendAudit(c, in); }));
  std::vector<AuditEntry> out;
  SANAD_ASSERT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(out, ListAudit(c, {.organisation_id = 1}));
    return Status::Ok();
  }));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_GT(out[0].id, 0);
  EXPECT_EQ(out[0].at, in.at);
  EXPECT_EQ(out[0].organisation_id, 1);
  EXPECT_EQ(out[0].user_id, 3);
  EXPECT_EQ(out[0].username, "زينب");
  EXPECT_EQ(out[0].action, "update");
  EXPECT_EQ(out[0].entity, "household");
  EXPECT_EQ(out[0].entity_id, 42);
  EXPECT_EQ(out[0].changes, in.changes);
}

TEST_P(AuditStoreTest, EntryOfARolledBackChangeIsNotKept) {
  const Status s = Write([](Connection& c) -> Status {
    SANAD_RETURN_IF_ERROR(AppendAudit(
        c, {.organisation_id = 1, .username = "u", .action = "create", .entity = "household"}));
    return Status::Conflict("the change itself failed");
  });
  EXPECT_EQ(s.code(), StatusCode::kConflict);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), 0);
}

struct FilterCase {
  const char* name;
  AuditFilter filter;
  std::vector<int64_t> ids;
  int64_t count;
};

const FilterCase kFilters[] = {
    {"organisation_newest_first", {.organisation_id = 1}, {5, 4, 2, 1}, 4},
    {"other_organisation", {.organisation_id = 2}, {6, 3}, 2},
    {"no_such_organisation", {.organisation_id = 3}, {}, 0},
    {"entity", {.organisation_id = 1, .entity = "household"}, {5, 2, 1}, 3},
    {"entity_and_id", {.organisation_id = 1, .entity = "household", .entity_id = 7}, {5, 1}, 2},
    {"id_without_entity", {.organisation_id = 1, .entity_id = 7}, {5, 4, 1}, 3},
    {"oldest_first", {.organisation_id = 1, .oldest_first = true}, {1, 2, 4, 5}, 4},
    {"first_page", {.organisation_id = 1, .limit = 3}, {5, 4, 2}, 4},
    {"second_page", {.organisation_id = 1, .limit = 3, .offset = 3}, {1}, 4},
    {"past_the_end", {.organisation_id = 1, .limit = 3, .offset = 9}, {}, 4},
};

TEST_P(AuditStoreTest, ListsFilterByOrganisationEntityAndIdPageByPage) {
  AppendSample();
  for (const auto& tc : kFilters) {
    SCOPED_TRACE(tc.name);
    int64_t count = -1;
    EXPECT_EQ(Ids(tc.filter, &count), tc.ids);
    EXPECT_EQ(count, tc.count);
  }
}

// Regression: CountAudit bound its parameters before the WHERE clause had added them.
TEST_P(AuditStoreTest, CountBindsTheFilterParameters) {
  AppendSample();
  int64_t count = -1;
  SANAD_ASSERT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(count, CountAudit(c, {.organisation_id = 2}));
    return Status::Ok();
  }));
  EXPECT_EQ(count, 2);
}

SANAD_STORE_TEST_BACKENDS(AuditStoreTest);

}  // namespace
}  // namespace sanad::store
