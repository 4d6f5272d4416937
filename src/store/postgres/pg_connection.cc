#include "store/postgres/pg_connection_internal.h"

#include <charconv>

#include "store/postgres/placeholders_internal.h"

namespace sanad::store::postgres {
namespace {

// Statements prepared per connection; SQL beyond this runs unprepared so that generated
// SQL (IN lists of varying length) cannot grow a session without bound.
constexpr size_t kMaxPreparedStatements = 512;
// Statements with more parameters than this run unprepared: libpq 15 takes a
// ParameterDescription message over 30,000 bytes (4 bytes a parameter) for a lost connection,
// so describing such a statement would fail every time and look like a server that went away.
constexpr size_t kMaxPreparedParams = 7000;
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr std::string_view kByteaHexPrefix = "\\x";
// Seconds to wait for a connection unless the URL says otherwise.
constexpr const char* kConnectTimeoutSeconds = "10";
// Every session: UTF-8 whatever the server's default; floats printed exactly (shortest
// round-trip form); '\' literal in strings, as RewritePlaceholders and LIKE ... ESCAPE
// assume; notices below warnings dropped.
constexpr const char* kSessionSetup =
    "SET client_min_messages TO warning; SET extra_float_digits TO 3; "
    "SET standard_conforming_strings TO on";

std::string TrimNewline(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

// bytea arrives in the server's hex output format ("\x6869"); callers get the raw bytes, as
// they do from SQLite.
std::string DecodeBytea(std::string_view text) {
  if (!text.starts_with(kByteaHexPrefix)) return std::string(text);
  text.remove_prefix(kByteaHexPrefix.size());
  std::string out(text.size() / 2, '\0');
  for (size_t i = 0; i < out.size(); ++i) {
    out[i] = static_cast<char>(HexDigit(text[2 * i]) * 16 + HexDigit(text[2 * i + 1]));
  }
  return out;
}

std::string FormatNumber(const Value& v) {
  char buf[32];
  std::to_chars_result r{};
  if (const auto* n = std::get_if<int64_t>(&v)) {
    r = std::to_chars(buf, buf + sizeof buf, *n);
  } else {
    r = std::to_chars(buf, buf + sizeof buf, std::get<double>(v));  // shortest exact form
  }
  return std::string(buf, r.ptr);
}

Rows ToRows(const PGresult* res) {
  const int nrows = PQntuples(res);
  const int ncols = PQnfields(res);
  Rows rows;
  rows.reserve(static_cast<size_t>(nrows));
  for (int r = 0; r < nrows; ++r) {
    std::vector<Value> cells;
    cells.reserve(static_cast<size_t>(ncols));
    for (int c = 0; c < ncols; ++c) {
      if (PQgetisnull(res, r, c)) {
        cells.emplace_back(std::monostate{});
        continue;
      }
      std::string_view text(PQgetvalue(res, r, c), static_cast<size_t>(PQgetlength(res, r, c)));
      const Oid type = PQftype(res, c);
      if (type == kBoolOid) {
        cells.emplace_back(std::string(text == "t" ? "1" : "0"));  // as SQLite gives 1 = 1
      } else if (type == kByteaOid) {
        cells.emplace_back(DecodeBytea(text));
      } else {
        cells.emplace_back(std::string(text));
      }
    }
    rows.emplace_back(std::move(cells));
  }
  return rows;
}

// SQLSTATEs meaning the server went away or cannot take the session now: connection
// exceptions (08, but not 08P01, a protocol violation such as a wrong parameter count),
// admin/crash shutdown (57P01-57P03), too many connections (53300).
bool IsUnavailableState(std::string_view state) {
  return (state.starts_with("08") && state != "08P01") || state == "57P01" || state == "57P02" ||
         state == "57P03" || state == "53300";
}

}  // namespace

Result<std::unique_ptr<PgConnection>> PgConnection::Open(const std::string& url) {
  // A connect_timeout in the URL overrides ours: the expanded dbname is processed later.
  const char* const keys[] = {"connect_timeout", "dbname", nullptr};
  const char* const values[] = {kConnectTimeoutSeconds, url.c_str(), nullptr};
  auto conn = std::make_unique<PgConnection>(PQconnectdbParams(keys, values, 1));
  if (conn->conn_ == nullptr || conn->broken()) {
    // The message names host and database but never the password.
    return Status::Unavailable(
        "cannot connect to PostgreSQL: " +
        TrimNewline(conn->conn_ ? PQerrorMessage(conn->conn_) : "out of memory"));
  }
  PQsetNoticeProcessor(
      conn->conn_, [](void*, const char*) {}, nullptr);
  if (PQsetClientEncoding(conn->conn_, "UTF8") != 0) {
    return Status::Unavailable("postgres: cannot set client encoding UTF8: " +
                               TrimNewline(PQerrorMessage(conn->conn_)));
  }
  SANAD_RETURN_IF_ERROR(conn->ExecuteScript(kSessionSetup));
  // A commit must be on disk when InTransaction returns. Stronger settings (remote_write,
  // remote_apply for synchronous standbys) and "local" keep; only "off" is overridden.
  SANAD_ASSIGN_OR_RETURN(Rows sync,
                         conn->Query("SELECT current_setting('synchronous_commit')", {}));
  if (!sync.empty() && sync.front().Text(0) == "off") {
    SANAD_RETURN_IF_ERROR(conn->ExecuteScript("SET synchronous_commit TO on"));
  }
  return conn;
}

Result<Rows> PgConnection::Query(std::string_view sql, std::span<const Value> params) {
  SANAD_ASSIGN_OR_RETURN(PgResult res, Run(sql, params));
  return ToRows(res.get());
}

Result<int64_t> PgConnection::Execute(std::string_view sql, std::span<const Value> params) {
  SANAD_ASSIGN_OR_RETURN(PgResult res, Run(sql, params));
  const std::string_view n = PQcmdTuples(res.get());  // "" for statements without a count
  int64_t changed = 0;
  std::from_chars(n.data(), n.data() + n.size(), changed);
  return changed;
}

Status PgConnection::ExecuteScript(std::string_view sql) {
  const std::string text(sql);
  const PgResult res(PQexec(conn_, text.c_str()));
  return Check(res.get());
}

Status PgConnection::Commit() {
  const PgResult res(PQexec(conn_, "COMMIT"));
  SANAD_RETURN_IF_ERROR(Check(res.get()));
  if (std::string_view(PQcmdStatus(res.get())) != "COMMIT") {
    return Status::Internal("postgres: transaction rolled back after an earlier error in it");
  }
  return Status::Ok();
}

void PgConnection::Rollback() { const PgResult ignored(PQexec(conn_, "ROLLBACK")); }

void PgConnection::ResetStatementsIfStale() {
  if (!stale_statements_) return;
  const PgResult ignored(PQexec(conn_, "DEALLOCATE ALL"));
  statements_.clear();
  stale_statements_ = false;
}

Status PgConnection::Check(const PGresult* res) {
  const ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) {
    return Status::Ok();
  }
  std::string msg =
      "postgres: " + TrimNewline(res ? PQresultErrorMessage(res) : PQerrorMessage(conn_));
  const char* field = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const std::string_view state = field ? field : "";
  if (broken() || IsUnavailableState(state)) {
    lost_ = true;
    return Status::Unavailable(std::move(msg));
  }
  if (state == "23505") return Status::AlreadyExists(std::move(msg));
  if (state == "23503" || state == "23502" || state == "23514") {
    return Status::FailedPrecondition(std::move(msg));
  }
  if (state == "40001" || state == "40P01") {
    retryable_ = true;
    return Status::Unavailable(std::move(msg));
  }
  if (state == "0A000" && msg.find("cached plan") != std::string::npos) {
    stale_statements_ = true;
    retryable_ = true;
  }
  return Status::Internal(std::move(msg));
}

Result<const PgConnection::Statement*> PgConnection::Prepare(std::string_view sql) {
  std::string key(sql);
  if (auto it = statements_.find(key); it != statements_.end()) return &it->second;
  if (statements_.size() >= kMaxPreparedStatements) return nullptr;
  Statement stmt{.name = "sanad_" + std::to_string(next_statement_++)};
  const PgResult prepared(
      PQprepare(conn_, stmt.name.c_str(), RewritePlaceholders(sql).c_str(), 0, nullptr));
  SANAD_RETURN_IF_ERROR(Check(prepared.get()));
  const PgResult described(PQdescribePrepared(conn_, stmt.name.c_str()));
  SANAD_RETURN_IF_ERROR(Check(described.get()));
  for (int i = 0; i < PQnparams(described.get()); ++i) {
    stmt.param_types.push_back(PQparamtype(described.get(), i));
  }
  return &statements_.emplace(std::move(key), std::move(stmt)).first->second;
}

Result<PgResult> PgConnection::Run(std::string_view sql, std::span<const Value> params) {
  const Statement* stmt = nullptr;
  if (params.size() <= kMaxPreparedParams) {
    SANAD_ASSIGN_OR_RETURN(stmt, Prepare(sql));
  }
  const size_t n = params.size();
  std::vector<std::string> numbers(n);
  std::vector<const char*> values(n, nullptr);
  std::vector<int> lengths(n, 0);
  std::vector<int> formats(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const Value& v = params[i];
    if (const auto* s = std::get_if<std::string>(&v)) {
      values[i] = s->c_str();
      lengths[i] = static_cast<int>(s->size());
      // Raw bytes go to bytea in binary format; text format would parse escapes.
      if (stmt && i < stmt->param_types.size() && stmt->param_types[i] == kByteaOid) {
        formats[i] = 1;
      }
    } else if (!std::holds_alternative<std::monostate>(v)) {
      numbers[i] = FormatNumber(v);
      values[i] = numbers[i].c_str();
    }
  }
  const int count = static_cast<int>(n);
  PgResult res(stmt ? PQexecPrepared(conn_, stmt->name.c_str(), count, values.data(),
                                     lengths.data(), formats.data(), 0)
                    : PQexecParams(conn_, RewritePlaceholders(sql).c_str(), count, nullptr,
                                   values.data(), lengths.data(), formats.data(), 0));
  SANAD_RETURN_IF_ERROR(Check(res.get()));
  return res;
}

}  // namespace sanad::store::postgres
