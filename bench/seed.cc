#include "seed.h"

#include <chrono>
#include <iostream>

#include "base/clock.h"
#include "bench_data.h"
#include "store/household_store.h"

namespace sanad::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Households per transaction: large enough that commits cost nothing, small enough that a
// PostgreSQL retry or a SQLite reader never waits long.
constexpr int64_t kSeedBatch = 5000;

}  // namespace

Result<std::vector<Measurement>> Seed(const SeedOptions& o) {
  if (o.db_urls.empty() || o.db_urls.size() != o.backends.size()) {
    return Status::InvalidArgument("give one backend label per database");
  }
  std::vector<BenchDatabase> dbs;
  for (const auto& url : o.db_urls) {
    SANAD_ASSIGN_OR_RETURN(BenchDatabase bdb, OpenBenchDatabase(url, o.organisation));
    dbs.push_back(std::move(bdb));
  }
  std::vector<Measurement> out;
  for (const auto& label : o.backends) {
    out.push_back({.backend = label, .scenario = "seed/1", .note = "store, 5000 per transaction"});
  }
  // Every database has its own organisation id; the same generated households go to each.
  const SystemClock clock;
  for (int64_t done = 0; done < o.households; done += kSeedBatch) {
    const auto n = static_cast<size_t>(std::min(kSeedBatch, o.households - done));
    std::vector<PreparedHousehold> batch = GenerateHouseholds(
        *dbs.front().places, o.seed * 1'000'000 + static_cast<uint64_t>(done), n, 0);
    for (size_t d = 0; d < dbs.size(); ++d) {
      const auto start = Clock::now();
      const int64_t now = clock.NowSeconds();
      int64_t rows = 0;
      SANAD_RETURN_IF_ERROR(
          dbs[d].db->InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
            rows = 0;
            for (auto& p : batch) {
              registry::Household h = p.household;
              h.organisation_id = dbs[d].organisation.id;
              const store::HouseholdWrite w{.now = now, .search_text = p.search_text};
              SANAD_RETURN_IF_ERROR(store::InsertHousehold(c, &h, w));
              rows += RowsOf(h);
            }
            return Status::Ok();
          }));
      out[d].seconds += std::chrono::duration<double>(Clock::now() - start).count();
      out[d].households += static_cast<int64_t>(n);
      out[d].rows += rows;
      ++out[d].samples;
    }
    std::cerr << "  seeded " << done + static_cast<int64_t>(n) << " households\r" << std::flush;
  }
  std::cerr << "\n";
  return out;
}

}  // namespace sanad::bench
