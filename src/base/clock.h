// Clock and RandomSource: time and randomness come through these so tests are deterministic.
// SystemClock and SystemRandom are thread-safe; test doubles live in the tests that need them.
#pragma once

#include <cstdint>
#include <string>

namespace sanad {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch, UTC.
  virtual int64_t NowSeconds() const = 0;
};

class SystemClock final : public Clock {
 public:
  int64_t NowSeconds() const override;
};

// Formats seconds since the epoch as "2026-11-23T09:31:04Z".
std::string FormatUtc(int64_t seconds);
// The civil date "2026-11-23" (UTC) of an instant.
std::string FormatUtcDate(int64_t seconds);

}  // namespace sanad
