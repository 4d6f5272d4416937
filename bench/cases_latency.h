// Protection cases at caseload scale (docs/performance.md, "Protection cases"): seeds one
// organisation with caseworkers and supervisors, registry households, cases with sealed content
// and a large audit log (cases_seed.cc), then times case lists, searches and dashboards through
// cases::CaseService in-process, and one case's read with and without its decryption and audit
// entry, interleaved in the same run (cases_latency.cc). Single-threaded.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "measurement.h"

namespace sanad::bench {

struct CasesOptions {
  std::string db_url;
  std::string backend;       // label for the results
  std::string organisation;  // created when missing
  std::string key_file;      // written (mode 600) by the seeding, read by the timing
  // Seeding.
  int64_t households = 40'000;  // registry households the cases are about (~5 people each)
  int64_t cases = 200'000;
  int64_t audit_rows = 1'000'000;
  int caseworkers = 100;  // ~2,000 cases each at the defaults
  uint64_t seed = 7;
  // Timing: each operation runs `runs` times after warm-ups, or fewer (never under
  // kMinRuns) when it has taken `max_seconds`.
  int runs = 300;
  double max_seconds = 40;
};

// Seeds an empty organisation: users (caseworkers spread over the modules, a supervisor per
// module and one of every module), households, cases and audit rows, in large transactions
// through the store functions, and writes a new data key to options.key_file. Measurements
// cases/seed-* give each part's rate. FailedPrecondition when the organisation has cases.
Result<std::vector<Measurement>> SeedCases(const CasesOptions& options);

// Times the lists, searches, dashboards and reads over seeded data (measurements cases/*).
Result<std::vector<Measurement>> RunCasesLatency(const CasesOptions& options);

}  // namespace sanad::bench
