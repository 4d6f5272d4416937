// AuthService: logging in and out, and turning a session cookie into an Actor. Sessions live
// in the database (only a hash of the token), so they survive restarts and work across
// several server processes. Failed logins are throttled per username and per address.
// Thread-safe.
#pragma once

#include <string>

#include "access/actor.h"
#include "access/login_throttle.h"
#include "base/clock.h"
#include "base/status.h"
#include "store/database.h"

namespace sanad::access {

struct Session {
  std::string token;       // goes into the HttpOnly cookie; never stored in clear
  std::string csrf_token;  // echoed by the client in X-CSRF-Token
  Actor actor;
  int64_t expires_at = 0;
};

class AuthService {
 public:
  static constexpr int64_t kSessionSeconds = 12 * 3600;

  AuthService(store::Database& db, const Clock& clock, ThrottleLimits limits = {})
      : db_(db), clock_(clock), throttle_(clock, limits) {}

  // Unauthenticated for a wrong username or password or a disabled user (one message for
  // all, so usernames cannot be probed); ResourceExhausted ("retry after N s") when throttled.
  Result<Session> Login(const std::string& username, const std::string& password,
                        const std::string& address);
  // Unauthenticated when the token is unknown or expired.
  Result<Session> Authenticate(const std::string& token);
  Status Logout(const std::string& token);
  // Seconds to wait before another login attempt for this user/address (0 = allowed).
  int64_t RetryAfter(const std::string& username, const std::string& address) {
    return throttle_.RetryAfter(username, address);
  }

 private:
  store::Database& db_;
  const Clock& clock_;
  LoginThrottle throttle_;
};

}  // namespace sanad::access
