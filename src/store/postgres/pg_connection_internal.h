// PgConnection: one libpq session with its prepared-statement cache, and the mapping of
// server errors to sanad Status codes (internal to store/postgres). Used by one thread at a
// time; the pool in postgres_database.cc hands it out.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "store/database.h"

namespace sanad::store::postgres {

struct PgResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, PgResultDeleter>;

class PgConnection final : public Connection {
 public:
  // Connects and sets the session up (UTF-8, exact floats, durable commits). Unavailable
  // when the server cannot be reached.
  static Result<std::unique_ptr<PgConnection>> Open(const std::string& url);

  explicit PgConnection(PGconn* conn) : conn_(conn) {}  // takes ownership

  ~PgConnection() override { PQfinish(conn_); }
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Result<Rows> Query(std::string_view sql, std::span<const Value> params) override;
  Result<int64_t> Execute(std::string_view sql, std::span<const Value> params) override;
  Status ExecuteScript(std::string_view sql) override;

  // Called before each transaction attempt.
  void StartAttempt() {
    retryable_ = false;
    lost_ = false;
  }
  // Whether the current transaction failed in a way that running it again may cure
  // (serialisation failure, deadlock, a cached plan made stale by a schema change).
  bool retryable() const { return retryable_; }
  // Whether the session ended under the current transaction (connection closed, server
  // shutting down or terminating it); the transaction is then certainly not committed.
  bool lost() const { return lost_ || broken(); }
  bool broken() const { return PQstatus(conn_) != CONNECTION_OK; }
  bool idle() const { return PQtransactionStatus(conn_) == PQTRANS_IDLE; }

  // Internal when the transaction had been aborted by an earlier error (COMMIT then
  // answers ROLLBACK without an error, which must not pass for a commit).
  Status Commit();
  void Rollback();
  // Forgets prepared statements after the server said a cached plan no longer fits the
  // schema. Only valid outside a transaction.
  void ResetStatementsIfStale();

 private:
  struct Statement {
    std::string name;
    std::vector<Oid> param_types;
  };

  Status Check(const PGresult* res);
  Result<const Statement*> Prepare(std::string_view sql);
  Result<PgResult> Run(std::string_view sql, std::span<const Value> params);

  PGconn* conn_;
  std::unordered_map<std::string, Statement> statements_;
  uint64_t next_statement_ = 0;
  bool retryable_ = false;
  bool lost_ = false;
  bool stale_statements_ = false;
};

}  // namespace sanad::store::postgres
