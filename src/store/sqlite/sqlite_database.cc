#include "store/sqlite/sqlite_database.h"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "store/sqlite/sqlite_connection_internal.h"

namespace sanad::store::sqlite {
namespace {

constexpr size_t kMaxConnections = 16;
// Attempts of a transaction that met SQLITE_BUSY; the busy timeout has already waited inside
// SQLite, so these are for the cases it cannot wait out (a deferred transaction upgrading to
// a writer, a snapshot that went stale).
constexpr int kMaxAttempts = 5;
constexpr std::chrono::milliseconds kBackoffStep{5};

Status RunCatching(const std::function<Status(Connection&)>& fn, Connection& c) {
  try {
    return fn(c);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("unexpected exception: ") + e.what());
  } catch (...) {
    return Status::Internal("unexpected exception");
  }
}

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(std::string path) : path_(std::move(path)) {}

  Backend backend() const override { return Backend::kSqlite; }

  Status Open() {
    SANAD_ASSIGN_OR_RETURN(std::unique_ptr<SqliteConnection> c, SqliteConnection::Open(path_));
    {
      std::lock_guard lock(mu_);
      ++open_;
    }
    Release(std::move(c));
    return Status::Ok();
  }

  Status InTransaction(TxMode mode, const std::function<Status(Connection&)>& fn) override {
    Status last;
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
      if (attempt > 0) std::this_thread::sleep_for(kBackoffStep * attempt);
      bool retryable = false;
      last = Attempt(mode, fn, &retryable);
      if (!retryable) return last;
    }
    return Status::Unavailable("sqlite: gave up after " + std::to_string(kMaxAttempts) +
                               " attempts: " + last.message());
  }

 private:
  Status Attempt(TxMode mode, const std::function<Status(Connection&)>& fn, bool* retryable) {
    // Writers of this process queue here rather than polling SQLite's lock through the busy
    // handler; BEGIN IMMEDIATE still orders them against other processes.
    std::unique_lock<std::mutex> writer;
    if (mode == TxMode::kWrite) writer = std::unique_lock(write_mu_);
    SANAD_ASSIGN_OR_RETURN(std::unique_ptr<SqliteConnection> conn, Acquire());
    Status s = RunTransaction(*conn, mode, fn);
    *retryable = !s.ok() && conn->retryable();
    Release(std::move(conn));
    return s;
  }

  static Status RunTransaction(SqliteConnection& conn, TxMode mode,
                               const std::function<Status(Connection&)>& fn) {
    conn.StartAttempt();
    SANAD_RETURN_IF_ERROR(conn.Control(mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN"));
    Status s = RunCatching(fn, conn);
    if (s.ok() && conn.failed()) {
      s = Status::Internal("sqlite: transaction rolled back after an earlier error in it");
    }
    if (s.ok()) s = conn.Control("COMMIT");
    if (conn.in_transaction()) (void)conn.Control("ROLLBACK");
    return s;
  }

  // Waits while all kMaxConnections are in use.
  Result<std::unique_ptr<SqliteConnection>> Acquire() {
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return !idle_.empty() || open_ < kMaxConnections; });
      if (!idle_.empty()) {
        auto c = std::move(idle_.back());
        idle_.pop_back();
        return c;
      }
      ++open_;
    }
    auto c = SqliteConnection::Open(path_);
    if (!c.ok()) {
      std::lock_guard lock(mu_);
      --open_;
      cv_.notify_one();
    }
    return c;
  }

  // Returns a connection to the pool, or closes it when a transaction is still open on it.
  void Release(std::unique_ptr<SqliteConnection> c) {
    if (c->in_transaction()) c.reset();
    std::lock_guard lock(mu_);
    if (c) {
      idle_.push_back(std::move(c));
    } else {
      --open_;
    }
    cv_.notify_one();
  }

  const std::string path_;
  std::mutex write_mu_;  // held for the whole of a write transaction
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_;  // guarded by mu_
  size_t open_ = 0;                                      // idle + leased; guarded by mu_
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path) {
  auto db = std::make_unique<SqliteDatabase>(path);
  SANAD_RETURN_IF_ERROR(db->Open());
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace sanad::store::sqlite
