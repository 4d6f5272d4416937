// What only the PostgreSQL backend has to show: session settings, isolation levels, and
// recovery from serialisation failures and lost connections.
#include "store/postgres/postgres_database.h"

#include <gtest/gtest.h>

#include "store/store_test_support.h"
#include "tests/support/test_database.h"

namespace sanad::store::postgres {
namespace {

class PostgresDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = testing_support::FreshDatabaseUrl(testing_support::TestBackend::kPostgres);
    db_ = Open();
    ASSERT_NE(db_, nullptr);
    SANAD_ASSERT_OK(db_->InTransaction(TxMode::kWrite, [](Connection& c) {
      return c.ExecuteScript(
          "CREATE TABLE counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL);"
          "INSERT INTO counter VALUES (1, 0)");
    }));
  }

  std::unique_ptr<Database> Open() {
    auto db = OpenDatabase(url_);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(db).value() : nullptr;
  }

  std::string Setting(TxMode mode, const std::string& name) {
    std::string out;
    SANAD_EXPECT_OK(db_->InTransaction(mode, [&](Connection& c) -> Status {
      const Value p[] = {name};
      SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query("SELECT current_setting(?)", p));
      out = rows.front().Text(0);
      return Status::Ok();
    }));
    return out;
  }

  int64_t Counter() {
    int64_t n = -1;
    SANAD_EXPECT_OK(db_->InTransaction(TxMode::kRead, [&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query("SELECT n FROM counter WHERE id = 1"));
      n = rows.front().Int(0);
      return Status::Ok();
    }));
    return n;
  }

  std::string url_;
  std::unique_ptr<Database> db_;
};

TEST_F(PostgresDatabaseTest, SessionsAreDurableUtf8AndPrintFloatsExactly) {
  EXPECT_EQ(Setting(TxMode::kWrite, "synchronous_commit"), "on");
  EXPECT_EQ(Setting(TxMode::kWrite, "client_encoding"), "UTF8");
  EXPECT_EQ(Setting(TxMode::kWrite, "extra_float_digits"), "3");
  EXPECT_EQ(Setting(TxMode::kWrite, "standard_conforming_strings"), "on");
}

// libpq 15 takes the description of a prepared statement with more than about 7,490 parameters
// (a message over 30,000 bytes) for a lost connection; such statements run unprepared.
TEST_F(PostgresDatabaseTest, AStatementWithTenThousandParametersRuns) {
  constexpr int kRows = 5000;
  std::string sql = "INSERT INTO counter (id, n) VALUES ";
  std::vector<Value> params;
  for (int i = 0; i < kRows; ++i) {
    sql += i == 0 ? "(?, ?)" : ", (?, ?)";
    params.emplace_back(int64_t{i + 2});
    params.emplace_back(int64_t{i});
  }
  SANAD_ASSERT_OK(db_->InTransaction(
      TxMode::kWrite, [&](Connection& c) { return c.Execute(sql, params).status(); }));
  std::string in = "SELECT COUNT(*), SUM(n) FROM counter WHERE id IN (";
  std::vector<Value> ids;
  for (int i = 0; i < 2 * kRows; ++i) {
    in += i == 0 ? "?" : ", ?";
    ids.emplace_back(int64_t{i + 2});
  }
  in += ")";
  SANAD_EXPECT_OK(db_->InTransaction(TxMode::kRead, [&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(in, ids));
    EXPECT_EQ(rows.front().Int(0), kRows);
    EXPECT_EQ(rows.front().Int(1), int64_t{kRows} * (kRows - 1) / 2);
    return Status::Ok();
  }));
}

TEST_F(PostgresDatabaseTest, WritesAreSerializableAndReadsAreReadOnlySnapshots) {
  EXPECT_EQ(Setting(TxMode::kWrite, "transaction_isolation"), "serializable");
  EXPECT_EQ(Setting(TxMode::kRead, "transaction_isolation"), "repeatable read");
  EXPECT_EQ(Setting(TxMode::kRead, "transaction_read_only"), "on");
  const Status s = db_->InTransaction(
      TxMode::kRead, [](Connection& c) { return c.Execute("UPDATE counter SET n = 5").status(); });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(Counter(), 0);
}

// A concurrent commit between this transaction's read and its write: the write fails with
// a serialisation failure and the whole function runs again on fresh data.
TEST_F(PostgresDatabaseTest, SerialisationFailureRunsTheTransactionAgain) {
  auto other = Open();
  ASSERT_NE(other, nullptr);
  int attempts = 0;
  SANAD_ASSERT_OK(db_->InTransaction(TxMode::kWrite, [&](Connection& c) -> Status {
    ++attempts;
    SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query("SELECT n FROM counter WHERE id = 1"));
    if (attempts == 1) {
      SANAD_RETURN_IF_ERROR(other->InTransaction(TxMode::kWrite, [](Connection& o) {
        return o.Execute("UPDATE counter SET n = n + 100 WHERE id = 1").status();
      }));
    }
    const Value p[] = {rows.front().Int(0) + 1};
    return c.Execute("UPDATE counter SET n = ? WHERE id = 1", p).status();
  }));
  EXPECT_EQ(attempts, 2);
  EXPECT_EQ(Counter(), 101);
}

TEST_F(PostgresDatabaseTest, ConnectionLostBeforeCommitRunsTheTransactionAgain) {
  int attempts = 0;
  SANAD_ASSERT_OK(db_->InTransaction(TxMode::kWrite, [&](Connection& c) -> Status {
    ++attempts;
    SANAD_RETURN_IF_ERROR(c.Execute("UPDATE counter SET n = n + 1 WHERE id = 1").status());
    if (attempts == 1) {
      Status lost = c.Query("SELECT pg_terminate_backend(pg_backend_pid())").status();
      EXPECT_EQ(lost.code(), StatusCode::kUnavailable) << lost.ToString();
      return lost;
    }
    return Status::Ok();
  }));
  EXPECT_EQ(attempts, 2);
  EXPECT_EQ(Counter(), 1);  // the first attempt's update died with its connection
}

TEST_F(PostgresDatabaseTest, PooledConnectionKilledByTheServerIsReplaced) {
  int64_t pid = 0;
  SANAD_ASSERT_OK(db_->InTransaction(TxMode::kRead, [&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query("SELECT pg_backend_pid()"));
    pid = rows.front().Int(0);
    return Status::Ok();
  }));
  auto other = Open();
  ASSERT_NE(other, nullptr);
  SANAD_ASSERT_OK(other->InTransaction(TxMode::kWrite, [&](Connection& c) {
    const Value p[] = {pid};
    return c.Query("SELECT pg_terminate_backend(?, 10000)", p).status();
  }));
  int64_t new_pid = 0;
  SANAD_ASSERT_OK(db_->InTransaction(TxMode::kRead, [&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query("SELECT pg_backend_pid()"));
    new_pid = rows.front().Int(0);
    return Status::Ok();
  }));
  EXPECT_NE(new_pid, pid);
}

TEST(PostgresOpenTest, UnreachableServerIsUnavailable) {
  const auto db = OpenDatabase("postgresql://postgres@/postgres?host=/nonexistent-sanad&port=1");
  EXPECT_EQ(db.status().code(), StatusCode::kUnavailable) << db.status().ToString();
}

}  // namespace
}  // namespace sanad::store::postgres
