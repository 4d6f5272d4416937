// What the benchmarks write and where: a migrated database with the places and the benchmark
// organisation, and households from registry::DemoGenerator with the search text that
// HouseholdService would store for them. Generation is deterministic for a seed and happens
// before any timing starts. Not thread-safe; give each thread its own households.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "access/user.h"
#include "base/status.h"
#include "registry/household.h"
#include "registry/place_directory.h"
#include "store/database.h"

namespace sanad::bench {

struct BenchDatabase {
  std::unique_ptr<store::Database> db;
  std::unique_ptr<registry::PlaceDirectory> places;
  access::Organisation organisation;
};

// Opens and migrates `url`, loads the places and finds (or creates) the organisation.
Result<BenchDatabase> OpenBenchDatabase(const std::string& url, const std::string& organisation);

// A household ready for store::InsertHousehold: valid, of `organisation_id`, ids 0.
struct PreparedHousehold {
  registry::Household household;
  std::string search_text;
};

std::vector<PreparedHousehold> GenerateHouseholds(const registry::PlaceDirectory& places,
                                                  uint64_t seed, size_t count,
                                                  int64_t organisation_id);

// Rows a household occupies: its own and one per member.
inline int64_t RowsOf(const registry::Household& h) {
  return 1 + static_cast<int64_t>(h.members.size());
}

}  // namespace sanad::bench
