#include "search_latency.h"

#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "matching/person_matcher.h"
#include "measure.h"

namespace sanad::bench::dedup {
namespace {

using matching::PersonRecord;

std::string Join(std::initializer_list<const std::string*> parts) {
  std::string out;
  for (const std::string* p : parts) {
    if (p->empty()) continue;
    if (!out.empty()) out += ' ';
    out += *p;
  }
  return out;
}

// What a clerk types into the search box for `r`, a fresh registration of a person: a phone,
// the Latin full name, given + father + family, or a short given + family / given + father.
// *specific is false for the short ones, which many people share.
std::string QueryText(const PersonRecord& r, std::mt19937_64& rng, bool* specific) {
  const int kind = std::uniform_int_distribution<int>(0, 99)(rng);
  const std::string parts = Join({&r.given_name, &r.father_name, &r.family_name});
  *specific = true;
  if (kind < 15 && !r.phone.empty()) return r.phone;
  if (kind < 40 && !r.name_latin.empty()) return r.name_latin;
  *specific = false;
  if (kind < 55 && !r.given_name.empty()) return Join({&r.given_name, &r.family_name});
  if (kind < 65 && !r.given_name.empty()) return Join({&r.given_name, &r.father_name});
  *specific = true;
  return parts.empty() ? r.name_latin : parts;
}

}  // namespace

void MeasureSearch(const SyntheticData& data, const RegistrationGenerator& generator,
                   size_t queries, uint64_t seed, Results& results) {
  const uint64_t heap_before = HeapInUseBytes();
  Stopwatch build;
  matching::PersonIndex index;
  for (size_t i = 0; i < data.records.size(); ++i) index.Upsert(i, 1, data.records[i]);
  results.Add("index_build_s", build.Seconds());
  results.Add("index_mb", (HeapInUseBytes() - heap_before) / 1e6);

  std::mt19937_64 rng(seed ^ 0x5eac4);
  std::uniform_int_distribution<size_t> pick(0, data.records.size() - 1);
  std::vector<double> search_ms;
  std::vector<double> find_ms;
  size_t search_hits = 0;
  size_t specific_queries = 0;
  size_t find_hits = 0;
  constexpr size_t kLimit = 10;
  for (size_t q = 0; q < queries; ++q) {
    const uint32_t person = data.person_of[pick(rng)];
    const PersonRecord r = generator.Reregister(person, rng);
    bool specific = false;
    const std::string text = QueryText(r, rng, &specific);
    Stopwatch s;
    const auto hits = index.Search(text, kLimit);
    search_ms.push_back(s.Seconds() * 1e3);
    specific_queries += specific ? 1 : 0;
    for (const auto& h : hits) {
      if (specific && data.person_of[h.key] == person) {
        ++search_hits;
        break;
      }
    }
    Stopwatch f;
    const auto matches = index.FindMatches(r, 0.0, kLimit);
    find_ms.push_back(f.Seconds() * 1e3);
    for (const auto& h : matches) {
      if (data.person_of[h.key] == person) {
        ++find_hits;
        break;
      }
    }
  }
  results.Add("search_queries", static_cast<double>(queries));
  results.Add("search_p50_ms", Percentile(search_ms, 50));
  results.Add("search_p95_ms", Percentile(search_ms, 95));
  results.Add("search_p99_ms", Percentile(search_ms, 99));
  // Only full names and phones: a given + family name alone fits too many people for a top 10.
  results.Add("search_hit_at_10",
              specific_queries ? static_cast<double>(search_hits) / specific_queries : 0.0);
  results.Add("find_p50_ms", Percentile(find_ms, 50));
  results.Add("find_p95_ms", Percentile(find_ms, 95));
  results.Add("find_p99_ms", Percentile(find_ms, 99));
  results.Add("find_hit_at_10", queries ? static_cast<double>(find_hits) / queries : 0.0);
}

}  // namespace sanad::bench::dedup
