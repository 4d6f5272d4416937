// List and search latency through the API: one logged-in client sends the same
// GET /api/v1/households query back to back and records each answer's time. The values searched
// for (a common given name, a phone, a document number, a governorate, a status) are taken from
// households in the middle of the seeded data, so they exist whatever the generator produces.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "measurement.h"

namespace sanad::bench {

struct ListLatencyOptions {
  std::string server_url;
  std::string username;
  std::string password;
  std::string backend;  // label for the results
  int min_samples = 20;
  int max_samples = 200;
  double min_seconds = 3;   // keep sampling a fast query at least this long (up to max_samples)
  double max_seconds = 15;  // stop sampling a slow query after this long (after min_samples)
};

// One measurement per query; `households` is the query's total, `note` the query.
Result<std::vector<Measurement>> RunListLatency(const ListLatencyOptions& options);

}  // namespace sanad::bench
