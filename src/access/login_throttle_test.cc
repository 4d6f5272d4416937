#include "access/login_throttle.h"

#include <gtest/gtest.h>

namespace sanad::access {
namespace {

class FakeClock final : public Clock {
 public:
  int64_t NowSeconds() const override { return now; }
  int64_t now = 1'000'000;
};

TEST(LoginThrottleTest, LocksAUserAfterRepeatedFailuresAndLetsGoLater) {
  FakeClock clock;
  LoginThrottle t(clock, ThrottleLimits{.user_failures = 3, .address_failures = 100});
  for (int i = 0; i < 2; ++i) t.RecordFailure("clerk", "10.0.0.1");
  EXPECT_EQ(t.RetryAfter("clerk", "10.0.0.1"), 0);
  t.RecordFailure("clerk", "10.0.0.1");
  EXPECT_EQ(t.RetryAfter("clerk", "10.0.0.2"), 15 * 60);
  EXPECT_EQ(t.RetryAfter("other", "10.0.0.1"), 0);
  clock.now += 15 * 60;
  EXPECT_EQ(t.RetryAfter("clerk", "10.0.0.1"), 0);
}

TEST(LoginThrottleTest, LocksAnAddressTryingManyUsernames) {
  FakeClock clock;
  LoginThrottle t(clock, ThrottleLimits{.user_failures = 100, .address_failures = 4});
  for (int i = 0; i < 4; ++i) t.RecordFailure("user" + std::to_string(i), "10.0.0.9");
  EXPECT_GT(t.RetryAfter("fresh", "10.0.0.9"), 0);
  EXPECT_EQ(t.RetryAfter("fresh", "10.0.0.8"), 0);
}

TEST(LoginThrottleTest, FailuresOutsideTheWindowDoNotAddUp) {
  FakeClock clock;
  LoginThrottle t(clock, ThrottleLimits{.user_failures = 2, .window_seconds = 60});
  t.RecordFailure("clerk", "a");
  clock.now += 61;
  t.RecordFailure("clerk", "a");
  EXPECT_EQ(t.RetryAfter("clerk", "a"), 0);
}

}  // namespace
}  // namespace sanad::access
