// SqliteConnection: one sqlite3 handle with its statement cache, the mapping of SQLite
// errors to sanad Status codes, and the transaction state the pool needs (internal to
// store/sqlite). Used by one thread at a time.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/status.h"
#include "store/database.h"

namespace sanad::store::sqlite {

class SqliteConnection final : public Connection {
 public:
  // Opens the file (creating it) in WAL mode with synchronous=FULL and foreign keys on.
  // Unavailable when it cannot be opened; FailedPrecondition when WAL is impossible (an
  // in-memory database, a file system without shared memory).
  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path);

  explicit SqliteConnection(sqlite3* db) : db_(db) {}  // takes ownership
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Result<Rows> Query(std::string_view sql, std::span<const Value> params) override;
  Result<int64_t> Execute(std::string_view sql, std::span<const Value> params) override;
  Status ExecuteScript(std::string_view sql) override;

  // Transaction control for the pool: BEGIN, COMMIT, ROLLBACK.
  Status Control(const char* sql);
  // Called before each transaction attempt.
  void StartAttempt() {
    failed_ = false;
    retryable_ = false;
  }
  // Whether a statement failed since StartAttempt. Like PostgreSQL, the transaction is then
  // aborted: later statements fail and it cannot commit, so code behaves the same on both
  // (and nothing runs in autocommit mode after SQLite rolled a transaction back by itself).
  bool failed() const { return failed_; }
  // Whether the failure was SQLITE_BUSY/LOCKED, which running the transaction again may cure.
  bool retryable() const { return retryable_; }
  bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

 private:
  Status Error(const char* what);
  Result<sqlite3_stmt*> Prepare(std::string_view sql, bool* cached);
  Status Run(std::string_view sql, std::span<const Value> params, Rows* rows);
  Status Step(sqlite3_stmt* stmt, std::span<const Value> params, Rows* rows);

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  bool failed_ = false;
  bool retryable_ = false;
};

}  // namespace sanad::store::sqlite
