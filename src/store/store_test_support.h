// Test support for the store tests (only *_test.cc include it): a fixture parameterised over
// both backends that opens a fresh, migrated database, and small helpers that assert.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "store/database.h"
#include "store/migrations.h"
#include "tests/support/test_database.h"

namespace sanad::testing_support {

// Prints "sqlite" or "postgres" where gtest shows a test's parameter.
inline void PrintTo(TestBackend backend, std::ostream* os) { *os << BackendName(backend); }

}  // namespace sanad::testing_support

namespace sanad::store {

using testing_support::TestBackend;

inline std::string ParamName(const ::testing::TestParamInfo<TestBackend>& info) {
  return testing_support::BackendName(info.param);
}

// Instantiates a TEST_P suite once per backend, named sqlite and postgres.
#define SANAD_STORE_TEST_BACKENDS(Suite)                                                 \
  INSTANTIATE_TEST_SUITE_P(, Suite, ::testing::ValuesIn(testing_support::AllBackends()), \
                           ::sanad::store::ParamName)

// A fresh database on the backend under test; migrated unless kMigrate is false.
template <bool kMigrate = true>
class BackendTest : public ::testing::TestWithParam<TestBackend> {
 protected:
  void SetUp() override {
    url_ = testing_support::FreshDatabaseUrl(GetParam());
    auto db = OpenDatabase(url_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
    if (kMigrate) {
      const Status s = Migrate(*db_);
      ASSERT_TRUE(s.ok()) << s.ToString();
    }
  }

  Status Write(const std::function<Status(Connection&)>& fn) {
    return db_->InTransaction(TxMode::kWrite, fn);
  }
  Status Read(const std::function<Status(Connection&)>& fn) {
    return db_->InTransaction(TxMode::kRead, fn);
  }

  // Runs one statement in its own write transaction; fails the test when it fails.
  void Exec(const std::string& sql, std::vector<Value> params = {}) {
    const Status s = Write([&](Connection& c) { return c.Execute(sql, params).status(); });
    ASSERT_TRUE(s.ok()) << sql << ": " << s.ToString();
  }

  // The rows of one query in its own read transaction; fails the test when it fails.
  Rows Select(const std::string& sql, std::vector<Value> params = {}) {
    Rows rows;
    const Status s = Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(rows, c.Query(sql, params));
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << sql << ": " << s.ToString();
    return rows;
  }

  int64_t Count(const std::string& sql, std::vector<Value> params = {}) {
    const Rows rows = Select(sql, std::move(params));
    return rows.empty() ? -1 : rows.front().Int(0);
  }

  std::string url_;
  std::unique_ptr<Database> db_;
};

#define SANAD_EXPECT_OK(expr)                          \
  do {                                                 \
    const ::sanad::Status sanad_s_ = (expr);           \
    EXPECT_TRUE(sanad_s_.ok()) << sanad_s_.ToString(); \
  } while (false)
#define SANAD_ASSERT_OK(expr)                          \
  do {                                                 \
    const ::sanad::Status sanad_s_ = (expr);           \
    ASSERT_TRUE(sanad_s_.ok()) << sanad_s_.ToString(); \
  } while (false)

}  // namespace sanad::store
