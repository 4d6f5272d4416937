// Precision, recall and F1 of duplicate pairs against the generator's truth: of clusters (every
// pair of records in one cluster is a predicted pair) and of a list of scored pairs. Counts
// pairs by groups, so a million records cost no quadratic work. Plain functions.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace sanad::bench::dedup {

struct PairMetrics {
  uint64_t true_pairs = 0;       // pairs of records of the same person
  uint64_t predicted_pairs = 0;  // pairs the method says are the same person
  uint64_t correct_pairs = 0;    // both
  double precision() const;
  double recall() const;
  double f1() const;
};

// `cluster_of` and `person_of` give each record's cluster and true person (any numbering).
PairMetrics EvaluateClusters(std::span<const uint32_t> cluster_of,
                             std::span<const uint32_t> person_of);

// Pairs as given (each counted once; a < b not required).
PairMetrics EvaluatePairs(std::span<const std::pair<uint32_t, uint32_t>> pairs,
                          std::span<const uint32_t> person_of);

// Connected components of `pairs` over `n` records: each record's component as its smallest
// member. The peer's clustering (the engine's own avoids chaining; this one does not).
std::vector<uint32_t> ConnectedComponents(uint32_t n,
                                          std::span<const std::pair<uint32_t, uint32_t>> pairs);

}  // namespace sanad::bench::dedup
