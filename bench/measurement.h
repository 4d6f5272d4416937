// Measurement: one figure of a benchmark run (a rate with its latencies, or a query's
// latency), appended as a tab-separated line to a results file so that the steps of
// scripts/bench.sh, each its own process, add up to one report. Plain values; the file
// functions are not safe to call from two processes at once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"

namespace sanad::bench {

struct Measurement {
  std::string backend;     // sqlite, postgres
  std::string scenario;    // api/1, store-tx/8, list/name, ... (see report.cc)
  int64_t households = 0;  // households written; for a list: households matching the query
  int64_t rows = 0;        // household and member rows written (0 for lists)
  double seconds = 0;      // wall time of the timed part
  int64_t samples = 0;     // requests or transactions timed
  double p50_ms = 0;
  double p95_ms = 0;
  int64_t errors = 0;
  // CPU time sanad's own process spent in the timed part: the server's for API runs, the
  // benchmark's for raw runs (a PostgreSQL server's CPU is not included). 0 when not measured.
  double cpu_seconds = 0;
  std::string note;  // the query of a list, free text otherwise
};

// Latencies in milliseconds of one scenario, gathered per thread then merged.
class Latencies {
 public:
  void Add(double ms) { samples_.push_back(ms); }
  void Merge(const Latencies& other);
  size_t count() const { return samples_.size(); }
  // The nearest-rank percentile (0 < p <= 100); 0 when empty. Sorts the samples.
  double Percentile(double p);

 private:
  std::vector<double> samples_;
};

// CPU seconds (user + system) used so far by process `pid`, or by this process when pid is 0;
// -1 when it cannot be read.
double ProcessCpuSeconds(int pid = 0);

Status AppendMeasurement(const std::string& path, const Measurement& m);
Result<std::vector<Measurement>> ReadMeasurements(const std::string& path);

}  // namespace sanad::bench
