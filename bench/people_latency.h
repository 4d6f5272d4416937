// People search latency through the API: one logged-in client sends `GET /api/v1/people?q=` and
// `POST /api/v1/people/matches` back to back and records each answer's time. Queries are made
// from members of households sampled across the seeded data, the way a clerk types them: the
// names as registered (given, father, family), the whole name in Latin letters, a phone, or a
// short given + family name; a hit is the member among the answers.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "measurement.h"

namespace sanad::bench {

struct PeopleLatencyOptions {
  std::string server_url;
  std::string username;
  std::string password;
  std::string backend;  // label for the results
  int searches = 1000;  // search queries timed
  int matches = 300;    // "already registered?" checks timed
  uint64_t seed = 1;
};

// Measurements people/search (all queries), people/search-names (names as registered and
// Latin full names only, with the hit rate in `note`), people/search-short (given + family),
// people/search-phone and people/matches; `households` is the data's household count.
Result<std::vector<Measurement>> RunPeopleLatency(const PeopleLatencyOptions& options);

}  // namespace sanad::bench
