// The small public functions of person_matcher.h; Deduplicate and PersonIndex have their own
// files.
#include "matching/person_matcher.h"

#include <cstdio>

#include "matching/name_keys.h"
#include "matching/pair_scorer.h"
#include "matching/prepared_person.h"

namespace sanad::matching {

std::string FormatReasons(const std::vector<MatchReason>& reasons) {
  std::string out;
  for (const MatchReason& r : reasons) {
    if (!out.empty()) out += "; ";
    char w[32];
    std::snprintf(w, sizeof w, "%+.1f", r.weight);
    out += r.field + " " + w;
    if (!r.detail.empty()) out += " (" + r.detail + ")";
  }
  return out;
}

ScoredPair ScorePair(const PersonRecord& a, const PersonRecord& b) {
  NameTable names;
  Interner pcodes;
  Preparer preparer(&names, &pcodes);
  const PreparedPerson pa = preparer.Prepare(a);
  const PreparedPerson pb = preparer.Prepare(b);
  const PairScorer scorer(&names, &pcodes, nullptr);
  ScoredPair pair;
  pair.a = 0;
  pair.b = 1;
  pair.score = scorer.Score(pa, pb, &pair.reasons, &a, &b);
  return pair;
}

std::string CanonicalName(std::string_view name) {
  std::string out;
  for (const std::string& t : CanonicalTokens(name, NamePart::kAny)) {
    if (!out.empty()) out.push_back(' ');
    out += t;
  }
  return out;
}

std::string NameSkeleton(std::string_view name) {
  std::string out;
  for (const std::string& t : CanonicalTokens(name, NamePart::kAny)) {
    if (!out.empty()) out.push_back(' ');
    out += SkeletonOfCanonical(t);
  }
  return out;
}

}  // namespace sanad::matching
