// The engine side of the dedup benchmark: generate registrations in memory, run
// matching::Deduplicate, measure its wall time and memory, score its pairs and clusters
// against the truth, then measure PersonIndex search latency. Single run, not thread-safe.
#pragma once

#include <cstddef>
#include <string>

#include "synthetic.h"

namespace sanad::bench::dedup {

struct EngineRunOptions {
  std::string names;  // name table path
  SyntheticOptions synthetic;
  int threads = 0;        // DedupOptions::threads
  double threshold = -1;  // < 0: DedupOptions' default
  size_t queries = 2000;  // search queries; 0 skips the search measurement
  size_t examples = 0;    // missed and false pairs to print, for tuning
  bool analyse = false;   // count false and missed pairs by cause, for tuning
  std::string results;    // results file to append to (empty: stdout only)
  std::string label;      // recorded with the results (e.g. "100000")
};

// Returns the process exit code (0 on success).
int RunEngine(const EngineRunOptions& options);

}  // namespace sanad::bench::dedup
