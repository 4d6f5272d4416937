// Clustering of scored pairs into persons without chaining unrelated people: connected
// components of the pairs at or above the threshold, then, inside each component of three or
// more, average-linkage agglomeration — two groups join only while the mean score over all
// their cross pairs stays at or above the threshold — and never across a pair a reviewer
// decided are different people. Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace sanad::matching {

struct ScoredEdge {
  uint32_t a = 0;
  uint32_t b = 0;
  double score = 0;
};

struct ClusterOptions {
  double threshold = 8.0;
  // Scores a pair that blocking did not compare, for components small enough to score fully
  // (null: such pairs count as score 0, i.e. not linked).
  std::function<double(uint32_t, uint32_t)> score_missing;
  // Components up to this size have every pair scored (with score_missing).
  size_t full_matrix_limit = 48;
};

// For each of `n` items, the smallest index in its cluster. `edges` are the pairs at or above
// the threshold; `cannot_link` pairs never end up together.
std::vector<uint32_t> ClusterPairs(uint32_t n, const std::vector<ScoredEdge>& edges,
                                   const std::vector<std::pair<uint32_t, uint32_t>>& cannot_link,
                                   const ClusterOptions& options);

}  // namespace sanad::matching
