#include "measurement.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <sys/resource.h>
#include <unistd.h>

namespace sanad::bench {
namespace {

constexpr size_t kFields = 11;

// Tabs and newlines would break the line format; notes are short free text.
std::string Clean(std::string s) {
  std::replace_if(
      s.begin(), s.end(), [](char c) { return c == '\t' || c == '\n'; }, ' ');
  return s;
}

}  // namespace

void Latencies::Merge(const Latencies& other) {
  samples_.insert(samples_.end(), other.samples_.begin(), other.samples_.end());
}

double Latencies::Percentile(double p) {
  if (samples_.empty()) return 0;
  std::sort(samples_.begin(), samples_.end());
  const auto rank =
      static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(samples_.size())));
  return samples_[std::clamp<size_t>(rank, 1, samples_.size()) - 1];
}

double ProcessCpuSeconds(int pid) {
  if (pid == 0) {
    rusage u{};
    if (getrusage(RUSAGE_SELF, &u) != 0) return -1;
    const auto secs = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
    return secs(u.ru_utime) + secs(u.ru_stime);
  }
  // /proc/PID/stat: fields 14 and 15 are utime and stime in clock ticks; the command name
  // (field 2) is in parentheses and may hold spaces, so count from its closing one.
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const size_t close = stat.rfind(')');
  if (close == std::string::npos) return -1;
  std::istringstream fields(stat.substr(close + 2));
  std::string skip;
  for (int i = 3; i < 14; ++i) fields >> skip;
  double utime = 0, stime = 0;
  if (!(fields >> utime >> stime)) return -1;
  return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

Status AppendMeasurement(const std::string& path, const Measurement& m) {
  std::ofstream out(path, std::ios::app);
  if (!out) return Status::Unavailable("cannot append to " + path);
  out << Clean(m.backend) << '\t' << Clean(m.scenario) << '\t' << m.households << '\t' << m.rows
      << '\t' << m.seconds << '\t' << m.samples << '\t' << m.p50_ms << '\t' << m.p95_ms << '\t'
      << m.errors << '\t' << m.cpu_seconds << '\t' << Clean(m.note) << '\n';
  if (!out) return Status::Unavailable("cannot write " + path);
  return Status::Ok();
}

Result<std::vector<Measurement>> ReadMeasurements(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("no results file " + path);
  std::vector<Measurement> out;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    if (f.size() == kFields - 1) f.emplace_back();  // empty note
    if (f.size() != kFields) return Status::InvalidArgument("bad line in " + path + ": " + line);
    try {
      out.push_back({.backend = f[0],
                     .scenario = f[1],
                     .households = std::stoll(f[2]),
                     .rows = std::stoll(f[3]),
                     .seconds = std::stod(f[4]),
                     .samples = std::stoll(f[5]),
                     .p50_ms = std::stod(f[6]),
                     .p95_ms = std::stod(f[7]),
                     .errors = std::stoll(f[8]),
                     .cpu_seconds = std::stod(f[9]),
                     .note = f[10]});
    } catch (const std::exception&) {
      return Status::InvalidArgument("bad number in " + path + ": " + line);
    }
  }
  return out;
}

}  // namespace sanad::bench
