// Finding the same person across scripts, spellings and typos. The contract every user of the
// matching engine codes against: the dedup CLI and benchmark (Deduplicate over a whole file),
// the registry's people search and "possibly already registered" check (PersonIndex), the
// dedup runs of the API and the bulk import (both).
//
// Plain C++ over plain values: no store, no HTTP. Thread-safe as documented per function.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/partial_date.h"

namespace sanad::matching {

// One person as the matcher sees them. Names may be in Arabic script (Arabic or Kurdish) or in
// Latin letters, in any of the four parts; `name_latin` is the whole name in Latin letters when
// the registration has both. Every field but `id` may be empty.
struct PersonRecord {
  std::string id;  // the caller's id: a CSV id, or a member id as text
  std::string given_name;
  std::string father_name;
  std::string grandfather_name;
  std::string family_name;
  std::string name_latin;
  char sex = 0;  // 'f', 'm', or 0 when unknown
  std::optional<PartialDate> birth_date;
  std::string pcode;  // the most specific place known (current location)
  std::string phone;
  std::string document_number;
};

// One piece of evidence for or against a pair: `field` is given_name, father_name,
// grandfather_name, family_name, name_order, name_chain, sex, birth_date, pcode, phone or
// document_number;
// `weight` is its log2 likelihood ratio (positive: for the same person); `detail` says what
// was compared in words a reviewer understands ("mohamad ≈ محمد", "1984 vs 1984-07-15").
struct MatchReason {
  std::string field;
  double weight = 0;
  std::string detail;
};

// Renders reasons as one line: "given_name +3.2 (mohamad ≈ محمد); sex -4.0 (f vs m)".
std::string FormatReasons(const std::vector<MatchReason>& reasons);

// Scores of pairs are the sum of their reasons' weights (log2 odds of being the same person
// before the prior), so thresholds are comparable across runs and registries.
struct ScoredPair {
  uint32_t a = 0;  // index into the input, a < b
  uint32_t b = 0;
  double score = 0;
  std::vector<MatchReason> reasons;
};

// The score from which a person is shown to a human as "possibly already registered" (the
// registration form, the bulk import's report): below the dedup threshold, because a person
// decides. Four agreeing name parts and the same sex reach it with nothing else known (name
// parts count at most +12 together); two agreeing parts of rare names nearly do.
inline constexpr double kSuggestThreshold = 10.0;

struct DedupOptions {
  // Pairs scoring at least this are reported and clustered.
  double threshold = 14.0;
  // Worker threads; 0 = all hardware threads.
  int threads = 0;
  // Called now and then from the calling thread: stage name ("keys", "blocking", "scoring",
  // "clustering"), work done and total in that stage's unit.
  std::function<void(std::string_view stage, uint64_t done, uint64_t total)> progress;
};

struct DedupResult {
  // Pairs at or above the threshold, sorted by (a, b).
  std::vector<ScoredPair> pairs;
  // For each input record, its cluster: the smallest input index of the cluster's members.
  // Clustering never chains unrelated people together through a string of weak links.
  std::vector<uint32_t> cluster_of;
  // Candidate pairs compared after blocking (how much work blocking left).
  uint64_t comparisons = 0;
};

// Finds probable duplicates among `records`. Work grows near-linearly with the input (blocking).
// Frequencies of name parts (term-frequency adjustment) are computed from `records` itself.
// `decided_different` lists pairs (by index, any order) a reviewer said are different people:
// they are never reported and never joined in one cluster.
DedupResult Deduplicate(const std::vector<PersonRecord>& records, const DedupOptions& options,
                        const std::vector<std::pair<uint32_t, uint32_t>>& decided_different = {});

// Scores one pair with the default frequency tables (no term-frequency data of a registry).
// For tests, explanations and the benchmark's peer comparison.
ScoredPair ScorePair(const PersonRecord& a, const PersonRecord& b);

// The keys a name word is compared by, exposed for tests and for store-side search keys:
// `Canonical` joins compounds and drops articles, folds spelling variants and transliterates
// Arabic script into the same Latin form ("عبد الرحمن", "Abdul-Rahman", "Abd al Rahman" →
// one string); `Skeleton` is a coarse phonetic key of it that typos and variants mostly keep.
std::string CanonicalName(std::string_view name);
std::string NameSkeleton(std::string_view name);

// A search hit: the caller's key, how well it matched, and why.
struct SearchHit {
  uint64_t key = 0;
  double score = 0;
  std::vector<MatchReason> reasons;
};

// An in-memory index of a registry's people for search as you type and for checking a new
// registration against everyone already registered. Updated as records change.
// Upsert/Remove take an exclusive lock; Search and Find take a shared one: safe from many
// threads. About 200 bytes per person plus the names themselves.
class PersonIndex {
 public:
  PersonIndex();
  ~PersonIndex();
  PersonIndex(const PersonIndex&) = delete;
  PersonIndex& operator=(const PersonIndex&) = delete;

  // `key` is the caller's id of the person (a member id); `group` is a number the caller filters
  // on in searches (an organisation id).
  void Upsert(uint64_t key, uint64_t group, const PersonRecord& record);
  void Remove(uint64_t key);
  size_t size() const;

  // Free-text search: names in any script and spelling, in any order, or a phone or document
  // number. Best first; only keys for which `visible(group)` is true (null = all).
  std::vector<SearchHit> Search(std::string_view text, size_t limit,
                                const std::function<bool(uint64_t group)>& visible = {}) const;

  // People who are probably `record` (score at least `threshold`), best first, with reasons.
  std::vector<SearchHit> FindMatches(const PersonRecord& record, double threshold, size_t limit,
                                     const std::function<bool(uint64_t group)>& visible = {}) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sanad::matching
