// The reports benchmark (docs/performance.md, "Reports"): over a seeded registry (about a
// million people) and millions of service records written straight into the database, the time
// to compute the dashboard and the 4W export through the reports domain functions, beside
// hand-written SQL giving the same figures on the same database, and a check that both answer
// exactly the same figures. Each step is its own process (`sanad_bench reports --phase ...`) so
// that scripts/bench-reports.sh can make the caches cold in between. Single-threaded.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "measurement.h"

namespace sanad::bench {

struct ReportsOptions {
  std::string db_url;
  std::string backend;       // label for the results: sqlite, postgres
  std::string organisation;  // the registry's organisation (seeded by `sanad_bench seed`)
  // Seeding.
  int64_t records = 5'000'000;  // service records to write, about
  uint64_t seed = 7;
  // Timing.
  std::string report = "dashboard";  // dashboard or 4w
  std::string path = "product";      // product (reports domain functions) or sql (hand-written)
  int runs = 4;                      // the first is cold, the others warm
  std::string dump;  // file for the figures of the last run (compared by the script)
  std::string cold;  // how the script made the first run cold, for the note
};

// The period every record falls in and every report asks for: 24 whole months.
inline constexpr const char* kReportsFrom = "2024-12-01";
inline constexpr const char* kReportsTo = "2026-11-30";

// Writes partner organisations, offices, projects, a few thousand deduplication merges in the
// registry, done activities with their attendance, and about `records` service records, as
// the product would write them. Measurements: reports/seed-* (rows and seconds).
Result<std::vector<Measurement>> SeedReports(const ReportsOptions& options);

// Runs `report` by `path` `runs` times on one fresh Database handle and writes the figures of
// the last run to `dump`. Measurements: reports/<report>-<path>-cold (the first run) and
// -warm (median of the others; p95 = the slowest). Fails when two runs disagree.
Result<std::vector<Measurement>> TimeReports(const ReportsOptions& options);

// Ok when two dumps of TimeReports hold the same figures; Internal listing the first lines that
// differ otherwise (the benchmark doubles as a check of the figures at scale).
Status CompareReports(const std::string& first_dump, const std::string& second_dump);

}  // namespace sanad::bench
