#include "engine_run.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "evaluation.h"
#include "matching/blocking.h"
#include "matching/pair_scorer.h"
#include "matching/person_matcher.h"
#include "matching/prepared_person.h"
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
void PrintExamples(const SyntheticData& data, const RegistrationGenerator& generator,
                   const matching::DedupResult& result, size_t n) {
  size_t shown = 0;
  std::cout << "false pairs (reported, different people):\n";
  for (const auto& p : result.pairs) {
    if (shown == n) break;
    if (data.person_of[p.a] == data.person_of[p.b]) continue;
    ++shown;
    std::cout << fmt::format("  {:.1f}  {}\n        {}\n        {}\n        truth: {}\n", p.score,
                             Describe(data.records[p.a]), Describe(data.records[p.b]),
                             matching::FormatReasons(p.reasons),
                             generator.Relation(data.person_of[p.a], data.person_of[p.b]));
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

// Counts the cluster pairs the engine got wrong by what they are: false pairs by how the two
// people are related in the truth, missed pairs by why (no reported pair between them although
// they score above the threshold: blocking never compared them; a reported pair but split by
// clustering; scored below) and by the fields that weighed against them.
void Analyse(const SyntheticData& data, const RegistrationGenerator& generator,
             const matching::DedupResult& result, double threshold) {
  std::unordered_map<uint32_t, std::vector<uint32_t>> members;
  for (uint32_t i = 0; i < result.cluster_of.size(); ++i)
    members[result.cluster_of[i]].push_back(i);
  std::map<std::string, uint64_t> false_by;
  std::map<size_t, uint64_t> false_cluster_sizes;
  for (const auto& [cluster, m] : members) {
    bool wrong = false;
    for (size_t x = 0; x < m.size(); ++x) {
      for (size_t y = x + 1; y < m.size(); ++y) {
        const uint32_t pa = data.person_of[m[x]];
        const uint32_t pb = data.person_of[m[y]];
        if (pa == pb) continue;
        ++false_by[generator.Relation(pa, pb)];
        wrong = true;
      }
    }
    if (wrong) ++false_cluster_sizes[m.size()];
  }
  std::unordered_set<uint64_t> reported;
  for (const auto& p : result.pairs) reported.insert((static_cast<uint64_t>(p.a) << 32) | p.b);
  std::unordered_map<uint32_t, std::vector<uint32_t>> records_of;
  for (uint32_t i = 0; i < data.person_of.size(); ++i) records_of[data.person_of[i]].push_back(i);
  // The engine's own view of the records: the same preparation and frequencies as Deduplicate.
  matching::NameTable names;
  matching::Interner pcodes;
  std::vector<matching::PreparedPerson> people(data.records.size());
  matching::Preparer preparer(&names, &pcodes);
  for (size_t i = 0; i < data.records.size(); ++i) people[i] = preparer.Prepare(data.records[i]);
  matching::NameFrequencies frequencies;
  for (const auto& p : people) frequencies.Add(p, names, +1);
  const matching::PairScorer scorer(&names, &pcodes, &frequencies);
  std::vector<uint64_t> keys_a;
  std::vector<uint64_t> keys_b;
  std::unordered_map<uint64_t, uint32_t> block_size;
  for (const auto& p : people) {
    keys_a.clear();
    matching::BlockingKeys(p, names, &keys_a);
    for (uint64_t k : keys_a) ++block_size[k];
  }
  std::map<std::string, uint64_t> missed_by;
  constexpr size_t kShown = 40;
  size_t shown = 0;
  std::cout << "missed pairs scoring below the threshold (first " << kShown << "):\n";
  std::map<std::string, uint64_t> missed_against;
  for (const auto& [person, r] : records_of) {
    for (size_t x = 0; x < r.size(); ++x) {
      for (size_t y = x + 1; y < r.size(); ++y) {
        const uint32_t a = std::min(r[x], r[y]);
        const uint32_t b = std::max(r[x], r[y]);
        if (result.cluster_of[a] == result.cluster_of[b]) continue;
        std::vector<matching::MatchReason> reasons;
        const double score = scorer.Score(people[a], people[b], &reasons);
        std::string why;
        if (reported.contains((static_cast<uint64_t>(a) << 32) | b)) {
          why = "reported pair, split by clustering";
        } else if (score >= threshold) {
          keys_a.clear();
          keys_b.clear();
          matching::BlockingKeys(people[a], names, &keys_a);
          matching::BlockingKeys(people[b], names, &keys_b);
          // The smallest shared key, and what its refinement did to the pair.
          uint64_t shared = 0;
          uint32_t shared_size = UINT32_MAX;
          for (uint64_t k : keys_a) {
            if (std::find(keys_b.begin(), keys_b.end(), k) == keys_b.end()) continue;
            if (block_size[k] < shared_size) {
              shared = k;
              shared_size = block_size[k];
            }
          }
          const auto& pa = people[a];
          const auto& pb = people[b];
          const int ya = pa.date_precision != 0 ? pa.year : 0;
          const int yb = pb.date_precision != 0 ? pb.year : 0;
          if (shared == 0) {
            why = "above the threshold, no shared blocking key";
          } else if (ya != yb) {
            why = ya == 0 || yb == 0 ? "above, shared key too big, a birth year missing"
                                     : "above, shared key too big, birth years differ";
          } else if (pa.pcode != pb.pcode) {
            why = "above, shared key too big, same year, places differ";
          } else {
            why = "above, shared key too big even by year and place";
          }
        } else if (score >= threshold - 4) {
          why = "scores up to 4 below the threshold";
        } else {
          why = "scores further below the threshold";
        }
        ++missed_by[why];
        if (score < threshold && shown < kShown) {
          ++shown;
          std::cout << fmt::format("  {:.1f}  {}\n        {}\n        {}\n", score,
                                   Describe(data.records[a]), Describe(data.records[b]),
                                   matching::FormatReasons(reasons));
        }
        for (const auto& reason : reasons) {
          if (reason.weight < 0) ++missed_against[reason.field];
        }
      }
    }
  }
  std::cout << "false cluster pairs by relation:\n";
  for (const auto& [k, v] : false_by) std::cout << fmt::format("  {:>8}  {}\n", v, k);
  std::cout << "clusters with a false pair, by size:\n";
  for (const auto& [k, v] : false_cluster_sizes) std::cout << fmt::format("  {:>8}  {}\n", v, k);
  std::cout << "missed cluster pairs by cause:\n";
  for (const auto& [k, v] : missed_by) std::cout << fmt::format("  {:>8}  {}\n", v, k);
  std::cout << "missed cluster pairs by a field weighing against:\n";
  for (const auto& [k, v] : missed_against) std::cout << fmt::format("  {:>8}  {}\n", v, k);
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
  if (o.examples > 0) PrintExamples(data, generator, result, o.examples);
  if (o.analyse) Analyse(data, generator, result, options.threshold);

  if (o.queries > 0) MeasureSearch(data, generator, o.queries, o.synthetic.seed, results);
  if (!results.Flush(o.results)) {
    std::cerr << "sanad_dedup_bench: cannot append to " << o.results << "\n";
    return 1;
  }
  return 0;
}

}  // namespace sanad::bench::dedup
