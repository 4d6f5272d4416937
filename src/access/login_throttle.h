// LoginThrottle: counts failed logins per username and per client address and refuses more
// attempts for a while once a limit is passed (HTTP 429). In memory, per process: a restart
// forgets, which only helps a legitimate user. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "base/clock.h"

namespace sanad::access {

struct ThrottleLimits {
  int user_failures = 5;      // failures for one username within the window
  int address_failures = 20;  // failures from one address within the window
  int64_t window_seconds = 15 * 60;
  int64_t lockout_seconds = 15 * 60;
};

class LoginThrottle {
 public:
  LoginThrottle(const Clock& clock, ThrottleLimits limits) : clock_(clock), limits_(limits) {}

  // Seconds the caller must wait before trying again; 0 when an attempt is allowed.
  int64_t RetryAfter(const std::string& username, const std::string& address);
  void RecordFailure(const std::string& username, const std::string& address);
  void RecordSuccess(const std::string& username);

 private:
  struct Counter {
    int failures = 0;
    int64_t window_start = 0;
    int64_t locked_until = 0;
  };
  void Bump(Counter& c, int limit, int64_t now) const;
  int64_t Wait(const Counter* c, int64_t now) const;

  const Clock& clock_;
  const ThrottleLimits limits_;
  std::mutex mu_;
  std::unordered_map<std::string, Counter> users_;
  std::unordered_map<std::string, Counter> addresses_;
};

}  // namespace sanad::access
