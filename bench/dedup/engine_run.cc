#include "engine_run.h"

#include <fmt/format.h>

#include <iostream>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include "evaluation.h"
#include "matching/person_matcher.h"
#include "measure.h"
#include "results.h"
#include "search_latency.h"

namespace sanad::bench::dedup {
namespace {

using matching::PersonRecord;

std::string Describe(const PersonRecord& r) {
  return fmt::format(
      "{} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {}", r.id, r.given_name, r.father_name,
      r.grandfather_name, r.family_name, r.name_latin, r.sex ? std::string(1, r.sex) : "",
      r.birth_date ? r.birth_date->ToString() : "", r.pcode, r.phone, r.document_number);
}

// Prints up to `n` false pairs (reported, different people) and `n` missed pairs (same
// person, different clusters) with both records, for whoever tunes the engine.
void PrintExamples(const SyntheticData& data, const matching::DedupResult& result, size_t n) {
  size_t shown = 0;
  std::cout << "false pairs (reported, different people):\n";
  for (const auto& p : result.pairs) {
    if (shown == n) break;
    if (data.person_of[p.a] == data.person_of[p.b]) continue;
    ++shown;
    std::cout << fmt::format("  {:.1f}  {}\n        {}\n        {}\n", p.score,
                             Describe(data.records[p.a]), Describe(data.records[p.b]),
                             matching::FormatReasons(p.reasons));
  }
  std::cout << "missed pairs (same person, different clusters):\n";
  std::unordered_map<uint32_t, uint32_t> first_of;
  shown = 0;
  for (uint32_t i = 0; i < data.records.size() && shown < n; ++i) {
    const auto [it, inserted] = first_of.emplace(data.person_of[i], i);
    if (inserted || result.cluster_of[i] == result.cluster_of[it->second]) continue;
    ++shown;
    const auto scored = matching::ScorePair(data.records[it->second], data.records[i]);
    std::cout << fmt::format("  {:.1f}  {}\n        {}\n        {}\n", scored.score,
                             Describe(data.records[it->second]), Describe(data.records[i]),
                             matching::FormatReasons(scored.reasons));
  }
}

}  // namespace

int RunEngine(const EngineRunOptions& o) {
  std::string error;
  auto names = NameTable::Load(o.names, &error);
  if (!names) {
    std::cerr << "sanad_dedup_bench: " << error << "\n";
    return 1;
  }
  Results results("engine_");
  results.Add("label", o.label);
  Stopwatch gen;
  RegistrationGenerator generator(*names, LoadSubdistricts(), o.synthetic);
  const SyntheticData data = generator.Generate();
  results.Add("records", static_cast<double>(data.records.size()));
  results.Add("persons", static_cast<double>(data.persons));
  results.Add("generate_s", gen.Seconds());

  matching::DedupOptions options;
  options.threads = o.threads;
  if (o.threshold >= 0) options.threshold = o.threshold;
  const unsigned threads = o.threads > 0 ? o.threads : std::thread::hardware_concurrency();
  results.Add("threads", threads);
  results.Add("threshold", options.threshold);
  options.progress = [last = std::string()](std::string_view stage, uint64_t, uint64_t) mutable {
    if (stage != last) {
      std::cerr << "  " << stage << "\n";
      last = stage;
    }
  };
  results.Add("data_heap_mb", HeapInUseBytes() / 1e6);
  const uint64_t baseline = CurrentRssBytes();
  const bool peak_reset = ResetPeakRss();
  Stopwatch dedup;
  const matching::DedupResult result = matching::Deduplicate(data.records, options);
  const double seconds = dedup.Seconds();
  const uint64_t peak = PeakRssBytes();
  results.Add("dedup_s", seconds);
  results.Add("data_rss_mb", baseline / 1e6);
  // The engine's own peak: the process peak during Deduplicate minus what the generated data
  // held before it (only meaningful when the peak could be reset).
  results.Add("dedup_peak_mb", (peak > baseline ? peak - baseline : 0) / 1e6);
  results.Add("process_peak_mb", peak / 1e6);
  results.Add("peak_reset", peak_reset ? "yes" : "no");
  results.Add("comparisons", static_cast<double>(result.comparisons));
  results.Add("scored_pairs", static_cast<double>(result.pairs.size()));

  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  pairs.reserve(result.pairs.size());
  for (const auto& p : result.pairs) pairs.emplace_back(p.a, p.b);
  const PairMetrics by_pair = EvaluatePairs(pairs, data.person_of);
  const PairMetrics by_cluster = EvaluateClusters(result.cluster_of, data.person_of);
  results.Add("true_pairs", static_cast<double>(by_cluster.true_pairs));
  results.Add("pairs_precision", by_pair.precision());
  results.Add("pairs_recall", by_pair.recall());
  results.Add("pairs_f1", by_pair.f1());
  results.Add("cluster_pairs", static_cast<double>(by_cluster.predicted_pairs));
  results.Add("precision", by_cluster.precision());
  results.Add("recall", by_cluster.recall());
  results.Add("f1", by_cluster.f1());
  if (o.examples > 0) PrintExamples(data, result, o.examples);

  if (o.queries > 0) MeasureSearch(data, generator, o.queries, o.synthetic.seed, results);
  if (!results.Flush(o.results)) {
    std::cerr << "sanad_dedup_bench: cannot append to " << o.results << "\n";
    return 1;
  }
  return 0;
}

}  // namespace sanad::bench::dedup
