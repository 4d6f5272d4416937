// The assistance benchmark (issue 5, docs/performance.md "Assistance"): on a running server
// over a seeded registry, the time to preview and draw a beneficiary list from every household
// (about a million people at 200,000 households), then the collection rate of N clients at the
// collection endpoint, and beside it the raw database write rate of the same rows (a
// collection, its claims, the issue movement and balance, the reservation, the list row and the
// audit entry) written straight with SQL by N threads, one transaction per collection.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "measurement.h"

namespace sanad::bench {

struct AssistanceOptions {
  std::string server_url;  // http://127.0.0.1:PORT
  std::string db_url;      // the server's database (for the raw writes)
  std::string organisation;
  std::string username;  // a logistics officer of the organisation
  std::string password;
  std::string backend;  // label for the results
  int server_pid = 0;   // for the server's CPU time; 0 = not measured
  int clients = 16;
  double seconds = 10;  // of each write run
};

// Measurements: draw/preview, draw/plan (households = drawn, rows = people), collect/N (the
// API), collect-raw/N (straight SQL).
Result<std::vector<Measurement>> RunAssistanceBench(const AssistanceOptions& options);

}  // namespace sanad::bench
