// Demo and benchmark data: realistic displaced households with Arabic names and their Latin
// spellings, spread over the places where organisations work in Iraq, every displacement
// status represented. Deterministic for a given seed and day. Not thread-safe (one generator a
// thread). Names come from data/names/demo_names.tsv, places from demo_sites.h.
#pragma once

#include <cstdint>
#include <vector>

#include "registry/household.h"
#include "registry/place_directory.h"

namespace sanad::registry {

struct DemoOptions {
  uint64_t seed = 20261123;
  int64_t today_seconds = 0;  // birth dates are drawn before this instant; 0 = 2026-01-01
};

class DemoGenerator {
 public:
  DemoGenerator(const PlaceDirectory& places, DemoOptions options);
  // One valid household (passes ValidateHousehold), members included, ids 0.
  Household Next();
  // `n` households.
  std::vector<Household> Generate(size_t n);

 private:
  struct State;
  DemoOptions options_;
  uint64_t rng_;
};

}  // namespace sanad::registry
