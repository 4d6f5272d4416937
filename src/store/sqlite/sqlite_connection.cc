#include "store/sqlite/sqlite_connection_internal.h"

#include <cctype>

namespace sanad::store::sqlite {
namespace {

constexpr int kBusyTimeoutMs = 30000;
// Statements kept prepared per connection; SQL beyond this is prepared for one use so that
// generated SQL (IN lists of varying length) cannot grow a connection without bound.
constexpr size_t kMaxCachedStatements = 512;
constexpr const char* kSetup = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

bool OnlySpace(const char* p) {
  for (; p != nullptr && *p != '\0'; ++p) {
    if (!std::isspace(static_cast<unsigned char>(*p))) return false;
  }
  return true;
}

Value Cell(sqlite3_stmt* stmt, int c) {
  switch (sqlite3_column_type(stmt, c)) {
    case SQLITE_INTEGER:
      return sqlite3_column_int64(stmt, c);
    case SQLITE_FLOAT:
      return sqlite3_column_double(stmt, c);
    case SQLITE_NULL:
      return std::monostate{};
    default: {
      // Text first, then its length, as SQLite documents; NULL for an empty blob.
      const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
      const auto n = static_cast<size_t>(sqlite3_column_bytes(stmt, c));
      return p == nullptr ? std::string() : std::string(p, n);
    }
  }
}

}  // namespace

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string msg =
        "cannot open SQLite database " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close_v2(db);
    return Status::Unavailable(msg);
  }
  auto conn = std::make_unique<SqliteConnection>(db);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db, 1);
  SANAD_ASSIGN_OR_RETURN(Rows mode, conn->Query("PRAGMA journal_mode=WAL", {}));
  if (mode.empty() || mode.front().Text(0) != "wal") {
    return Status::FailedPrecondition("SQLite database " + path +
                                      " cannot use WAL journaling (journal_mode is " +
                                      (mode.empty() ? "unknown" : mode.front().Text(0)) +
                                      "); give the path of a file on a local disk");
  }
  SANAD_RETURN_IF_ERROR(conn->Control(kSetup));
  return conn;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Result<Rows> SqliteConnection::Query(std::string_view sql, std::span<const Value> params) {
  Rows rows;
  SANAD_RETURN_IF_ERROR(Run(sql, params, &rows));
  return rows;
}

Result<int64_t> SqliteConnection::Execute(std::string_view sql, std::span<const Value> params) {
  SANAD_RETURN_IF_ERROR(Run(sql, params, nullptr));
  return static_cast<int64_t>(sqlite3_changes64(db_));
}

Status SqliteConnection::ExecuteScript(std::string_view sql) {
  if (failed_) return Status::Internal("sqlite: the transaction is aborted by an earlier error");
  return Control(std::string(sql).c_str());
}

Status SqliteConnection::Control(const char* sql) {
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  sqlite3_free(err);  // the same text as sqlite3_errmsg, which Error reports
  return rc == SQLITE_OK ? Status::Ok() : Error("exec");
}

Status SqliteConnection::Error(const char* what) {
  const int code = sqlite3_extended_errcode(db_);
  const int primary = code & 0xff;
  std::string msg = std::string("sqlite ") + what + ": " + sqlite3_errmsg(db_);
  failed_ = true;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    retryable_ = true;
    return Status::Unavailable(std::move(msg));
  }
  if (primary == SQLITE_CANTOPEN || primary == SQLITE_FULL || primary == SQLITE_IOERR) {
    return Status::Unavailable(std::move(msg));
  }
  if (primary == SQLITE_CONSTRAINT) {
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
      return Status::AlreadyExists(std::move(msg));
    }
    return Status::FailedPrecondition(std::move(msg));
  }
  return Status::Internal(std::move(msg));
}

Result<sqlite3_stmt*> SqliteConnection::Prepare(std::string_view sql, bool* cached) {
  std::string key(sql);
  if (auto it = cache_.find(key); it != cache_.end()) {
    *cached = true;
    return it->second;
  }
  *cached = cache_.size() < kMaxCachedStatements;
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  if (sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                         *cached ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, &tail) != SQLITE_OK) {
    return Error("prepare");
  }
  if (stmt == nullptr || !OnlySpace(tail)) {
    sqlite3_finalize(stmt);
    return Status::Internal("sqlite: Query and Execute take exactly one statement: " + key);
  }
  if (*cached) cache_.emplace(std::move(key), stmt);
  return stmt;
}

Status SqliteConnection::Run(std::string_view sql, std::span<const Value> params, Rows* rows) {
  if (failed_) return Status::Internal("sqlite: the transaction is aborted by an earlier error");
  bool cached = false;
  SANAD_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, &cached));
  Status s = Step(stmt, params, rows);
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  if (!cached) sqlite3_finalize(stmt);
  return s;
}

Status SqliteConnection::Step(sqlite3_stmt* stmt, std::span<const Value> params, Rows* rows) {
  if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt)) {
    return Status::Internal("sqlite: the statement takes " +
                            std::to_string(sqlite3_bind_parameter_count(stmt)) +
                            " parameters, given " + std::to_string(params.size()));
  }
  for (size_t i = 0; i < params.size(); ++i) {
    const int idx = static_cast<int>(i) + 1;
    const Value& v = params[i];
    int rc = SQLITE_OK;
    if (const auto* n = std::get_if<int64_t>(&v)) {
      rc = sqlite3_bind_int64(stmt, idx, *n);
    } else if (const auto* d = std::get_if<double>(&v)) {
      rc = sqlite3_bind_double(stmt, idx, *d);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      // The caller's string outlives the step, so SQLite need not copy it.
      rc = sqlite3_bind_text64(stmt, idx, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
    } else {
      rc = sqlite3_bind_null(stmt, idx);
    }
    if (rc != SQLITE_OK) return Error("bind");
  }
  const int ncols = sqlite3_column_count(stmt);
  for (;;) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) return Status::Ok();
    if (rc != SQLITE_ROW) return Error("step");
    if (rows == nullptr) continue;
    std::vector<Value> cells;
    cells.reserve(static_cast<size_t>(ncols));
    for (int c = 0; c < ncols; ++c) cells.push_back(Cell(stmt, c));
    rows->emplace_back(std::move(cells));
  }
}

}  // namespace sanad::store::sqlite
