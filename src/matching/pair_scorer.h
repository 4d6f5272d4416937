// Fellegi–Sunter scoring of two prepared persons: each field comparison adds its log2
// likelihood ratio (m and u probabilities documented in README.md); name agreements weigh less
// for common names (term frequencies per name slot). Const methods are thread-safe; updating
// NameFrequencies is not.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "matching/person_matcher.h"
#include "matching/prepared_person.h"

namespace sanad::matching {

// How often each name skeleton occurs in each slot of a population.
class NameFrequencies {
 public:
  // Counts (delta +1) or uncounts (delta -1) a person's names.
  void Add(const PreparedPerson& p, const NameTable& names, int delta);
  // The share of people whose `slot` has this skeleton, shrunk towards a prior for small
  // populations so that a handful of records does not make any name look common.
  double Frequency(int slot, uint32_t skeleton_id) const;

 private:
  std::array<std::vector<uint32_t>, kSlots> count_;
  std::array<uint64_t, kSlots> total_{};
};

class PairScorer {
 public:
  PairScorer(const NameTable* names, const Interner* pcodes, const NameFrequencies* frequencies)
      : names_(names), pcodes_(pcodes), frequencies_(frequencies) {}

  // The score of a pair. With `reasons`, also every piece of evidence; `ra`/`rb` (optional)
  // are the original records, for details in the reviewer's words.
  double Score(const PreparedPerson& a, const PreparedPerson& b,
               std::vector<MatchReason>* reasons = nullptr, const PersonRecord* ra = nullptr,
               const PersonRecord* rb = nullptr) const;

  // The score of the names only, for search: how well `query` names (any slots) agree with `p`.
  double NameWeight(int slot, uint32_t canonical_id) const;

 private:
  // kWeak: one edit apart on short skeletons, a typo or another name.
  enum class Level : uint8_t { kMissing, kDisagree, kWeak, kClose, kSkeleton, kExact };
  struct SlotResult {
    Level level = Level::kMissing;
    double weight = 0;
    uint32_t a = 0;
    uint32_t b = 0;
    uint8_t alt_a = 0;
    uint8_t alt_b = 0;
  };
  Level CompareTokens(uint32_t ca, bool a_arabic, uint32_t cb, bool b_arabic) const;
  Level CompareUncached(uint32_t ca, bool a_arabic, uint32_t cb, bool b_arabic) const;
  SlotResult CompareSlot(const PreparedPerson& a, int sa, const PreparedPerson& b, int sb) const;

  const NameTable* names_;
  const Interner* pcodes_;
  const NameFrequencies* frequencies_;
};

}  // namespace sanad::matching
