// The sealed columns walked in batches, replaced and counted by key, on both backends.
#include "store/sealed_store.h"

#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace sanad::store {
namespace {

constexpr SealedColumn kCases = kSealedColumns[0];
constexpr SealedColumn kEvents = kSealedColumns[1];
constexpr SealedColumn kReferrals = kSealedColumns[2];

// Stand-ins for sealed text: the store only looks at the "s1.<key id>." start.
std::string Sealed(const std::string& key_id, int64_t n) {
  return "s1." + key_id + ".bm9uY2UrY2lwaGVy/" + std::to_string(n) + "==";
}

class SealedStoreTest : public BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    Exec("INSERT INTO organisations (id, name, name_key, created_at) VALUES (1, 'o', 'o', 0)");
    Exec(
        "INSERT INTO users (id, organisation_id, username, password_hash, role, created_at) "
        "VALUES (5, 1, 'amal.gbv', 'h', 'caseworker', 0)");
    Exec("INSERT INTO places (pcode, level, name_en, name_ar) VALUES ('IQZ99', 1, 'p', 'ب')");
    Exec(
        "INSERT INTO services (id, organisation_id, type, name, pcode, version, created_at, "
        "updated_at) VALUES (3, 1, 'health', 's', 'IQZ99', 1, 0, 0)");
  }

  void AddCase(int64_t id, const std::string& content) {
    Exec(
        "INSERT INTO cases (id, organisation_id, module, status, risk, owner_id, version, "
        "opened_at, status_at, content, created_at, updated_at) "
        "VALUES (?, 1, 'gbv', 'open', 2, 5, 1, 0, 0, ?, 0, 0)",
        {id, content});
  }
  void AddEvent(int64_t id, const Value& body) {
    Exec(
        "INSERT INTO case_events (id, case_id, at, username, kind, body) "
        "VALUES (?, 1, 0, 'amal.gbv', 'follow_up', ?)",
        {id, body});
  }
  void AddReferral(int64_t id, const std::string& content) {
    Exec(
        "INSERT INTO referrals (id, from_organisation_id, from_user_id, case_id, service_id, "
        "to_organisation_id, urgency, status, version, sent_at, due_at, content) "
        "VALUES (?, 1, 5, 1, 3, 1, 'normal', 'sent', 1, 0, 0, ?)",
        {id, content});
  }

  std::vector<SealedValue> Batch(const SealedColumn& column, int64_t after, int64_t limit,
                                 std::string_view skip = "") {
    std::vector<SealedValue> out;
    SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(out, ReadSealedBatch(c, column, after, limit, skip));
      return Status::Ok();
    }));
    return out;
  }

  static std::vector<int64_t> Ids(const std::vector<SealedValue>& values) {
    std::vector<int64_t> ids;
    for (const SealedValue& v : values) ids.push_back(v.id);
    return ids;
  }
};

TEST_P(SealedStoreTest, BatchesComeInIdOrderAfterTheLastIdSkippingNull) {
  AddCase(1, Sealed("aaaaaaaa", 1));
  for (int64_t id : {7, 3, 9, 4}) AddEvent(id, Sealed("aaaaaaaa", id));
  AddEvent(5, Value{});  // an event without a note
  EXPECT_EQ(Ids(Batch(kEvents, 0, 2)), (std::vector<int64_t>{3, 4}));
  EXPECT_EQ(Ids(Batch(kEvents, 4, 2)), (std::vector<int64_t>{7, 9}));
  EXPECT_TRUE(Batch(kEvents, 9, 2).empty());
  const auto one = Batch(kEvents, 6, 1);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].sealed, Sealed("aaaaaaaa", 7));
}

TEST_P(SealedStoreTest, ABatchCanLeaveOutWhatIsAlreadyUnderOneKey) {
  AddCase(1, Sealed("aaaaaaaa", 1));
  AddCase(2, Sealed("bbbbbbbb", 2));
  AddCase(3, Sealed("aaaaaaaa", 3));
  AddCase(4, Sealed("bbbbbbbb", 4));
  EXPECT_EQ(Ids(Batch(kCases, 0, 10, "bbbbbbbb")), (std::vector<int64_t>{1, 3}));
  EXPECT_EQ(Ids(Batch(kCases, 1, 1, "bbbbbbbb")), (std::vector<int64_t>{3}));
  EXPECT_EQ(Ids(Batch(kCases, 0, 10, "aaaaaaaa")), (std::vector<int64_t>{2, 4}));
  const Status bad =
      Read([&](Connection& c) { return ReadSealedBatch(c, kCases, 0, 10, "short").status(); });
  EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);
}

TEST_P(SealedStoreTest, ReplacingAValueChangesOnlyThatRow) {
  AddCase(1, Sealed("aaaaaaaa", 1));
  AddReferral(8, Sealed("aaaaaaaa", 8));
  AddReferral(9, Sealed("aaaaaaaa", 9));
  SANAD_EXPECT_OK(Write(
      [](Connection& c) { return ReplaceSealedValue(c, kReferrals, 8, Sealed("cccccccc", 8)); }));
  const auto all = Batch(kReferrals, 0, 10);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].sealed, Sealed("cccccccc", 8));
  EXPECT_EQ(all[1].sealed, Sealed("aaaaaaaa", 9));
  const Status missing = Write(
      [](Connection& c) { return ReplaceSealedValue(c, kReferrals, 99, Sealed("cccccccc", 99)); });
  EXPECT_EQ(missing.code(), StatusCode::kNotFound) << missing.ToString();
}

TEST_P(SealedStoreTest, CountsValuesByTheKeyThatSealedThem) {
  AddCase(1, Sealed("aaaaaaaa", 1));
  AddEvent(1, Sealed("aaaaaaaa", 1));
  AddEvent(2, Sealed("bbbbbbbb", 2));
  AddEvent(3, Sealed("aaaaaaaa", 3));
  AddEvent(4, Value{});
  AddEvent(5, "plain text that should not be here");
  std::map<std::string, int64_t> counts;
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(counts, CountSealedByKey(c, kEvents));
    return Status::Ok();
  }));
  const std::map<std::string, int64_t> expected = {{"aaaaaaaa", 2}, {"bbbbbbbb", 1}, {"", 1}};
  EXPECT_EQ(counts, expected);
}

TEST_P(SealedStoreTest, OnlyTheSealedColumnsCanBeWalked) {
  const Status s = Read([](Connection& c) {
    return ReadSealedBatch(c, {.table = "users", .column = "password_hash"}, 0, 10).status();
  });
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
}

SANAD_STORE_TEST_BACKENDS(SealedStoreTest);

}  // namespace
}  // namespace sanad::store
