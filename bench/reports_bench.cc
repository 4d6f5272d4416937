// TimeReports (reports_bench.h): one path of one report, run several times on one fresh
// Database handle; the first run is as cold as the script made the caches, the others warm.
#include "reports_bench.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "bench_data.h"
#include "reports_internal.h"

namespace sanad::bench {
namespace {

constexpr double kMsPerSecond = 1000;

Result<TimedFigures> RunOnce(const ReportsOptions& o, BenchDatabase& bdb, const ReportQuery& q) {
  const bool dashboard = o.report == "dashboard";
  if (o.path == "product") {
    return dashboard ? ProductDashboard(*bdb.db, *bdb.places, q)
                     : ProductFourW(*bdb.db, *bdb.places, q);
  }
  return dashboard ? PeerDashboard(*bdb.db, q) : PeerFourW(*bdb.db, q);
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

Result<std::vector<Measurement>> TimeReports(const ReportsOptions& o) {
  if (o.report != "dashboard" && o.report != "4w") {
    return Status::InvalidArgument("--report is dashboard or 4w");
  }
  if (o.path != "product" && o.path != "sql") {
    return Status::InvalidArgument("--path is product or sql");
  }
  if (o.runs < 2) return Status::InvalidArgument("--runs: at least 2 (one cold, one warm)");
  SANAD_ASSIGN_OR_RETURN(BenchDatabase bdb, OpenBenchDatabase(o.db_url, o.organisation));
  const ReportQuery q{.organisation_id = bdb.organisation.id,
                      .organisation_name = bdb.organisation.name,
                      .from = kReportsFrom,
                      .to = kReportsTo,
                      .age_year = std::stoi(std::string(kReportsTo).substr(0, 4))};
  std::vector<double> seconds;
  std::vector<double> cpu;
  Figures last;
  for (int run = 0; run < o.runs; ++run) {
    const double cpu_before = ProcessCpuSeconds();
    SANAD_ASSIGN_OR_RETURN(TimedFigures t, RunOnce(o, bdb, q));
    cpu.push_back(ProcessCpuSeconds() - cpu_before);
    seconds.push_back(t.seconds);
    std::cerr << fmt::format("  {} {} run {}: {:.3f} s, {} lines\n", o.report, o.path, run + 1,
                             t.seconds, t.figures.lines.size());
    if (run > 0) {
      if (std::string diff = DescribeDifference(last, t.figures); !diff.empty()) {
        return Status::Internal(fmt::format("{} by {}: run {} answered differently from run {}: {}",
                                            o.report, o.path, run + 1, run, diff));
      }
    }
    last = std::move(t.figures);
  }
  if (last.lines.empty()) return Status::FailedPrecondition("the report is empty: seed first");
  if (!o.dump.empty()) SANAD_RETURN_IF_ERROR(WriteFigures(o.dump, last));

  const std::string name = "reports/" + o.report + "-" + o.path;
  const std::vector<double> warm(seconds.begin() + 1, seconds.end());
  const std::vector<double> warm_cpu(cpu.begin() + 1, cpu.end());
  const double slowest = *std::max_element(warm.begin(), warm.end());
  return std::vector<Measurement>{
      {.backend = o.backend,
       .scenario = name + "-cold",
       .households = last.people,
       .rows = last.rows,
       .seconds = seconds[0],
       .samples = 1,
       .p50_ms = seconds[0] * kMsPerSecond,
       .p95_ms = seconds[0] * kMsPerSecond,
       .cpu_seconds = cpu[0],
       .note = "cold: " + (o.cold.empty() ? std::string("a fresh process and handle") : o.cold)},
      {.backend = o.backend,
       .scenario = name + "-warm",
       .households = last.people,
       .rows = last.rows,
       .seconds = Median(warm),
       .samples = static_cast<int64_t>(warm.size()),
       .p50_ms = Median(warm) * kMsPerSecond,
       .p95_ms = slowest * kMsPerSecond,
       .cpu_seconds = Median(warm_cpu),
       .note = fmt::format("warm: median of {} runs after the cold one", warm.size())}};
}

Status CompareReports(const std::string& first_dump, const std::string& second_dump) {
  SANAD_ASSIGN_OR_RETURN(Figures a, ReadFigures(first_dump));
  SANAD_ASSIGN_OR_RETURN(Figures b, ReadFigures(second_dump));
  if (a.lines.empty()) return Status::FailedPrecondition(first_dump + " holds no figures");
  if (std::string diff = DescribeDifference(a, b, 20); !diff.empty()) {
    return Status::Internal("the figures differ (- " + first_dump + ", + " + second_dump +
                            "): " + diff);
  }
  return Status::Ok();
}

}  // namespace sanad::bench
