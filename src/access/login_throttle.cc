#include "access/login_throttle.h"

#include <algorithm>

namespace sanad::access {

void LoginThrottle::Bump(Counter& c, int limit, int64_t now) const {
  if (now - c.window_start >= limits_.window_seconds) {
    c.failures = 0;
    c.window_start = now;
  }
  if (++c.failures >= limit) {
    c.locked_until = now + limits_.lockout_seconds;
    c.failures = 0;
    c.window_start = now;
  }
}

int64_t LoginThrottle::Wait(const Counter* c, int64_t now) const {
  return c && c->locked_until > now ? c->locked_until - now : 0;
}

int64_t LoginThrottle::RetryAfter(const std::string& username, const std::string& address) {
  const int64_t now = clock_.NowSeconds();
  std::lock_guard lock(mu_);
  auto u = users_.find(username);
  auto a = addresses_.find(address);
  return std::max(Wait(u == users_.end() ? nullptr : &u->second, now),
                  Wait(a == addresses_.end() ? nullptr : &a->second, now));
}

void LoginThrottle::RecordFailure(const std::string& username, const std::string& address) {
  const int64_t now = clock_.NowSeconds();
  std::lock_guard lock(mu_);
  Bump(users_[username], limits_.user_failures, now);
  Bump(addresses_[address], limits_.address_failures, now);
}

void LoginThrottle::RecordSuccess(const std::string& username) {
  std::lock_guard lock(mu_);
  users_.erase(username);
}

}  // namespace sanad::access
