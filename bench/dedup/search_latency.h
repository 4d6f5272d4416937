// Search latency of matching::PersonIndex over the generated registrations: builds the index,
// then times free-text searches as a clerk types them (names in either script, with the error
// model's variants, or a phone) and the "possibly already registered" check (FindMatches) of
// re-registrations. Single-threaded; not thread-safe.
#pragma once

#include <cstddef>

#include "results.h"
#include "synthetic.h"

namespace sanad::bench::dedup {

// Adds index_* and search_* / find_* figures to `results`.
void MeasureSearch(const SyntheticData& data, const RegistrationGenerator& generator,
                   size_t queries, uint64_t seed, Results& results);

}  // namespace sanad::bench::dedup
