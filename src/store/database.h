// Database and Connection: the one storage interface of sanad, implemented by SQLite
// (store/sqlite) and PostgreSQL (store/postgres). SQL given to it is one portable dialect:
// `?` placeholders, always bound; the PostgreSQL backend rewrites them to $1, $2, ...
// A Database is thread-safe and pools connections; a Connection is used by one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/status.h"

namespace sanad::store {

// A bound parameter or a result cell. PostgreSQL returns every non-null cell as text;
// Row's accessors convert, so callers need not care which backend produced a row.
using Value = std::variant<std::monostate, int64_t, double, std::string>;

class Row {
 public:
  explicit Row(std::vector<Value> cells) : cells_(std::move(cells)) {}
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(cells_.at(i)); }
  int64_t Int(size_t i) const;       // 0 for NULL
  double Double(size_t i) const;     // 0 for NULL
  std::string Text(size_t i) const;  // "" for NULL
  size_t size() const { return cells_.size(); }

 private:
  std::vector<Value> cells_;
};

using Rows = std::vector<Row>;

class Connection {
 public:
  virtual ~Connection() = default;
  // Runs one statement and returns its rows (none for statements without RETURNING).
  virtual Result<Rows> Query(std::string_view sql, std::span<const Value> params = {}) = 0;
  // Runs one statement and returns how many rows it changed.
  virtual Result<int64_t> Execute(std::string_view sql, std::span<const Value> params = {}) = 0;
  // Runs a script of several statements without parameters (migrations).
  virtual Status ExecuteScript(std::string_view sql) = 0;
};

enum class Backend { kSqlite, kPostgres };

enum class TxMode {
  kRead,  // a consistent, read-only snapshot
  // Serialisable: SQLite takes the write lock up front (BEGIN IMMEDIATE), so writers run one
  // at a time; PostgreSQL runs SERIALIZABLE and retries. Read-modify-write is safe on both.
  kWrite,
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Backend backend() const = 0;
  // Runs `fn` inside one transaction: commits when it returns ok, rolls back otherwise (and on
  // any exception, which is then turned into an internal Status). A commit is durable when
  // this returns ok. On both backends a failed statement aborts the transaction: later
  // statements fail and it cannot commit (internal), even if `fn` ignores the error.
  // Retries the whole function when the backend reports a transient failure (serialisation,
  // deadlock, SQLite BUSY, a connection lost before COMMIT), so `fn` must have no effects
  // outside the connection. Errors: already_exists for a unique violation,
  // failed_precondition for other constraints, unavailable when the database cannot be
  // reached (or the retries ran out), internal otherwise.
  virtual Status InTransaction(TxMode mode, const std::function<Status(Connection&)>& fn) = 0;
};

// Opens "postgresql://..." / "postgres://..." URLs with PostgreSQL and anything else as a
// SQLite file path. Does not migrate; see migrations.h.
Result<std::unique_ptr<Database>> OpenDatabase(const std::string& url);

}  // namespace sanad::store
