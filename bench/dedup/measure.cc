#include "measure.h"

#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>

namespace sanad::bench::dedup {
namespace {

uint64_t StatusField(const std::string& name) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with(name + ":")) {
      return std::stoull(line.substr(name.size() + 1)) * 1024;  // "VmHWM:   123456 kB"
    }
  }
  return 0;
}

}  // namespace

uint64_t CurrentRssBytes() { return StatusField("VmRSS"); }
uint64_t PeakRssBytes() { return StatusField("VmHWM"); }

uint64_t HeapInUseBytes() {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;  // small chunks in the arenas plus large mmapped ones
}

bool ResetPeakRss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}

double Percentile(std::vector<double>& samples, double p) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  const auto rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(samples.size())));
  return samples[std::clamp<size_t>(rank, 1, samples.size()) - 1];
}

}  // namespace sanad::bench::dedup
