// Blocking keys: the few keys under which a person is compared with others, so that work
// grows with the number of people rather than its square. Keys are 64-bit hashes of
// (kind, values); a person has at most kMaxBlockingKeys of them, without repeats.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "matching/prepared_person.h"

namespace sanad::matching {

inline constexpr int kMaxBlockingKeys = 16;

// Appends `p`'s blocking keys, sorted and unique, to *keys: unordered pairs of name skeletons
// ({given, father}, {given, family}, {father, grandfather} — one namespace, so swapped parts
// and a family name written first still meet), given skeleton + birth year, phone, document.
void BlockingKeys(const PreparedPerson& p, const NameTable& names, std::vector<uint64_t>* keys);

// The blocking key of an unordered pair of name skeletons (as BlockingKeys makes them), for
// looking people up by two of their names.
uint64_t NamePairKey(uint32_t skeleton_a, uint32_t skeleton_b);

// A key refined by another value (a birth year, a pcode), for blocks too big to compare whole.
uint64_t RefineKey(uint64_t key, uint64_t value);

}  // namespace sanad::matching
