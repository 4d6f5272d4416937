// `sanad_dedup_bench`: the seeded generator of synthetic registrations (`generate`: the CSV of
// `sanad dedup` and its truth file) and the deduplication benchmark (`run`). Wiring only; see
// bench/dedup/README.md.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <string>

#include "engine_run.h"
#include "peer_score.h"
#include "synthetic.h"

#ifndef SANAD_DEDUP_NAMES
#define SANAD_DEDUP_NAMES "bench/dedup/data/names.tsv"
#endif

namespace sanad::bench::dedup {
namespace {

int g_exit_code = 0;

struct Common {
  std::string names = SANAD_DEDUP_NAMES;
  SyntheticOptions synthetic;
};

void AddCommon(CLI::App& cmd, Common& c) {
  cmd.add_option("--n", c.synthetic.records, "Registrations in all, duplicates included")
      ->capture_default_str();
  cmd.add_option("--seed", c.synthetic.seed, "Seed of the generator")->capture_default_str();
  cmd.add_option("--duplicate-rate", c.synthetic.errors.duplicate_rate,
                 "Share of people registered more than once")
      ->capture_default_str();
  cmd.add_option("--names", c.names, "Name table (TSV)")->capture_default_str();
}

void AddGenerate(CLI::App& app) {
  auto c = std::make_shared<Common>();
  auto csv = std::make_shared<std::string>();
  auto truth = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("generate", "Write synthetic registrations and their truth");
  AddCommon(*cmd, *c);
  cmd->add_option("--out", *csv, "CSV of registrations (the input of `sanad dedup`)")->required();
  cmd->add_option("--truth", *truth, "CSV id,person")->required();
  cmd->callback([c, csv, truth] {
    std::string error;
    auto names = NameTable::Load(c->names, &error);
    if (!names) {
      std::cerr << "sanad_dedup_bench: " << error << "\n";
      g_exit_code = 1;
      return;
    }
    RegistrationGenerator generator(*names, LoadSubdistricts(), c->synthetic);
    const SyntheticData data = generator.Generate();
    if (!WriteCsv(data, *csv, *truth, &error)) {
      std::cerr << "sanad_dedup_bench: " << error << "\n";
      g_exit_code = 1;
      return;
    }
    std::cerr << "wrote " << data.records.size() << " registrations of " << data.persons
              << " people in " << data.households << " households\n";
  });
}

void AddRun(CLI::App& app) {
  auto c = std::make_shared<Common>();
  auto o = std::make_shared<EngineRunOptions>();
  auto* cmd = app.add_subcommand(
      "run", "Generate in memory, deduplicate, score against the truth, measure search");
  AddCommon(*cmd, *c);
  cmd->add_option("--threads", o->threads, "Deduplicate's threads (0: all)")->capture_default_str();
  cmd->add_option("--threshold", o->threshold, "Pair threshold (default: the engine's)");
  cmd->add_option("--queries", o->queries, "Search queries (0: no search measurement)")
      ->capture_default_str();
  cmd->add_option("--examples", o->examples, "Print this many false and missed pairs");
  cmd->add_flag("--analyse", o->analyse, "Count false and missed pairs by cause");
  cmd->add_option("--results", o->results, "Results file to append to");
  cmd->add_option("--label", o->label, "Label recorded with the results");
  cmd->callback([c, o] {
    o->names = c->names;
    o->synthetic = c->synthetic;
    g_exit_code = RunEngine(*o);
  });
}

void AddScorePeer(CLI::App& app) {
  auto o = std::make_shared<PeerScoreOptions>();
  auto* cmd = app.add_subcommand(
      "score-peer", "Cluster the peer's candidate pairs and score them against the truth");
  cmd->add_option("--truth", o->truth, "CSV id,person (from generate)")->required();
  cmd->add_option("--pairs", o->pairs, "CSV id_a,id_b,score without a header")->required();
  cmd->add_option("--results", o->results, "Results file to append to");
  cmd->add_option("--steps", o->steps, "Thresholds tried")->capture_default_str();
  cmd->callback([o] { g_exit_code = ScorePeer(*o); });
}

}  // namespace
}  // namespace sanad::bench::dedup

int main(int argc, char** argv) {
  CLI::App app{"sanad_dedup_bench: synthetic registrations and the deduplication benchmark"};
  app.require_subcommand(1);
  sanad::bench::dedup::AddGenerate(app);
  sanad::bench::dedup::AddRun(app);
  sanad::bench::dedup::AddScorePeer(app);
  CLI11_PARSE(app, argc, argv);
  return sanad::bench::dedup::g_exit_code;
}
