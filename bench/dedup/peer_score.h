// Scoring the peer's answer: the candidate pairs PostgreSQL returns (id_a,id_b,score as CSV)
// are clustered by connected components at a sweep of thresholds and compared with the truth;
// the threshold with the best cluster F1 is the peer's result (the peer is tuned for its best).
// Single run, not thread-safe.
#pragma once

#include <string>

namespace sanad::bench::dedup {

struct PeerScoreOptions {
  std::string truth;    // id,person in the order of the input CSV
  std::string pairs;    // id_a,id_b,score without a header
  std::string results;  // results file to append to (empty: stdout only)
  int steps = 60;       // thresholds tried between the lowest and highest score
};

// Returns the process exit code (0 on success).
int ScorePeer(const PeerScoreOptions& options);

}  // namespace sanad::bench::dedup
