#include "store/session_store.h"

namespace sanad::store {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
    "VALUES (?, ?, ?, ?, ?)";
constexpr std::string_view kFind =
    "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions "
    "WHERE token_hash = ? AND expires_at > ?";
constexpr std::string_view kDelete = "DELETE FROM sessions WHERE token_hash = ?";
constexpr std::string_view kDeleteOfUser = "DELETE FROM sessions WHERE user_id = ?";
constexpr std::string_view kDeleteExpired = "DELETE FROM sessions WHERE expires_at <= ?";

}  // namespace

Status InsertSession(Connection& c, const SessionRecord& s) {
  const Value p[] = {s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at};
  return c.Execute(kInsert, p).status();
}

Result<std::optional<SessionRecord>> FindSession(Connection& c, const std::string& token_hash,
                                                 int64_t now) {
  const Value p[] = {token_hash, now};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kFind, p));
  if (rows.empty()) return std::optional<SessionRecord>();
  const Row& r = rows.front();
  return std::optional<SessionRecord>(SessionRecord{.token_hash = r.Text(0),
                                                    .user_id = r.Int(1),
                                                    .csrf_token = r.Text(2),
                                                    .created_at = r.Int(3),
                                                    .expires_at = r.Int(4)});
}

Status DeleteSession(Connection& c, const std::string& token_hash) {
  const Value p[] = {token_hash};
  return c.Execute(kDelete, p).status();
}

Status DeleteSessionsOfUser(Connection& c, int64_t user_id) {
  const Value p[] = {user_id};
  return c.Execute(kDeleteOfUser, p).status();
}

Status DeleteExpiredSessions(Connection& c, int64_t now) {
  const Value p[] = {now};
  return c.Execute(kDeleteExpired, p).status();
}

}  // namespace sanad::store
