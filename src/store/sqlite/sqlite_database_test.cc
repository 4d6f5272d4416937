// What only the SQLite backend has to show: durable settings on every connection, clear
// failures for unusable paths, and writers of several processes serialised on the file.
#include "store/sqlite/sqlite_database.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "store/store_test_support.h"
#include "tests/support/test_database.h"

namespace sanad::store::sqlite {
namespace {

std::unique_ptr<Database> OpenFresh(const std::string& path) {
  auto db = OpenDatabase(path);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(db).value() : nullptr;
}

struct PragmaCase {
  const char* pragma;
  const char* value;
};

const PragmaCase kPragmas[] = {
    {"journal_mode", "wal"},
    {"synchronous", "2"},  // FULL: a commit is on disk before it returns, also in WAL mode
    {"foreign_keys", "1"},
    {"busy_timeout", "30000"},
};

TEST(SqliteDatabaseTest, EveryConnectionIsDurableAndChecksForeignKeys) {
  auto db = OpenFresh(testing_support::FreshDatabaseUrl(testing_support::TestBackend::kSqlite));
  ASSERT_NE(db, nullptr);
  // Two transactions at once use two pooled connections; both must be set up.
  SANAD_ASSERT_OK(db->InTransaction(TxMode::kRead, [&](Connection&) {
    return db->InTransaction(TxMode::kRead, [](Connection& c) -> Status {
      for (const auto& p : kPragmas) {
        SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(std::string("PRAGMA ") + p.pragma));
        EXPECT_EQ(rows.front().Text(0), p.value) << p.pragma;
      }
      return Status::Ok();
    });
  }));
}

struct BadPathCase {
  const char* name;
  const char* path;
  StatusCode code;
};

const BadPathCase kBadPaths[] = {
    {"in_memory_cannot_be_shared_by_a_pool", ":memory:", StatusCode::kFailedPrecondition},
    {"missing_directory", "/nonexistent-sanad-dir/sanad.db", StatusCode::kUnavailable},
};

TEST(SqliteDatabaseTest, UnusablePathsFailClearly) {
  for (const auto& tc : kBadPaths) {
    const auto db = OpenDatabase(tc.path);
    EXPECT_EQ(db.status().code(), tc.code) << tc.name << ": " << db.status().ToString();
  }
}

// Two Database objects on one file stand for two processes: their writers meet only on
// SQLite's own lock (BEGIN IMMEDIATE and the busy timeout).
TEST(SqliteDatabaseTest, WritersOfTwoProcessesLoseNoUpdates) {
  constexpr int kThreadsPerProcess = 4;
  constexpr int kIncrements = 10;
  const std::string path = testing_support::FreshDatabaseUrl(testing_support::TestBackend::kSqlite);
  auto first = OpenFresh(path);
  auto second = OpenFresh(path);
  ASSERT_TRUE(first && second);
  SANAD_ASSERT_OK(first->InTransaction(TxMode::kWrite, [](Connection& c) {
    return c.ExecuteScript(
        "CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL);"
        "INSERT INTO counter VALUES (1, 0)");
  }));
  std::vector<std::thread> threads;
  for (Database* db : {first.get(), second.get()}) {
    for (int t = 0; t < kThreadsPerProcess; ++t) {
      threads.emplace_back([db] {
        for (int k = 0; k < kIncrements; ++k) {
          SANAD_EXPECT_OK(db->InTransaction(TxMode::kWrite, [](Connection& c) -> Status {
            SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query("SELECT n FROM counter"));
            const Value p[] = {rows.front().Int(0) + 1};
            return c.Execute("UPDATE counter SET n = ?", p).status();
          }));
        }
      });
    }
  }
  for (auto& t : threads) t.join();
  SANAD_EXPECT_OK(second->InTransaction(TxMode::kRead, [](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query("SELECT n FROM counter"));
    EXPECT_EQ(rows.front().Int(0), 2 * kThreadsPerProcess * kIncrements);
    return Status::Ok();
  }));
}

}  // namespace
}  // namespace sanad::store::sqlite
