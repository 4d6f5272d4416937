// Seeding for the list and search latencies: households straight through store::InsertHousehold
// in large transactions (no HTTP, no audit entries), the same generated households into every
// database given, so both backends are searched over identical data.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "measurement.h"

namespace sanad::bench {

struct SeedOptions {
  std::vector<std::string> db_urls;
  std::vector<std::string> backends;  // labels, one per URL
  std::string organisation;
  int64_t households = 100'000;
  uint64_t seed = 3;
};

// One measurement per database: the seeding rate (rows/s in transactions of kSeedBatch).
Result<std::vector<Measurement>> Seed(const SeedOptions& options);

}  // namespace sanad::bench
