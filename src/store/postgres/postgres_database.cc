#include "store/postgres/postgres_database.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "store/postgres/pg_connection_internal.h"

namespace sanad::store::postgres {
namespace {

constexpr size_t kMaxConnections = 16;
// A transaction is run again after a serialisation failure, a deadlock or a connection lost
// before COMMIT, for as long as kRetryBudget allows: a count would starve a writer of a hot
// row under contention. Backoff is random in [0, ceiling] ("full jitter"), the ceiling
// doubling from kBackoffBase up to kBackoffCap, so that colliding writers spread out.
constexpr std::chrono::seconds kRetryBudget{10};
constexpr std::chrono::microseconds kBackoffBase{1000};
constexpr std::chrono::microseconds kBackoffCap{64000};

// Write transactions are SERIALIZABLE: the same outcomes as SQLite, whose writers run one at
// a time, so read-modify-write code cannot lose updates on either backend.
constexpr const char* kBeginWrite = "BEGIN ISOLATION LEVEL SERIALIZABLE";
constexpr const char* kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

void Backoff(int attempt) {
  thread_local std::minstd_rand rng(
      static_cast<unsigned>(std::hash<std::thread::id>{}(std::this_thread::get_id())));
  const auto ceiling = std::min(kBackoffCap, kBackoffBase * (int64_t{1} << std::min(attempt, 16)));
  std::this_thread::sleep_for(std::chrono::microseconds(rng() % (ceiling.count() + 1)));
}

Status RunCatching(const std::function<Status(Connection&)>& fn, Connection& c) {
  try {
    return fn(c);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("unexpected exception: ") + e.what());
  } catch (...) {
    return Status::Internal("unexpected exception");
  }
}

class PgDatabase final : public Database {
 public:
  explicit PgDatabase(std::string url) : url_(std::move(url)) {}

  Backend backend() const override { return Backend::kPostgres; }

  Status Open() {
    SANAD_ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> conn, PgConnection::Open(url_));
    {
      std::lock_guard lock(mu_);
      ++open_;
    }
    Release(std::move(conn));
    return Status::Ok();
  }

  Status InTransaction(TxMode mode, const std::function<Status(Connection&)>& fn) override {
    const auto deadline = std::chrono::steady_clock::now() + kRetryBudget;
    for (int attempt = 0;; ++attempt) {
      if (attempt > 0) Backoff(attempt);
      bool retryable = false;
      Status s = Attempt(mode, fn, &retryable);
      if (!retryable) return s;
      if (std::chrono::steady_clock::now() >= deadline) {
        return Status::Unavailable("postgres: gave up after " + std::to_string(attempt + 1) +
                                   " attempts: " + s.message());
      }
    }
  }

 private:
  Status Attempt(TxMode mode, const std::function<Status(Connection&)>& fn, bool* retryable) {
    SANAD_ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> conn, Begin(mode));
    Status s = RunCatching(fn, *conn);
    const bool committing = s.ok();
    if (committing) {
      s = conn->Commit();
    } else {
      conn->Rollback();
    }
    if (!s.ok() && conn->lost()) {
      // Lost before COMMIT: nothing was committed, so running fn again is safe. Lost during
      // COMMIT: the outcome is unknown and must be reported, not guessed.
      *retryable = !committing;
      if (committing) {
        s = Status::Unavailable(
            "postgres: connection lost during COMMIT; the transaction may "
            "or may not have been committed: " +
            s.message());
      }
    } else {
      *retryable = !s.ok() && conn->retryable();
    }
    Release(std::move(conn));
    return s;
  }

  // A pooled connection inside a new transaction. Idle connections may have died (server
  // restart, idle timeout); those are dropped and another one is tried, which is safe
  // because nothing has run yet.
  Result<std::unique_ptr<PgConnection>> Begin(TxMode mode) {
    const char* sql = mode == TxMode::kRead ? kBeginRead : kBeginWrite;
    Status last;
    for (size_t i = 0; i <= kMaxConnections; ++i) {
      SANAD_ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> conn, Acquire());
      conn->StartAttempt();
      last = conn->ExecuteScript(sql);
      if (last.ok()) return conn;
      const bool dead = conn->lost();
      Release(std::move(conn));
      if (!dead) return last;
    }
    return last;
  }

  // Waits while all kMaxConnections are in use.
  Result<std::unique_ptr<PgConnection>> Acquire() {
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
    auto c = PgConnection::Open(url_);
    if (!c.ok()) {
      std::lock_guard lock(mu_);
      --open_;
      cv_.notify_one();
    }
    return c;
  }

  // Returns a connection to the pool, or closes it when it is dead or still in a transaction.
  void Release(std::unique_ptr<PgConnection> c) {
    if (c->lost() || !c->idle()) {
      c.reset();
      std::lock_guard lock(mu_);
      --open_;
      cv_.notify_one();
      return;
    }
    c->ResetStatementsIfStale();
    std::lock_guard lock(mu_);
    idle_.push_back(std::move(c));
    cv_.notify_one();
  }

  const std::string url_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<PgConnection>> idle_;  // guarded by mu_
  size_t open_ = 0;                                  // idle + leased; guarded by mu_
};

}  // namespace

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url) {
  auto db = std::make_unique<PgDatabase>(url);
  SANAD_RETURN_IF_ERROR(db->Open());
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace sanad::store::postgres
