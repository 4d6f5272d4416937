#include "matching/pair_scorer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "matching/similarity.h"

namespace sanad::matching {
namespace {

// m: the share of true pairs whose name part agrees exactly (spelling variants of known names
// fold to one form; the rest agree on the skeleton).
constexpr double kNameM = 0.9;
// Prior frequency of a name, and how many pseudo-people it counts for, so that small inputs do
// not make every name look common or unique.
constexpr double kPriorFrequency = 0.03;
constexpr double kPriorWeight = 200;
constexpr double kMinFrequency = 1e-4;
constexpr double kMaxNameWeight = 7.0;
constexpr double kMinNameWeight = 1.0;
// Disagreement per slot: log2(m/u) with m the share of true pairs whose part differs beyond a
// typo or a variant (given 0.2%, father 0.4%, grandfather 3%, family 1.5%) and
// u ≈ 0.95; a part missing on one side is no evidence either way. Given and father weigh most:
// siblings share the rest.
constexpr std::array<double, kSlots> kDisagree = {-9.0, -9.0, -7.0, -7.0};
constexpr double kSkeletonPenalty = 1.0;  // agreeing on the skeleton only
constexpr double kCloseDrop = 2.5;        // close weighs the exact weight minus this
constexpr double kCloseMin = 1.0;
constexpr double kCloseMax = 3.5;
constexpr double kLineageFactor = 0.3;
constexpr double kMaxNamesWeight = 12.0;
// Two known names (Saad, Said) this alike on the same skeleton may be one name misheard.
constexpr double kKnownCloseJw = 0.85;
constexpr double kNameOrderPenalty = -1.0;
constexpr double kSameScriptMinJw = 0.8;
constexpr double kCloseJw = 0.9;
constexpr size_t kMinCloseSkeleton = 3;

// sex: m 0.98 / u 0.5 agree; m 0.015 / u 0.5 disagree.
constexpr double kSexAgree = 0.97;
constexpr double kSexDisagree = -5.0;
// birth date: exact day m 0.85 / u 1/7000 capped; month m 0.85 / u 1/700; year with a
// year-only side m 0.9 / u 1/55; same year but different known days m 0.05 / u 1/55;
// one year apart m 0.05 / u 2/55; two years m 0.03 / u 0.95; more m 3e-5 / u 0.9 (ages are
// guessed, but rarely further out: a wrong date outweighs a whole common name chain). 1 January
// stands for an unknown day and month, as on many Iraqi documents.
constexpr double kDateDay = 7.0;
constexpr double kDateMonth = 5.0;
constexpr double kDateYear = 3.0;
constexpr double kDateSameYearDiffers = -1.0;
constexpr double kDateOneYear = 0.5;
// A typo in a full date: the same day and month one year apart (m 0.03 / u 1e-4), or day and
// month swapped in the same year (m 0.01 / u 1/55/336).
constexpr double kDateYearTypo = 5.0;
constexpr double kDateDayMonthSwapped = 4.0;
constexpr double kDateTwoYears = -5.0;
constexpr double kDateDisagree = -15.0;
// pcode: same place m 0.5 / u 0.09 (people are registered where they live now, and move);
// same district, same governorate, elsewhere.
constexpr double kPlaceSame = 2.5;
constexpr double kPlaceDistrict = 1.5;
constexpr double kPlaceGovernorate = 0.8;
constexpr double kPlaceDiffers = -0.5;
constexpr size_t kDistrictPrefix = 8;  // IQG01Q01
// phone: m 0.5 / u 0.015 (a household shares one phone); numbers change: m 0.5 / u 1.
constexpr double kPhoneAgree = 5.0;
constexpr double kPhoneDisagree = -1.0;
// document: m 0.9 / u 1e-6 capped; m 0.12 / u 1 (other documents, typos).
constexpr double kDocumentAgree = 10.0;
constexpr double kDocumentDisagree = -3.0;

constexpr std::array<const char*, kSlots> kSlotField = {"given_name", "father_name",
                                                        "grandfather_name", "family_name"};

std::string DateText(const PreparedPerson& p) {
  char buf[16];
  if (p.date_precision == 1) std::snprintf(buf, sizeof buf, "%04d", p.year);
  if (p.date_precision == 2) std::snprintf(buf, sizeof buf, "%04d-%02d", p.year, p.month);
  if (p.date_precision == 3)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", p.year, p.month, p.day);
  return buf;
}

// A full date on 1 January usually means "year known, day not".
int EffectivePrecision(const PreparedPerson& p) {
  return p.date_precision == 3 && p.month == 1 && p.day == 1 ? 1 : p.date_precision;
}

const std::string* SlotText(const PersonRecord* r, int slot) {
  if (r == nullptr) return nullptr;
  const std::string* fields[kSlots] = {&r->given_name, &r->father_name, &r->grandfather_name,
                                       &r->family_name};
  const std::string* f = fields[slot];
  // A given-name field holding the whole chain is not one part.
  const bool whole_chain = slot == kGiven && r->father_name.empty() &&
                           r->grandfather_name.empty() && r->family_name.empty() &&
                           f->find(' ') != std::string::npos;
  return f->empty() || whole_chain ? nullptr : f;
}

}  // namespace

void NameFrequencies::Add(const PreparedPerson& p, const NameTable& names, int delta) {
  for (int s = 0; s < kSlots; ++s) {
    uint32_t seen = 0;
    for (int alt = 0; alt < kAlternatives; ++alt) {
      const uint32_t c = p.name[s][alt];
      if (c == 0) continue;
      const uint32_t sk = names.SkeletonId(c);
      if (sk == seen) continue;
      seen = sk;
      if (count_[s].size() <= sk)
        count_[s].resize(std::max<size_t>(sk + 1, names.skeleton_count()));
      count_[s][sk] += static_cast<uint32_t>(delta);
      total_[s] += static_cast<uint64_t>(static_cast<int64_t>(delta));
    }
  }
}

double NameFrequencies::Frequency(int slot, uint32_t skeleton_id) const {
  const double count = skeleton_id < count_[slot].size() ? count_[slot][skeleton_id] : 0;
  const double f =
      (count + kPriorFrequency * kPriorWeight) / (static_cast<double>(total_[slot]) + kPriorWeight);
  return std::max(f, kMinFrequency);
}

double PairScorer::NameWeight(int slot, uint32_t canonical_id) const {
  const double f = frequencies_ == nullptr
                       ? kPriorFrequency
                       : frequencies_->Frequency(slot, names_->SkeletonId(canonical_id));
  return std::clamp(std::log2(kNameM / f), kMinNameWeight, kMaxNameWeight);
}

PairScorer::Level PairScorer::CompareTokens(uint32_t ca, bool a_arabic, uint32_t cb,
                                            bool b_arabic) const {
  if (ca == cb || names_->CanonicalId(ca) == names_->CanonicalId(cb)) return Level::kExact;
  // Names repeat: a per-thread direct-mapped cache of comparisons saves most of the work.
  struct CacheEntry {
    uint64_t key = 0;
    uint32_t table = 0;
    Level level = Level::kMissing;
  };
  constexpr size_t kCacheSize = size_t{1} << 14;
  thread_local std::vector<CacheEntry> cache(kCacheSize);
  const uint64_t key = (static_cast<uint64_t>(ca) << 33) | (static_cast<uint64_t>(cb) << 2) |
                       (a_arabic ? 2U : 0U) | (b_arabic ? 1U : 0U);
  CacheEntry& entry = cache[(key * 0x9E3779B97F4A7C15ULL) >> 50];
  if (entry.key == key && entry.table == names_->uid()) return entry.level;
  entry.key = key;
  entry.table = names_->uid();
  entry.level = CompareUncached(ca, a_arabic, cb, b_arabic);
  return entry.level;
}

PairScorer::Level PairScorer::CompareUncached(uint32_t ca, bool a_arabic, uint32_t cb,
                                              bool b_arabic) const {
  const uint32_t sa = names_->SkeletonId(ca);
  const uint32_t sb = names_->SkeletonId(cb);
  // Two different names of the known-names table are different names, unless one is a likely
  // mishearing of the other.
  if (names_->Known(ca) && names_->Known(cb)) {
    return sa == sb && JaroWinkler(names_->Canonical(ca), names_->Canonical(cb)) >= kKnownCloseJw
               ? Level::kClose
               : Level::kDisagree;
  }
  // Spellings in the same script compare letter by letter; across scripts only skeletons can.
  const bool same_script = a_arabic == b_arabic;
  const double jw = same_script ? JaroWinkler(names_->Spelling(ca), names_->Spelling(cb)) : 0.0;
  if (sa == sb) return same_script && jw < kSameScriptMinJw ? Level::kClose : Level::kSkeleton;
  if (jw >= kCloseJw) return Level::kClose;
  const std::string_view ka = names_->Skeleton(sa);
  const std::string_view kb = names_->Skeleton(sb);
  // One edit apart on skeletons: close on skeletons of at least three and four consonants;
  // on shorter ones one edit is as often another name (Omar and Umayya, Reman and Rebeen) as a
  // typo, so it weighs little.
  if (std::max(ka.size(), kb.size()) >= kMinCloseSkeleton && BoundedEditDistance(ka, kb, 1) <= 1) {
    return std::min(ka.size(), kb.size()) >= kMinCloseSkeleton &&
                   std::max(ka.size(), kb.size()) > kMinCloseSkeleton
               ? Level::kClose
               : Level::kWeak;
  }
  return Level::kDisagree;
}

PairScorer::SlotResult PairScorer::CompareSlot(const PreparedPerson& a, int sa,
                                               const PreparedPerson& b, int sb) const {
  SlotResult best;
  for (int i = 0; i < kAlternatives; ++i) {
    const uint32_t ca = a.name[sa][i];
    if (ca == 0) continue;
    for (int j = 0; j < kAlternatives; ++j) {
      const uint32_t cb = b.name[sb][j];
      if (cb == 0) continue;
      const Level level = CompareTokens(ca, a.Arabic(sa, i), cb, b.Arabic(sb, j));
      if (level > best.level || best.a == 0) {
        best.level = level;
        best.a = ca;
        best.b = cb;
        best.alt_a = static_cast<uint8_t>(i);
        best.alt_b = static_cast<uint8_t>(j);
      }
      if (level == Level::kExact) break;
    }
    if (best.level == Level::kExact) break;
  }
  switch (best.level) {
    case Level::kMissing:
      break;
    case Level::kDisagree:
      best.weight = kDisagree[sa];
      break;
    case Level::kWeak:
      best.weight = kCloseMin;
      break;
    case Level::kClose:
      best.weight = std::clamp(NameWeight(sa, best.a) - kCloseDrop, kCloseMin, kCloseMax);
      break;
    case Level::kSkeleton:
      best.weight = std::max(NameWeight(sa, best.a) - kSkeletonPenalty, kMinNameWeight);
      break;
    case Level::kExact:
      best.weight = NameWeight(sa, best.a);
      break;
  }
  return best;
}

double PairScorer::Score(const PreparedPerson& a, const PreparedPerson& b,
                         std::vector<MatchReason>* reasons, const PersonRecord* ra,
                         const PersonRecord* rb) const {
  // Name chains: as written, then (when the given names do not agree) with given and father
  // swapped or the family name written first; the best alignment wins, a changed order costs.
  // Name chains: as written, then — when a part disagrees — with two neighbouring parts
  // swapped or the family name written first; a changed order costs a little.
  struct Order {
    std::array<int, kSlots> b_slot;
    const char* what;
  };
  static constexpr std::array<Order, 6> kOrders = {{
      {{0, 1, 2, 3}, ""},
      {{1, 0, 2, 3}, "given and father swapped"},
      {{0, 2, 1, 3}, "father and grandfather swapped"},
      {{0, 1, 3, 2}, "grandfather and family swapped"},
      {{1, 2, 3, 0}, "family name written first"},
      {{3, 0, 1, 2}, "family name written first"},
  }};
  std::array<std::array<SlotResult, kSlots>, kSlots> cell{};
  std::array<std::array<bool, kSlots>, kSlots> done{};
  auto compare = [&](int sa, int sb) -> const SlotResult& {
    if (!done[sa][sb]) {
      cell[sa][sb] = CompareSlot(a, sa, b, sb);
      done[sa][sb] = true;
    }
    return cell[sa][sb];
  };
  std::array<SlotResult, kSlots> best{};
  double best_names = 0;
  int best_order = 0;
  bool any_disagree = false;
  bool tail_missing = false;  // a grandfather or family name missing on one side
  for (int s = 0; s < kSlots; ++s) {
    best[s] = compare(s, s);
    best_names += best[s].weight;
    any_disagree =
        any_disagree || best[s].level == Level::kDisagree || best[s].level == Level::kWeak;
    tail_missing = tail_missing || (s >= kGrandfather && best[s].level == Level::kMissing);
  }
  for (int o = 1; (any_disagree || tail_missing) && o < static_cast<int>(kOrders.size()); ++o) {
    // Every moved part must be present on both sides and agree at least closely; otherwise the
    // "swap" is more often a relative (a son's father is his father's given name). The one
    // exception: three words "given father X" where X is the family name of the other's
    // four — grandfather and family swap with one of them missing.
    const auto& order = kOrders[o].b_slot;
    const bool tail_swap = order[kGrandfather] == kFamily && order[kFamily] == kGrandfather;
    if (!any_disagree && !tail_swap) continue;  // only a missing tail: no other order can help
    std::array<SlotResult, kSlots> r{};
    double sum = kNameOrderPenalty;
    bool plausible = true;
    int moved_agree = 0;
    for (int s = 0; s < kSlots && plausible; ++s) {
      r[s] = compare(s, order[s]);
      sum += r[s].weight;
      if (order[s] == s) continue;
      if (r[s].level >= Level::kClose) {
        ++moved_agree;
      } else if (!(tail_swap && r[s].level == Level::kMissing)) {
        plausible = false;
      }
    }
    if (!plausible || moved_agree == 0) continue;
    if (sum > best_names) {
      best = r;
      best_names = sum;
      best_order = o;
    }
  }
  // Siblings and cousins share father, grandfather and family (and a household its phone and
  // place): when the given names clearly differ, what relatives share says little.
  // The same document number is one person's, never a sibling's: then a given name that
  // disagrees is a typo or another spelling, not a relative.
  const bool same_document = a.document != 0 && a.document == b.document;
  const bool relatives = !same_document && (best[kGiven].level == Level::kDisagree ||
                                            best[kGiven].level == Level::kWeak);
  if (relatives) {
    for (int s = kFather; s < kSlots; ++s) {
      if (best[s].weight > 0) {
        best_names -= best[s].weight * (1 - kLineageFactor);
        best[s].weight *= kLineageFactor;
      }
    }
  }
  // The parts of a chain are not independent (a lineage repeats its names), so the sum of their
  // agreements is capped; a disagreeing part counts in full on top (capping the sum instead let
  // three agreeing common names hide a different grandfather).
  double agreeing = 0;
  for (const SlotResult& r : best) agreeing += std::max(r.weight, 0.0);
  const double over_cap = std::max(agreeing - kMaxNamesWeight, 0.0);
  double score = best_names - over_cap;
  if (reasons != nullptr) {
    static constexpr const char* kSymbol[] = {"", "≠", "~", "~", "≈", "="};
    for (int s = 0; s < kSlots; ++s) {
      const SlotResult& r = best[s];
      if (r.level == Level::kMissing) continue;
      const int sb = kOrders[best_order].b_slot[s];
      const std::string* ta = r.alt_a == 0 ? SlotText(ra, s) : nullptr;
      const std::string* tb = r.alt_b == 0 ? SlotText(rb, sb) : nullptr;
      const std::string left = ta != nullptr ? *ta : std::string(names_->Spelling(r.a));
      const std::string right = tb != nullptr ? *tb : std::string(names_->Spelling(r.b));
      reasons->push_back(
          {kSlotField[s], r.weight, left + " " + kSymbol[static_cast<int>(r.level)] + " " + right});
    }
    if (best_order != 0) {
      reasons->push_back({"name_order", kNameOrderPenalty, kOrders[best_order].what});
    }
    // The reasons add up to the score: the cap shows as one more.
    if (over_cap > 0) {
      reasons->push_back({"name_chain", -over_cap, "agreeing name parts count at most +12"});
    }
  }
  auto add = [&](const char* field, double w, auto&& detail) {
    score += w;
    if (reasons != nullptr) reasons->push_back({field, w, detail()});
  };
  if (a.sex != 0 && b.sex != 0) {
    add("sex", a.sex == b.sex ? kSexAgree : kSexDisagree,
        [&] { return std::string(1, a.sex) + (a.sex == b.sex ? " = " : " vs ") + b.sex; });
  }
  if (a.date_precision != 0 && b.date_precision != 0) {
    double w = kDateDisagree;
    const int min_precision = std::min(EffectivePrecision(a), EffectivePrecision(b));
    if (a.year == b.year) {
      if (min_precision == 1) {
        w = kDateYear;
      } else if (min_precision == 3 && a.month != b.month && a.month == b.day && a.day == b.month) {
        w = kDateDayMonthSwapped;
      } else if (a.month != b.month) {
        w = kDateSameYearDiffers;
      } else if (min_precision == 2) {
        w = kDateMonth;
      } else {
        w = a.day == b.day ? kDateDay : kDateSameYearDiffers;
      }
    } else if (std::abs(a.year - b.year) == 1) {
      w = min_precision == 3 && a.month == b.month && a.day == b.day ? kDateYearTypo : kDateOneYear;
    } else if (std::abs(a.year - b.year) == 2) {
      w = kDateTwoYears;
    }
    add("birth_date", w, [&] { return DateText(a) + " vs " + DateText(b); });
  }
  if (a.pcode != 0 && b.pcode != 0) {
    const std::string_view pa = pcodes_->Get(a.pcode);
    const std::string_view pb = pcodes_->Get(b.pcode);
    size_t common = 0;
    while (common < pa.size() && common < pb.size() && pa[common] == pb[common]) ++common;
    double w = kPlaceDiffers;
    if (a.pcode == b.pcode) {
      w = kPlaceSame;
    } else if (common >= kDistrictPrefix) {
      w = kPlaceDistrict;
    } else if (common >= kGovernoratePcodeLength) {
      w = kPlaceGovernorate;
    }
    if (relatives && w > 0) w *= kLineageFactor;
    add("pcode", w, [&] { return std::string(pa) + " vs " + std::string(pb); });
  }
  if (a.phone != 0 && b.phone != 0) {
    add("phone",
        a.phone == b.phone ? (relatives ? kPhoneAgree * kLineageFactor : kPhoneAgree)
                           : kPhoneDisagree,
        [&] { return std::string(a.phone == b.phone ? "same number" : "different numbers"); });
  }
  if (a.document != 0 && b.document != 0) {
    add("document_number", a.document == b.document ? kDocumentAgree : kDocumentDisagree, [&] {
      return std::string(a.document == b.document ? "same document" : "different documents");
    });
  }
  return score;
}

}  // namespace sanad::matching
