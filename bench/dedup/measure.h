// Wall time and memory of the benchmark process: a steady-clock stopwatch, the resident set
// now and at its peak (Linux /proc/self/status), and a reset of the peak so that a step's own
// peak can be told apart from the data generated before it. Not thread-safe (process-wide).
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

namespace sanad::bench::dedup {

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

// Resident set size now (VmRSS) and its peak (VmHWM) in bytes; 0 when unknown.
uint64_t CurrentRssBytes();
uint64_t PeakRssBytes();
// Bytes the heap holds for the program now (glibc mallinfo2), whatever pages it keeps.
uint64_t HeapInUseBytes();
// Resets the peak to the current resident set (echo 5 > /proc/self/clear_refs). False when
// the kernel does not allow it; then PeakRssBytes is the peak of the whole process.
bool ResetPeakRss();

// The nearest-rank percentile (0 < p <= 100) of `samples`, which it sorts; 0 when empty.
double Percentile(std::vector<double>& samples, double p);

}  // namespace sanad::bench::dedup
