#include "matching/blocking.h"

#include <algorithm>

namespace sanad::matching {
namespace {

uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

uint64_t Key(uint64_t kind, uint64_t a, uint64_t b) {
  return Mix(kind * 0x9E3779B97F4A7C15ULL ^ Mix(a + 0x1234567) ^ Mix(b) * 31);
}

enum : uint64_t { kNamePair = 1, kGivenYear = 2, kPhone = 3, kDocument = 4 };

}  // namespace

uint64_t NamePairKey(uint32_t skeleton_a, uint32_t skeleton_b) {
  return Key(kNamePair, std::min(skeleton_a, skeleton_b), std::max(skeleton_a, skeleton_b));
}

uint64_t RefineKey(uint64_t key, uint64_t value) { return Mix(key ^ Mix(value + 0xABCDEF)); }

void BlockingKeys(const PreparedPerson& p, const NameTable& names, std::vector<uint64_t>* keys) {
  const size_t start = keys->size();
  static constexpr int kPairs[][2] = {
      {kGiven, kFather}, {kGiven, kFamily}, {kFather, kGrandfather}};
  for (int alt = 0; alt < kAlternatives; ++alt) {
    auto sk = [&](int slot) { return names.SkeletonId(p.name[slot][alt]); };
    if (p.name[kGiven][alt] == 0 && p.name[kFather][alt] == 0) continue;
    for (const auto& pair : kPairs) {
      if (p.name[pair[0]][alt] == 0 || p.name[pair[1]][alt] == 0) continue;
      keys->push_back(NamePairKey(sk(pair[0]), sk(pair[1])));
    }
    if (p.name[kGiven][alt] != 0 && p.date_precision != 0) {
      keys->push_back(Key(kGivenYear, sk(kGiven), static_cast<uint64_t>(p.year)));
    }
  }
  if (p.phone != 0) keys->push_back(Key(kPhone, p.phone, 0));
  if (p.document != 0) keys->push_back(Key(kDocument, p.document, 0));
  std::sort(keys->begin() + static_cast<std::ptrdiff_t>(start), keys->end());
  keys->erase(std::unique(keys->begin() + static_cast<std::ptrdiff_t>(start), keys->end()),
              keys->end());
}

}  // namespace sanad::matching
