#include "report.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace sanad::bench {
namespace {

constexpr std::string_view kBackends[] = {"sqlite", "postgres"};
constexpr std::string_view kBackendTitles[] = {"SQLite", "PostgreSQL"};

double Rate(const Measurement& m) { return m.seconds > 0 ? m.households / m.seconds : 0; }

// The run of `scenario` on `backend`; of several rounds, the one with the median rate (the
// lower middle one of an even number), so one disturbed round does not move the figure.
const Measurement* Find(const std::vector<Measurement>& ms, std::string_view backend,
                        std::string_view scenario) {
  std::vector<const Measurement*> runs;
  for (const auto& m : ms) {
    if (m.backend == backend && m.scenario == scenario) runs.push_back(&m);
  }
  if (runs.empty()) return nullptr;
  std::sort(runs.begin(), runs.end(),
            [](const Measurement* a, const Measurement* b) { return Rate(*a) < Rate(*b); });
  return runs[(runs.size() - 1) / 2];
}

// How many rounds of `scenario` there were (the most over both backends).
size_t Rounds(const std::vector<Measurement>& ms, std::string_view scenario) {
  size_t most = 0;
  for (const auto backend : kBackends) {
    const auto n = static_cast<size_t>(std::count_if(ms.begin(), ms.end(), [&](const auto& m) {
      return m.backend == backend && m.scenario == scenario;
    }));
    most = std::max(most, n);
  }
  return most;
}
double RowRate(const Measurement& m) { return m.seconds > 0 ? m.rows / m.seconds : 0; }
double CpuMicros(const Measurement& m) {
  return m.households > 0 ? m.cpu_seconds * 1e6 / static_cast<double>(m.households) : 0;
}

std::string Number(double v) {
  if (v >= 100) return fmt::format("{:.0f}", v);
  if (v >= 10) return fmt::format("{:.1f}", v);
  return fmt::format("{:.2f}", v);
}

// The N of the concurrent API run ("api/8" → "8"), if there was one.
std::optional<std::string> ConcurrentClients(const std::vector<Measurement>& ms) {
  for (const auto& m : ms) {
    if (m.scenario.starts_with("api/") && m.scenario != "api/1") return m.scenario.substr(4);
  }
  return std::nullopt;
}

std::string Describe(std::string_view scenario) {
  const size_t slash = scenario.find('/');
  const std::string kind(scenario.substr(0, slash));
  const std::string n(scenario.substr(slash + 1));
  const std::string who = n == "1" ? "1 thread" : n + " threads";
  if (kind == "api")
    return "API `POST /api/v1/households`, " + n + (n == "1" ? " client" : " clients");
  if (kind == "service") return "`HouseholdService::Create` (no HTTP), " + who;
  if (kind == "store-tx")
    return "raw: `store::InsertHousehold`, 1 transaction per household, " + who;
  if (kind == "store-batch") return "raw best case: `store::InsertHousehold`, all in 1 transaction";
  if (kind == "seed") return "seeding the search data: 5,000 households per transaction";
  return std::string(scenario);
}

void RateTable(const std::vector<Measurement>& ms, std::string* out) {
  const std::string n = ConcurrentClients(ms).value_or("8");
  const std::vector<std::string> order = {
      "api/1", "api/" + n, "service/1", "store-tx/1", "store-tx/" + n, "store-batch/1", "seed/1"};
  *out +=
      "| path | SQLite households/s (rows/s) | p50 / p95 ms | CPU µs/household | "
      "PostgreSQL households/s (rows/s) | p50 / p95 ms | CPU µs/household |\n"
      "|---|---|---|---|---|---|---|\n";
  for (const auto& scenario : order) {
    std::string line = "| " + Describe(scenario) + " |";
    bool any = false;
    for (const auto backend : kBackends) {
      const Measurement* m = Find(ms, backend, scenario);
      if (!m) {
        line += " – | – | – |";
        continue;
      }
      any = true;
      // One transaction (best case, seeding batches) has no per-household latency to show.
      const bool per_household = m->samples > 1 && m->p50_ms > 0;
      line += fmt::format(
          " {} ({}) | {} | {} |", Number(Rate(*m)), Number(RowRate(*m)),
          per_household ? Number(m->p50_ms) + " / " + Number(m->p95_ms) : std::string("–"),
          m->cpu_seconds > 0 ? Number(CpuMicros(*m)) : "–");
    }
    if (any) *out += line + "\n";
  }
}

void RatioTable(const std::vector<Measurement>& ms, std::string* out) {
  const std::string n = ConcurrentClients(ms).value_or("8");
  struct Ratio {
    std::string title, api, base;
  };
  const Ratio ratios[] = {
      {"API 1 client ÷ raw 1 transaction per household, 1 thread", "api/1", "store-tx/1"},
      {"API " + n + " clients ÷ raw 1 transaction per household, " + n + " threads", "api/" + n,
       "store-tx/" + n},
      {"API 1 client ÷ `HouseholdService::Create`, 1 thread", "api/1", "service/1"},
      {"API " + n + " clients ÷ raw best case (1 transaction)", "api/" + n, "store-batch/1"},
  };
  *out += "| ratio of households/s | SQLite | PostgreSQL |\n|---|---|---|\n";
  for (const auto& r : ratios) {
    std::string line = "| " + r.title + " |";
    for (const auto backend : kBackends) {
      const Measurement* a = Find(ms, backend, r.api);
      const Measurement* b = Find(ms, backend, r.base);
      line += a && b && Rate(*b) > 0 ? fmt::format(" {:.2f} |", Rate(*a) / Rate(*b)) : " – |";
    }
    *out += line + "\n";
  }
  const auto cpu_line = [&](const std::string& title, const std::string& a, const std::string& b) {
    std::string line = "| " + title + " |";
    for (const auto backend : kBackends) {
      const Measurement* x = Find(ms, backend, a);
      const Measurement* y = Find(ms, backend, b);
      line += x && y && CpuMicros(*y) > 0 ? fmt::format(" {:.2f} |", CpuMicros(*x) / CpuMicros(*y))
                                          : " – |";
    }
    return line + "\n";
  };
  *out += cpu_line("sanad CPU per household: API 1 client ÷ raw 1 transaction per household",
                   "api/1", "store-tx/1");
  *out += cpu_line("sanad CPU per household: API 1 client ÷ `HouseholdService::Create`", "api/1",
                   "service/1");
}

void LatencyTable(const std::vector<Measurement>& ms, std::string* out) {
  std::vector<std::string> scenarios;
  for (const auto& m : ms) {
    if (m.scenario.starts_with("list/") &&
        std::find(scenarios.begin(), scenarios.end(), m.scenario) == scenarios.end()) {
      scenarios.push_back(m.scenario);
    }
  }
  *out +=
      "| query (`GET /api/v1/households?…`, 25 a page) | matches | SQLite p50 / p95 ms | "
      "PostgreSQL p50 / p95 ms |\n|---|---|---|---|\n";
  for (const auto& s : scenarios) {
    std::string query, matches, cells;
    for (const auto backend : kBackends) {
      const Measurement* m = Find(ms, backend, s);
      if (!m) {
        cells += " – |";
        continue;
      }
      if (query.empty()) query = m->note;
      const std::string total = fmt::format("{}", m->households);
      if (matches.empty()) {
        matches = total;
      } else if (matches != total) {
        matches += " / " + total;
      }
      cells += fmt::format(" {} / {} |", Number(m->p50_ms), Number(m->p95_ms));
    }
    *out += "| `" + query + "` | " + matches + " |" + cells + "\n";
  }
}

}  // namespace

std::string RenderReport(const std::vector<Measurement>& ms) {
  std::string out = "### Registrations\n\n";
  if (const size_t rounds = Rounds(ms, "api/1"); rounds > 1) {
    out += fmt::format(
        "Each insert figure is the median of {} interleaved rounds (its rate, latencies and CPU "
        "are those of that round).\n\n",
        rounds);
  }
  RateTable(ms, &out);
  out += "\n### API ÷ raw\n\n";
  RatioTable(ms, &out);
  out += "\n### List and search latency\n\n";
  LatencyTable(ms, &out);
  std::string errors;
  for (const auto& m : ms) {
    if (m.errors == 0) continue;
    errors +=
        fmt::format("- {} {}: {} errors, first: {}\n", m.backend, m.scenario, m.errors, m.note);
  }
  if (!errors.empty()) out += "\n**Errors during the run**\n\n" + errors;
  for (size_t i = 0; i < std::size(kBackends); ++i) {
    if (const Measurement* m = Find(ms, kBackends[i], "list/all")) {
      out += fmt::format("\n{}: list timings over {} households in the organisation.",
                         kBackendTitles[i], m->households);
    }
  }
  out += "\n";
  return out;
}

}  // namespace sanad::bench
