// The Database contract on both backends: value round-trips, commit and rollback, error
// codes, placeholders, and concurrent writers.
#include "store/database.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <thread>
#include <vector>

#include "store/store_test_support.h"

namespace sanad::store {
namespace {

constexpr char kCreateValues[] =
    "CREATE TABLE vals (id BIGINT PRIMARY KEY, i BIGINT, d DOUBLE PRECISION, s TEXT)";
constexpr char kCreateParentChild[] =
    "CREATE TABLE parent (id BIGINT PRIMARY KEY);"
    "CREATE TABLE child (id BIGINT PRIMARY KEY, parent_id BIGINT REFERENCES parent(id), "
    "name TEXT NOT NULL UNIQUE)";

class DatabaseTest : public BackendTest<false> {
 protected:
  void CreateTables(const char* script) {
    SANAD_ASSERT_OK(Write([&](Connection& c) { return c.ExecuteScript(script); }));
  }
};

struct RoundTripCase {
  const char* name;
  Value i;
  Value d;
  Value s;
};

const RoundTripCase kRoundTrips[] = {
    {"nulls", Value{}, Value{}, Value{}},
    {"zero_and_empty", int64_t{0}, 0.0, std::string()},
    {"int64_max", std::numeric_limits<int64_t>::max(), 1e300, std::string("x")},
    {"int64_min", std::numeric_limits<int64_t>::min(), -2.5, std::string("y")},
    {"beyond_32_bits", int64_t{5'000'000'000}, 0.1, std::string("z")},
    {"arabic", int64_t{-1}, 36.3400569, std::string("محمد عبد الرحمن حسين الجبوري")},
    {"emoji_and_mixed_scripts", int64_t{7}, 2.2250738585072014e-308,
     std::string("فاطمة Fatima 👩‍👧 ٠١٢٣")},
    {"quotes_backslashes_placeholders", int64_t{8}, 1.0 / 3,
     std::string("it's a \"?\" in C:\\path\\$1 -- /* ? */\nline two")},
};

TEST_P(DatabaseTest, RoundTripsEveryValueType) {
  CreateTables(kCreateValues);
  int64_t id = 0;
  for (const auto& tc : kRoundTrips) {
    SCOPED_TRACE(tc.name);
    ++id;
    Exec("INSERT INTO vals (id, i, d, s) VALUES (?, ?, ?, ?)", {id, tc.i, tc.d, tc.s});
    // The same values bound as parameters find the row again.
    const Rows rows = Select("SELECT i, d, s FROM vals WHERE id = ?", {id});
    ASSERT_EQ(rows.size(), 1u);
    const Row& r = rows.front();
    EXPECT_EQ(r.IsNull(0), std::holds_alternative<std::monostate>(tc.i));
    EXPECT_EQ(r.IsNull(1), std::holds_alternative<std::monostate>(tc.d));
    EXPECT_EQ(r.IsNull(2), std::holds_alternative<std::monostate>(tc.s));
    if (const auto* n = std::get_if<int64_t>(&tc.i)) {
      EXPECT_EQ(r.Int(0), *n);
      EXPECT_EQ(r.Text(0), std::to_string(*n));
    }
    if (const auto* d = std::get_if<double>(&tc.d)) {
      EXPECT_EQ(r.Double(1), *d);  // exact
    }
    if (const auto* s = std::get_if<std::string>(&tc.s)) {
      EXPECT_EQ(r.Text(2), *s);
    }
    if (std::holds_alternative<std::monostate>(tc.s)) {
      EXPECT_EQ(r.Text(2), "");
      EXPECT_EQ(r.Int(0), 0);
    }
  }
  // Text search by an Arabic value and NULL tests through parameters.
  EXPECT_EQ(
      Count("SELECT COUNT(*) FROM vals WHERE s = ?", {std::string("محمد عبد الرحمن حسين الجبوري")}),
      1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM vals WHERE i IS NULL"), 1);
}

TEST_P(DatabaseTest, DoublesReadAsTextTheSameOnBothBackends) {
  CreateTables(kCreateValues);
  Exec("INSERT INTO vals (id, d) VALUES (1, ?), (2, ?), (3, ?)", {1.5, 3.0, 0.1});
  const Rows rows = Select("SELECT d FROM vals ORDER BY id");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].Text(0), "1.5");
  EXPECT_EQ(rows[1].Text(0), "3");
  EXPECT_EQ(rows[2].Text(0), "0.1");
}

enum class Ending { kOk, kErrorStatus, kStdException, kOtherException };

struct EndingCase {
  const char* name;
  Ending ending;
  StatusCode code;
  int64_t rows_after;
};

const EndingCase kEndings[] = {
    {"ok_commits", Ending::kOk, StatusCode::kOk, 1},
    {"error_status_rolls_back", Ending::kErrorStatus, StatusCode::kInvalidArgument, 0},
    {"std_exception_rolls_back", Ending::kStdException, StatusCode::kInternal, 0},
    {"other_exception_rolls_back", Ending::kOtherException, StatusCode::kInternal, 0},
};

TEST_P(DatabaseTest, CommitsOnOkAndRollsBackOtherwise) {
  for (const auto& tc : kEndings) {
    SCOPED_TRACE(tc.name);
    CreateTables(kCreateValues);
    const Status s = Write([&](Connection& c) -> Status {
      SANAD_RETURN_IF_ERROR(c.Execute("INSERT INTO vals (id, s) VALUES (1, 'x')").status());
      switch (tc.ending) {
        case Ending::kOk:
          return Status::Ok();
        case Ending::kErrorStatus:
          return Status::InvalidArgument("no");
        case Ending::kStdException:
          throw std::runtime_error("boom");
        case Ending::kOtherException:
          throw 42;
      }
      return Status::Ok();
    });
    EXPECT_EQ(s.code(), tc.code) << s.ToString();
    EXPECT_EQ(Count("SELECT COUNT(*) FROM vals"), tc.rows_after);
    // The connection went back to the pool in a usable state.
    SANAD_EXPECT_OK(Write([](Connection& c) { return c.ExecuteScript("DROP TABLE vals"); }));
  }
}

TEST_P(DatabaseTest, AFailedStatementAbortsTheTransactionEvenWhenIgnored) {
  CreateTables(kCreateValues);
  Exec("INSERT INTO vals (id) VALUES (1)");
  int attempts = 0;
  const Status s = Write([&](Connection& c) -> Status {
    ++attempts;
    SANAD_RETURN_IF_ERROR(c.Execute("INSERT INTO vals (id) VALUES (2)").status());
    const Status dup = c.Execute("INSERT INTO vals (id) VALUES (1)").status();
    EXPECT_EQ(dup.code(), StatusCode::kAlreadyExists);
    // Like PostgreSQL, later statements fail too.
    EXPECT_FALSE(c.Query("SELECT COUNT(*) FROM vals").ok());
    return Status::Ok();  // ignores the error: must not commit half a transaction
  });
  EXPECT_EQ(s.code(), StatusCode::kInternal) << s.ToString();
  EXPECT_EQ(attempts, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM vals"), 1);
}

struct ErrorCase {
  const char* name;
  const char* sql;
  StatusCode code;
};

const ErrorCase kErrors[] = {
    {"unique_violation", "INSERT INTO child (id, parent_id, name) VALUES (2, 1, 'taken')",
     StatusCode::kAlreadyExists},
    {"primary_key_violation", "INSERT INTO child (id, parent_id, name) VALUES (1, 1, 'new')",
     StatusCode::kAlreadyExists},
    {"foreign_key_violation", "INSERT INTO child (id, parent_id, name) VALUES (3, 99, 'n')",
     StatusCode::kFailedPrecondition},
    {"not_null_violation", "INSERT INTO child (id, parent_id, name) VALUES (4, 1, NULL)",
     StatusCode::kFailedPrecondition},
    {"syntax_error", "INSERT INTO child VALUES (", StatusCode::kInternal},
    {"no_such_table", "SELECT * FROM no_such_table", StatusCode::kInternal},
};

TEST_P(DatabaseTest, ErrorsMapToDocumentedCodes) {
  CreateTables(kCreateParentChild);
  Exec("INSERT INTO parent (id) VALUES (1)");
  Exec("INSERT INTO child (id, parent_id, name) VALUES (1, 1, 'taken')");
  for (const auto& tc : kErrors) {
    SCOPED_TRACE(tc.name);
    const Status s = Write([&](Connection& c) { return c.Execute(tc.sql).status(); });
    EXPECT_EQ(s.code(), tc.code) << s.ToString();
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM child"), 1);
}

TEST_P(DatabaseTest, PlaceholdersInsideLiteralsAndCommentsAreNotParameters) {
  CreateTables(kCreateValues);
  Exec(
      "INSERT INTO vals (id, s) VALUES /* ? */ (1, '?'), -- a ? here\n"
      "(?, 'it''s ?'), (3, ?)",
      {int64_t{2}, std::string("?")});
  const Rows rows =
      Select("SELECT id, s FROM vals WHERE s LIKE '%?%' AND id >= ? ORDER BY id", {int64_t{1}});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].Text(1), "?");
  EXPECT_EQ(rows[1].Int(0), 2);
  EXPECT_EQ(rows[1].Text(1), "it's ?");
  EXPECT_EQ(rows[2].Text(1), "?");
}

TEST_P(DatabaseTest, ExecuteCountsChangedRows) {
  CreateTables(kCreateValues);
  Exec("INSERT INTO vals (id, i) VALUES (1, 1), (2, 1), (3, 2)");
  int64_t changed = -1;
  SANAD_ASSERT_OK(Write([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(changed, c.Execute("UPDATE vals SET s = ? WHERE i = ?",
                                              std::vector<Value>{std::string("a"), int64_t{1}}));
    return Status::Ok();
  }));
  EXPECT_EQ(changed, 2);
}

// Each writer reads the counter and writes it back plus one (a read-modify-write that READ
// COMMITTED would lose updates on), and logs a row; readers check that every snapshot they
// see has the counter equal to the number of log rows.
TEST_P(DatabaseTest, ConcurrentWritersLoseNoUpdatesAndReadersSeeSnapshots) {
  constexpr int kWriters = 8;
  constexpr int kIncrements = 20;
  constexpr int kReaders = 2;
  CreateTables(
      "CREATE TABLE counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL);"
      "CREATE TABLE log (id BIGINT PRIMARY KEY, writer BIGINT NOT NULL)");
  Exec("INSERT INTO counter (id, n) VALUES (1, 0)");
  std::atomic<int> failures{0};
  std::atomic<int> attempts{0};
  std::atomic<bool> writing{true};
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int k = 0; k < kIncrements; ++k) {
        const Status s = Write([&](Connection& c) -> Status {
          ++attempts;
          SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query("SELECT n FROM counter WHERE id = 1"));
          const int64_t n = rows.front().Int(0) + 1;
          const Value set[] = {n};
          SANAD_RETURN_IF_ERROR(c.Execute("UPDATE counter SET n = ? WHERE id = 1", set).status());
          const Value log[] = {n, int64_t{w}};
          return c.Execute("INSERT INTO log (id, writer) VALUES (?, ?)", log).status();
        });
        if (!s.ok()) {
          ADD_FAILURE() << s.ToString();
          ++failures;
        }
      }
    });
  }
  for (int r = 0; r < kReaders; ++r) {
    threads.emplace_back([&] {
      while (writing) {
        const Status s = Read([&](Connection& c) -> Status {
          SANAD_ASSIGN_OR_RETURN(Rows n, c.Query("SELECT n FROM counter WHERE id = 1"));
          SANAD_ASSIGN_OR_RETURN(Rows logged, c.Query("SELECT COUNT(*) FROM log"));
          EXPECT_EQ(n.front().Int(0), logged.front().Int(0));
          return Status::Ok();
        });
        EXPECT_TRUE(s.ok()) << s.ToString();
      }
    });
  }
  for (int w = 0; w < kWriters; ++w) threads[static_cast<size_t>(w)].join();
  writing = false;
  for (auto& t : threads) {
    if (t.joinable()) t.join();
  }
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(Count("SELECT n FROM counter WHERE id = 1"), kWriters * kIncrements);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM log"), kWriters * kIncrements);
  for (int w = 0; w < kWriters; ++w) {
    EXPECT_EQ(Count("SELECT COUNT(*) FROM log WHERE writer = ?", {int64_t{w}}), kIncrements);
  }
  EXPECT_GE(attempts, kWriters * kIncrements);
}

// More distinct statements than a connection keeps prepared (IN lists of every length).
TEST_P(DatabaseTest, ManyDistinctStatementsRunBeyondTheStatementCache) {
  constexpr int kStatements = 600;
  SANAD_ASSERT_OK(Write([](Connection& c) -> Status {
    for (int k = 1; k <= kStatements; ++k) {
      SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query("SELECT " + std::to_string(k) + " + ?",
                                                std::vector<Value>{int64_t{1}}));
      if (rows.front().Int(0) != k + 1) return Status::Internal("wrong sum");
    }
    return Status::Ok();
  }));
}

TEST_P(DatabaseTest, OpenDatabaseChoosesTheBackendByUrl) {
  EXPECT_EQ(db_->backend(),
            GetParam() == TestBackend::kSqlite ? Backend::kSqlite : Backend::kPostgres);
}

SANAD_STORE_TEST_BACKENDS(DatabaseTest);

}  // namespace
}  // namespace sanad::store
