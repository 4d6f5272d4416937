#include "access/auth_service.h"

#include <optional>

#include "access/password.h"
#include "store/audit_store.h"
#include "store/organisation_store.h"
#include "store/session_store.h"

namespace sanad::access {
namespace {

constexpr size_t kTokenBytes = 32;

Actor ToActor(const User& u) {
  return {.user_id = u.id,
          .username = u.username,
          .organisation_id = u.organisation_id,
          .organisation_name = u.organisation_name,
          .role = u.role,
          .modules = u.modules};
}

}  // namespace

Result<Session> AuthService::Login(const std::string& username, const std::string& password,
                                   const std::string& address) {
  if (const int64_t wait = throttle_.RetryAfter(username, address); wait > 0) {
    return Status::ResourceExhausted("too many failed logins; try again in " +
                                     std::to_string(wait) + " s");
  }
  std::optional<User> user;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(user, store::FindUserByName(c, username));
    return Status::Ok();
  }));
  // Verify even for an unknown user so the response time does not reveal which names exist.
  static const std::string kDummyHash = HashPassword("not a real password").value();
  const bool match = VerifyPassword(password, user ? user->password_hash : kDummyHash);
  if (!user || !match || user->disabled) {
    throttle_.RecordFailure(username, address);
    return Status::Unauthenticated("wrong username or password");
  }
  throttle_.RecordSuccess(username);
  const int64_t now = clock_.NowSeconds();
  Session s{.token = RandomToken(kTokenBytes),
            .csrf_token = RandomToken(kTokenBytes),
            .actor = ToActor(*user),
            .expires_at = now + kSessionSeconds};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_RETURN_IF_ERROR(store::DeleteExpiredSessions(c, now));
    SANAD_RETURN_IF_ERROR(store::InsertSession(c, {.token_hash = TokenHash(s.token),
                                                   .user_id = user->id,
                                                   .csrf_token = s.csrf_token,
                                                   .created_at = now,
                                                   .expires_at = s.expires_at}));
    return store::AppendAudit(c, {.at = now,
                                  .organisation_id = user->organisation_id,
                                  .user_id = user->id,
                                  .username = user->username,
                                  .action = "login",
                                  .entity = "user",
                                  .entity_id = user->id});
  }));
  return s;
}

Result<Session> AuthService::Authenticate(const std::string& token) {
  if (token.empty()) return Status::Unauthenticated("please log in");
  const int64_t now = clock_.NowSeconds();
  std::optional<Session> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(auto rec, store::FindSession(c, TokenHash(token), now));
    if (!rec) return Status::Unauthenticated("your session has ended; please log in again");
    SANAD_ASSIGN_OR_RETURN(auto user, store::FindUser(c, rec->user_id));
    if (!user || user->disabled) return Status::Unauthenticated("please log in");
    out = Session{.token = token,
                  .csrf_token = rec->csrf_token,
                  .actor = ToActor(*user),
                  .expires_at = rec->expires_at};
    return Status::Ok();
  }));
  return std::move(*out);
}

Status AuthService::Logout(const std::string& token) {
  return db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    return store::DeleteSession(c, TokenHash(token));
  });
}

}  // namespace sanad::access
