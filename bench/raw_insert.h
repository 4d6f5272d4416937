// The raw insert rate: the same household and member rows the API writes, put straight into
// the database without HTTP, to compare with the API's rate. Runs on the caller's thread plus
// `threads - 1` more.
#pragma once

#include <string>

#include "base/status.h"
#include "measurement.h"

namespace sanad::bench {

enum class RawMode {
  // store::InsertHousehold, one transaction (one durable commit) per household: what the
  // API does minus HTTP, JSON, session, validation, search text and the audit entry.
  kStoreTx,
  // store::InsertHousehold for every household in one transaction: the plain best case, one
  // commit for all, prepared statements reused.
  kStoreBatch,
  // registry::HouseholdService::Create: validation, search text, audit entry, one
  // transaction per household; the API minus HTTP, JSON and the session lookup.
  kService,
};

struct RawOptions {
  std::string db_url;
  std::string organisation;
  std::string backend;  // label for the results
  RawMode mode = RawMode::kStoreTx;
  int threads = 1;
  double seconds = 8;
  uint64_t seed = 1;
};

// Inserts for `seconds` and returns the rate and per-transaction (per-household) latencies.
Result<Measurement> RunRawInsert(const RawOptions& options);

}  // namespace sanad::bench
