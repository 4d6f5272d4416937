#include "peer_score.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "evaluation.h"
#include "measure.h"
#include "results.h"

namespace sanad::bench::dedup {
namespace {

struct ScoredIdPair {
  uint32_t a = 0;
  uint32_t b = 0;
  double score = 0;
};

bool Fail(const std::string& message) {
  std::cerr << "sanad_dedup_bench: " << message << "\n";
  return false;
}

bool ReadTruth(const std::string& path, std::unordered_map<std::string, uint32_t>* index_of,
               std::vector<uint32_t>* person_of) {
  std::ifstream in(path);
  if (!in) return Fail("cannot read " + path);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const size_t comma = line.find(',');
    if (comma == std::string::npos) return Fail(path + ": line without a comma: " + line);
    index_of->emplace(line.substr(0, comma), static_cast<uint32_t>(person_of->size()));
    person_of->push_back(static_cast<uint32_t>(std::stoul(line.substr(comma + 1))));
  }
  return true;
}

bool ReadPairs(const std::string& path, const std::unordered_map<std::string, uint32_t>& index_of,
               std::vector<ScoredIdPair>* pairs) {
  std::ifstream in(path);
  if (!in) return Fail("cannot read " + path);
  std::string line;
  while (std::getline(in, line)) {
    const size_t c1 = line.find(',');
    const size_t c2 = line.find(',', c1 + 1);
    if (c1 == std::string::npos || c2 == std::string::npos) {
      return Fail(path + ": expected id_a,id_b,score: " + line);
    }
    const auto a = index_of.find(line.substr(0, c1));
    const auto b = index_of.find(line.substr(c1 + 1, c2 - c1 - 1));
    if (a == index_of.end() || b == index_of.end()) return Fail(path + ": unknown id: " + line);
    pairs->push_back({a->second, b->second, std::stod(line.substr(c2 + 1))});
  }
  return true;
}

}  // namespace

int ScorePeer(const PeerScoreOptions& o) {
  std::unordered_map<std::string, uint32_t> index_of;
  std::vector<uint32_t> person_of;
  std::vector<ScoredIdPair> scored;
  if (!ReadTruth(o.truth, &index_of, &person_of) || !ReadPairs(o.pairs, index_of, &scored)) {
    return 1;
  }
  std::sort(scored.begin(), scored.end(),
            [](const ScoredIdPair& x, const ScoredIdPair& y) { return x.score > y.score; });
  Results results("peer_");
  results.Add("candidate_pairs", static_cast<double>(scored.size()));
  if (scored.empty()) return results.Flush(o.results) ? 0 : 1;
  const double lo = scored.back().score;
  const double hi = scored.front().score;
  double best_f1 = -1;
  double best_t = lo;
  double best_pair_f1 = -1;
  double best_pair_t = lo;
  PairMetrics best;
  PairMetrics best_pairs;
  double cluster_seconds = 0;
  std::vector<std::pair<uint32_t, uint32_t>> above;
  for (int step = 0; step <= o.steps; ++step) {
    const double t = lo + (hi - lo) * step / o.steps;
    above.clear();
    for (const auto& p : scored) {
      if (p.score < t) break;
      above.emplace_back(p.a, p.b);
    }
    Stopwatch clustering;
    const auto clusters = ConnectedComponents(static_cast<uint32_t>(person_of.size()), above);
    const double seconds = clustering.Seconds();
    const PairMetrics m = EvaluateClusters(clusters, person_of);
    if (m.f1() > best_f1) {
      best_f1 = m.f1();
      best_t = t;
      best = m;
      cluster_seconds = seconds;
    }
    const PairMetrics mp = EvaluatePairs(above, person_of);
    if (mp.f1() > best_pair_f1) {
      best_pair_f1 = mp.f1();
      best_pair_t = t;
      best_pairs = mp;
    }
  }
  results.Add("threshold", best_t);
  results.Add("cluster_s", cluster_seconds);
  results.Add("true_pairs", static_cast<double>(best.true_pairs));
  results.Add("cluster_pairs", static_cast<double>(best.predicted_pairs));
  results.Add("precision", best.precision());
  results.Add("recall", best.recall());
  results.Add("f1", best.f1());
  results.Add("pairs_threshold", best_pair_t);
  results.Add("pairs_precision", best_pairs.precision());
  results.Add("pairs_recall", best_pairs.recall());
  results.Add("pairs_f1", best_pairs.f1());
  // Recall of the blocking itself: the true pairs among the candidates at any score.
  std::vector<std::pair<uint32_t, uint32_t>> all;
  all.reserve(scored.size());
  for (const auto& p : scored) all.emplace_back(p.a, p.b);
  results.Add("blocking_recall", EvaluatePairs(all, person_of).recall());
  return results.Flush(o.results) ? 0 : 1;
}

}  // namespace sanad::bench::dedup
