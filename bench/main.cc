// `sanad_bench`: the steps of scripts/bench.sh (insert rates through the API and straight into
// the store, seeding, list latencies, the report). Wires options to the step functions; each
// step appends its measurements to the results file given with --out.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <iostream>
#include <map>

#include "api_load.h"
#include "assistance_bench.h"
#include "cases_latency.h"
#include "list_latency.h"
#include "measurement.h"
#include "people_latency.h"
#include "raw_insert.h"
#include "report.h"
#include "reports_bench.h"
#include "seed.h"

namespace sanad::bench {
namespace {

int g_exit_code = 0;

void Fail(const Status& s) {
  std::cerr << "sanad_bench: " << s.ToString() << "\n";
  g_exit_code = 1;
}

void Record(const std::string& out, const Measurement& m) {
  std::cout << fmt::format(
      "  {:<8} {:<16} {:>8} households {:>9} rows {:>6.2f} s  {:>9.1f} hh/s  p50 {:.2f} ms  p95 "
      "{:.2f} ms  cpu {:.0f} us/hh{}{}\n",
      m.backend, m.scenario, m.households, m.rows, m.seconds,
      m.seconds > 0 ? m.households / m.seconds : 0.0, m.p50_ms, m.p95_ms,
      m.households > 0 ? m.cpu_seconds * 1e6 / m.households : 0.0,
      m.errors ? fmt::format("  ERRORS {}", m.errors) : "", m.note.empty() ? "" : "  " + m.note);
  if (Status s = AppendMeasurement(out, m); !s.ok()) Fail(s);
}

void AddRaw(CLI::App& app) {
  auto o = std::make_shared<RawOptions>();
  auto out = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("raw", "Insert households straight into the database");
  cmd->add_option("--db", o->db_url, "SQLite path or postgresql:// URL")->required();
  cmd->add_option("--org", o->organisation, "Organisation name")->required();
  cmd->add_option("--backend", o->backend, "Label: sqlite or postgres")->required();
  const std::map<std::string, RawMode> modes = {{"store-tx", RawMode::kStoreTx},
                                                {"store-batch", RawMode::kStoreBatch},
                                                {"service", RawMode::kService}};
  cmd->add_option("--mode", o->mode, "store-tx, store-batch or service")
      ->required()
      ->transform(CLI::CheckedTransformer(modes));
  cmd->add_option("--threads", o->threads)->capture_default_str();
  cmd->add_option("--seconds", o->seconds)->capture_default_str();
  cmd->add_option("--out", *out, "Results file to append to")->required();
  cmd->callback([o, out] {
    auto m = RunRawInsert(*o);
    m.ok() ? Record(*out, *m) : Fail(m.status());
  });
}

void AddApi(CLI::App& app) {
  auto o = std::make_shared<ApiLoadOptions>();
  auto out = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("api", "POST households to a running server");
  cmd->add_option("--server", o->server_url, "http://HOST:PORT")->required();
  cmd->add_option("--db", o->db_url, "The server's database (for places)")->required();
  cmd->add_option("--org", o->organisation, "Organisation name")->required();
  cmd->add_option("--user", o->username)->required();
  cmd->add_option("--password", o->password)->required();
  cmd->add_option("--backend", o->backend, "Label: sqlite or postgres")->required();
  cmd->add_option("--server-pid", o->server_pid, "The server's process id, for its CPU time");
  cmd->add_option("--clients", o->clients)->capture_default_str();
  cmd->add_option("--seconds", o->seconds)->capture_default_str();
  cmd->add_option("--out", *out, "Results file to append to")->required();
  cmd->callback([o, out] {
    auto m = RunApiLoad(*o);
    m.ok() ? Record(*out, *m) : Fail(m.status());
  });
}

void AddSeed(CLI::App& app) {
  auto o = std::make_shared<SeedOptions>();
  auto out = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("seed", "Fill databases with the same households");
  cmd->add_option("--db", o->db_urls, "Databases (repeat)")->required();
  cmd->add_option("--backend", o->backends, "A label per database (repeat)")->required();
  cmd->add_option("--org", o->organisation, "Organisation name")->required();
  cmd->add_option("--households", o->households)->capture_default_str();
  cmd->add_option("--out", *out, "Results file to append to")->required();
  cmd->callback([o, out] {
    auto ms = Seed(*o);
    if (!ms.ok()) return Fail(ms.status());
    for (const auto& m : *ms) Record(*out, m);
  });
}

void AddList(CLI::App& app) {
  auto o = std::make_shared<ListLatencyOptions>();
  auto out = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("list", "Time list and search queries on a running server");
  cmd->add_option("--server", o->server_url, "http://HOST:PORT")->required();
  cmd->add_option("--user", o->username)->required();
  cmd->add_option("--password", o->password)->required();
  cmd->add_option("--backend", o->backend, "Label: sqlite or postgres")->required();
  cmd->add_option("--out", *out, "Results file to append to")->required();
  cmd->callback([o, out] {
    auto ms = RunListLatency(*o);
    if (!ms.ok()) return Fail(ms.status());
    for (const auto& m : *ms) Record(*out, m);
  });
}

void AddPeople(CLI::App& app) {
  auto o = std::make_shared<PeopleLatencyOptions>();
  auto out = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("people", "Time people search and matches on a running server");
  cmd->add_option("--server", o->server_url, "http://HOST:PORT")->required();
  cmd->add_option("--user", o->username)->required();
  cmd->add_option("--password", o->password)->required();
  cmd->add_option("--backend", o->backend, "Label: sqlite or postgres")->required();
  cmd->add_option("--searches", o->searches)->capture_default_str();
  cmd->add_option("--matches", o->matches)->capture_default_str();
  cmd->add_option("--out", *out, "Results file to append to")->required();
  cmd->callback([o, out] {
    auto ms = RunPeopleLatency(*o);
    if (!ms.ok()) return Fail(ms.status());
    for (const auto& m : *ms) Record(*out, m);
  });
}

void AddCases(CLI::App& app) {
  auto o = std::make_shared<CasesOptions>();
  auto out = std::make_shared<std::string>();
  auto phase = std::make_shared<std::string>("all");
  auto* cmd = app.add_subcommand(
      "cases", "Seed cases and audit rows, then time case lists, dashboards and reads in-process");
  cmd->add_option("--db", o->db_url, "SQLite path or postgresql:// URL")->required();
  cmd->add_option("--backend", o->backend, "Label: sqlite or postgres")->required();
  cmd->add_option("--org", o->organisation, "Organisation name")->required();
  cmd->add_option("--key-file", o->key_file, "Data key: written by seed, read by time")->required();
  cmd->add_option("--phase", *phase, "seed, time or all")
      ->check(CLI::IsMember({"seed", "time", "all"}))
      ->capture_default_str();
  cmd->add_option("--households", o->households)->capture_default_str();
  cmd->add_option("--cases", o->cases)->capture_default_str();
  cmd->add_option("--audit-rows", o->audit_rows)->capture_default_str();
  cmd->add_option("--caseworkers", o->caseworkers)->capture_default_str();
  cmd->add_option("--runs", o->runs, "Timed runs per operation")->capture_default_str();
  cmd->add_option("--max-seconds", o->max_seconds, "Time limit per operation")
      ->capture_default_str();
  cmd->add_option("--out", *out, "Results file to append to")->required();
  cmd->callback([o, out, phase] {
    for (const char* step : {"seed", "time"}) {
      if (*phase != "all" && *phase != step) continue;
      auto ms = std::string_view(step) == "seed" ? SeedCases(*o) : RunCasesLatency(*o);
      if (!ms.ok()) return Fail(ms.status());
      for (const auto& m : *ms) {
        if (Status s = AppendMeasurement(*out, m); !s.ok()) return Fail(s);
      }
    }
  });
}

void AddAssistance(CLI::App& app) {
  auto o = std::make_shared<AssistanceOptions>();
  auto out = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "assistance", "Draw a beneficiary list from the registry, then time collections (API, raw)");
  cmd->add_option("--server", o->server_url, "http://HOST:PORT")->required();
  cmd->add_option("--db", o->db_url, "The server's database")->required();
  cmd->add_option("--org", o->organisation, "Organisation name")->required();
  cmd->add_option("--user", o->username, "A logistics officer")->required();
  cmd->add_option("--password", o->password)->required();
  cmd->add_option("--backend", o->backend, "Label: sqlite or postgres")->required();
  cmd->add_option("--server-pid", o->server_pid, "For the server's CPU time");
  cmd->add_option("--clients", o->clients)->capture_default_str();
  cmd->add_option("--seconds", o->seconds)->capture_default_str();
  cmd->add_option("--out", *out, "Results file to append to")->required();
  cmd->callback([o, out] {
    auto ms = RunAssistanceBench(*o);
    if (!ms.ok()) return Fail(ms.status());
    for (const auto& m : *ms) Record(*out, m);
  });
}

void AddReports(CLI::App& app) {
  auto o = std::make_shared<ReportsOptions>();
  auto out = std::make_shared<std::string>();
  auto phase = std::make_shared<std::string>();
  auto against = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "reports", "Seed service records; time the dashboard and 4W beside hand-written SQL");
  cmd->add_option("--phase", *phase, "seed, time or compare")
      ->required()
      ->check(CLI::IsMember({"seed", "time", "compare"}));
  cmd->add_option("--db", o->db_url, "SQLite path or postgresql:// URL");
  cmd->add_option("--backend", o->backend, "Label: sqlite or postgres");
  cmd->add_option("--org", o->organisation, "The registry's organisation");
  cmd->add_option("--records", o->records, "seed: service records")->capture_default_str();
  cmd->add_option("--seed", o->seed, "seed: random seed")->capture_default_str();
  cmd->add_option("--report", o->report, "time: dashboard or 4w")->capture_default_str();
  cmd->add_option("--path", o->path, "time: product or sql")->capture_default_str();
  cmd->add_option("--runs", o->runs, "time: runs, the first cold")->capture_default_str();
  cmd->add_option("--cold", o->cold, "time: how the first run was made cold");
  cmd->add_option("--dump", o->dump, "time: the figures' file; compare: the first");
  cmd->add_option("--against", *against, "compare: the second figures' file");
  cmd->add_option("--out", *out, "Results file to append to");
  cmd->callback([o, out, phase, against] {
    if (*phase == "compare") {
      if (Status s = CompareReports(o->dump, *against); !s.ok()) Fail(s);
      return;
    }
    auto ms = *phase == "seed" ? SeedReports(*o) : TimeReports(*o);
    if (!ms.ok()) return Fail(ms.status());
    for (const auto& m : *ms) {
      if (Status s = AppendMeasurement(*out, m); !s.ok()) return Fail(s);
    }
  });
}

void AddReport(CLI::App& app) {
  auto in = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("report", "Print the results file as Markdown tables");
  cmd->add_option("--in", *in, "Results file")->required();
  cmd->callback([in] {
    auto ms = ReadMeasurements(*in);
    if (!ms.ok()) return Fail(ms.status());
    std::cout << RenderReport(*ms);
  });
}

}  // namespace
}  // namespace sanad::bench

int main(int argc, char** argv) {
  CLI::App app{"sanad_bench — benchmark steps run by scripts/bench.sh"};
  app.require_subcommand(1);
  sanad::bench::AddRaw(app);
  sanad::bench::AddApi(app);
  sanad::bench::AddSeed(app);
  sanad::bench::AddList(app);
  sanad::bench::AddPeople(app);
  sanad::bench::AddAssistance(app);
  sanad::bench::AddCases(app);
  sanad::bench::AddReports(app);
  sanad::bench::AddReport(app);
  CLI11_PARSE(app, argc, argv);
  return sanad::bench::g_exit_code;
}
