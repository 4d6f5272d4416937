#include "evaluation.h"

#include <algorithm>
#include <unordered_map>

namespace sanad::bench::dedup {
namespace {

uint64_t PairsOf(uint64_t n) { return n * (n - 1) / 2; }

template <typename Key>
uint64_t GroupPairs(const std::unordered_map<Key, uint32_t>& counts) {
  uint64_t total = 0;
  for (const auto& [key, n] : counts) total += PairsOf(n);
  return total;
}

}  // namespace

double PairMetrics::precision() const {
  return predicted_pairs == 0 ? 0 : static_cast<double>(correct_pairs) / predicted_pairs;
}
double PairMetrics::recall() const {
  return true_pairs == 0 ? 0 : static_cast<double>(correct_pairs) / true_pairs;
}
double PairMetrics::f1() const {
  const double p = precision();
  const double r = recall();
  return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

PairMetrics EvaluateClusters(std::span<const uint32_t> cluster_of,
                             std::span<const uint32_t> person_of) {
  std::unordered_map<uint32_t, uint32_t> persons;
  std::unordered_map<uint32_t, uint32_t> clusters;
  std::unordered_map<uint64_t, uint32_t> both;
  for (size_t i = 0; i < person_of.size(); ++i) {
    ++persons[person_of[i]];
    ++clusters[cluster_of[i]];
    ++both[(static_cast<uint64_t>(cluster_of[i]) << 32) | person_of[i]];
  }
  return PairMetrics{.true_pairs = GroupPairs(persons),
                     .predicted_pairs = GroupPairs(clusters),
                     .correct_pairs = GroupPairs(both)};
}

PairMetrics EvaluatePairs(std::span<const std::pair<uint32_t, uint32_t>> pairs,
                          std::span<const uint32_t> person_of) {
  std::unordered_map<uint32_t, uint32_t> persons;
  for (const uint32_t p : person_of) ++persons[p];
  PairMetrics m{.true_pairs = GroupPairs(persons), .predicted_pairs = pairs.size()};
  for (const auto& [a, b] : pairs) {
    if (person_of[a] == person_of[b]) ++m.correct_pairs;
  }
  return m;
}

std::vector<uint32_t> ConnectedComponents(uint32_t n,
                                          std::span<const std::pair<uint32_t, uint32_t>> pairs) {
  std::vector<uint32_t> parent(n);
  for (uint32_t i = 0; i < n; ++i) parent[i] = i;
  auto find = [&](uint32_t x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const auto& [a, b] : pairs) {
    const uint32_t ra = find(a);
    const uint32_t rb = find(b);
    if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);  // root = smallest member
  }
  for (uint32_t i = 0; i < n; ++i) parent[i] = find(i);
  return parent;
}

}  // namespace sanad::bench::dedup
