// Deduplicate: prepare every record once, block, score candidate pairs on worker threads,
// cluster. Design and figures in README.md.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <string_view>
#include <thread>
#include <unordered_set>

#include "matching/blocking.h"
#include "matching/clustering.h"
#include "matching/pair_scorer.h"
#include "matching/person_matcher.h"
#include "matching/prepared_person.h"

namespace sanad::matching {
namespace {

// Blocks comparing more pairs than this many people would are refined (below); still larger,
// they are skipped (their people still meet under their other keys).
constexpr size_t kMaxBlock = 100;
constexpr size_t kMaxBlockWork = kMaxBlock * (kMaxBlock - 1) / 2;
constexpr auto kProgressInterval = std::chrono::milliseconds(250);
constexpr uint64_t kOddBuckets = 0x5bd1e9955bd1e995ULL;  // the second year partition
constexpr uint64_t kUndated = 0x2545f4914f6cdd1dULL;     // the block of the undated

uint64_t GovernorateKey(std::string_view pcode) {
  return pcode.empty()
             ? 0
             : std::hash<std::string_view>{}(pcode.substr(0, kGovernoratePcodeLength)) | 1;
}

struct Entry {
  uint64_t key;
  uint32_t record;
  bool target;  // compared only with the block's non-targets
  bool operator<(const Entry& o) const {
    return key < o.key || (key == o.key && record < o.record);
  }
};

uint64_t Even(uint64_t key) { return key & ~uint64_t{1}; }

// Pairs a block compares: all but those of two targets.
size_t BlockWork(size_t probes, size_t targets) {
  return probes * (probes - (probes > 0 ? 1 : 0)) / 2 + probes * targets;
}

// Runs fn(i) for i in [0, n) on `threads` workers in chunks, reporting progress from the
// calling thread.
template <typename Fn>
void ParallelFor(size_t n, int threads, std::string_view stage, const DedupOptions& options,
                 Fn&& fn) {
  constexpr size_t kChunk = 256;
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  auto worker = [&](int t) {
    for (;;) {
      const size_t begin = next.fetch_add(kChunk);
      if (begin >= n) return;
      const size_t end = std::min(n, begin + kChunk);
      for (size_t i = begin; i < end; ++i) fn(t, i);
      done.fetch_add(end - begin);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker, t);
  if (options.progress) {
    // The calling thread reports while the workers run.
    std::thread last(worker, 0);
    while (done.load() < n) {
      options.progress(stage, done.load(), n);
      std::this_thread::sleep_for(kProgressInterval);
    }
    last.join();
    options.progress(stage, n, n);
  } else {
    worker(0);
  }
  for (std::thread& t : pool) t.join();
}

}  // namespace

DedupResult Deduplicate(const std::vector<PersonRecord>& records, const DedupOptions& options,
                        const std::vector<std::pair<uint32_t, uint32_t>>& decided_different) {
  const auto n = static_cast<uint32_t>(records.size());
  int threads = options.threads > 0
                    ? options.threads
                    : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  DedupResult result;

  // 1. Keys: every record once, name fields tokenised once per distinct text.
  NameTable names;
  Interner pcodes;
  std::vector<PreparedPerson> people(n);
  {
    Preparer preparer(&names, &pcodes);
    for (uint32_t i = 0; i < n; ++i) {
      people[i] = preparer.Prepare(records[i]);
      if (options.progress && (i % 65536) == 0) options.progress("keys", i, n);
    }
    if (options.progress) options.progress("keys", n, n);
  }
  NameFrequencies frequencies;
  for (const PreparedPerson& p : people) frequencies.Add(p, names, +1);

  // 2. Blocking: (key, record) entries sorted by key; oversized blocks refined or skipped.
  // Keys are even: the lowest bit of a record's key list marks a target entry (below).
  std::vector<Entry> entries;
  entries.reserve(static_cast<size_t>(n) * 6);
  {
    std::vector<uint64_t> keys;
    for (uint32_t i = 0; i < n; ++i) {
      keys.clear();
      BlockingKeys(people[i], names, &keys);
      for (uint64_t k : keys) entries.push_back({Even(k), i, false});
    }
  }
  // Blocks over kMaxBlock pairs of work are refined in rounds: by birth year in overlapping
  // two-year buckets (every person is entered under {2k, 2k+1} and under {2k-1, 2k}, so a year
  // off by one still meets), then by governorate, then by subdistrict; a block still too big is
  // skipped (its people still meet under other keys). People without a birth year in a refined
  // block meet everyone of it in one more block where the others are *targets*: compared with
  // them, not with each other.
  constexpr int kRounds = 4;
  if (options.progress) options.progress("blocking", 0, kRounds);
  std::sort(entries.begin(), entries.end());
  std::vector<Entry> extra;
  for (int round = 0; round < kRounds; ++round) {
    bool refined = false;
    extra.clear();
    for (size_t i = 0; i < entries.size();) {
      size_t j = i;
      size_t targets = 0;
      while (j < entries.size() && entries[j].key == entries[i].key) targets += entries[j++].target;
      if (entries[i].key != 0 && BlockWork(j - i - targets, targets) > kMaxBlockWork) {
        // Round 0 only: the block where the undated meet everyone, if it has any undated.
        size_t undated = 0;
        uint64_t wildcard = 0;
        if (round == 0) {
          for (size_t k = i; k < j; ++k) undated += people[entries[k].record].date_precision == 0;
          wildcard = Even(RefineKey(entries[i].key ^ kUndated, 0));
        }
        for (size_t k = i; k < j; ++k) {
          Entry& e = entries[k];
          const PreparedPerson& p = people[e.record];
          switch (round) {
            case 0: {
              if (p.date_precision == 0) {
                e.key = wildcard;
                break;
              }
              if (undated > 0) extra.push_back({wildcard, e.record, true});
              const auto year = static_cast<uint64_t>(p.year);
              extra.push_back(
                  {Even(RefineKey(e.key ^ kOddBuckets, (year + 1) / 2)), e.record, false});
              e.key = Even(RefineKey(e.key, year / 2 + 1));
              break;
            }
            case 1:
              e.key = Even(RefineKey(e.key, GovernorateKey(pcodes.Get(p.pcode))));
              break;
            case 2:
              e.key = Even(RefineKey(e.key, p.pcode));
              break;
            default:
              e.key = 0;  // skipped
          }
        }
        refined = true;
      }
      i = j;
    }
    if (!refined) break;
    entries.insert(entries.end(), extra.begin(), extra.end());
    std::sort(entries.begin(), entries.end());
    if (options.progress) options.progress("blocking", round + 1, kRounds);
  }
  // Each record's final keys (sorted; the lowest bit set where it is a target), so that a pair
  // is scored only under the smallest key it shares as other than two targets.
  std::vector<uint32_t> key_offset(n + 1, 0);
  for (const Entry& e : entries) {
    if (e.key != 0) ++key_offset[e.record + 1];
  }
  for (uint32_t i = 0; i < n; ++i) key_offset[i + 1] += key_offset[i];
  std::vector<uint64_t> record_keys(key_offset[n]);
  {
    std::vector<uint32_t> fill(key_offset.begin(), key_offset.end() - 1);
    for (const Entry& e : entries) {
      if (e.key != 0) record_keys[fill[e.record]++] = e.key | (e.target ? 1U : 0U);
    }
    for (uint32_t i = 0; i < n; ++i) {
      std::sort(record_keys.begin() + key_offset[i], record_keys.begin() + key_offset[i + 1]);
    }
  }
  std::vector<std::pair<size_t, size_t>> blocks;
  for (size_t i = 0; i < entries.size();) {
    size_t j = i;
    size_t targets = 0;
    while (j < entries.size() && entries[j].key == entries[i].key) targets += entries[j++].target;
    if (entries[i].key != 0 && j - i >= 2 && targets < j - i) blocks.emplace_back(i, j);
    i = j;
  }

  // 3. Scoring on worker threads.
  std::unordered_set<uint64_t> different;
  for (auto [a, b] : decided_different) {
    if (a > b) std::swap(a, b);
    different.insert((static_cast<uint64_t>(a) << 32) | b);
  }
  const PairScorer scorer(&names, &pcodes, &frequencies);
  struct Found {
    uint32_t a;
    uint32_t b;
    double score;
  };
  std::vector<std::vector<Found>> found(threads);
  std::vector<uint64_t> comparisons(threads, 0);
  // Per block, members and their keys are gathered into thread-local buffers first: the pair
  // loop then reads contiguous memory instead of jumping around the whole registry.
  struct Scratch {
    std::vector<PreparedPerson> people;
    std::vector<uint32_t> ids;
    std::vector<uint32_t> key_begin;
    std::vector<uint64_t> keys;
  };
  std::vector<Scratch> scratch(threads);
  ParallelFor(blocks.size(), threads, "scoring", options, [&](int t, size_t bi) {
    const auto [begin, end] = blocks[bi];
    const uint64_t key = entries[begin].key;
    Scratch& sc = scratch[t];
    sc.people.clear();
    sc.ids.clear();
    sc.key_begin.clear();
    sc.keys.clear();
    // Probes (not targets) first: every pair has at least one probe.
    size_t probes = 0;
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t x = begin; x < end; ++x) {
        if (entries[x].target != (pass == 1)) continue;
        const uint32_t r = entries[x].record;
        sc.ids.push_back(r);
        sc.people.push_back(people[r]);
        sc.key_begin.push_back(static_cast<uint32_t>(sc.keys.size()));
        sc.keys.insert(sc.keys.end(), record_keys.begin() + key_offset[r],
                       record_keys.begin() + key_offset[r + 1]);
        probes += pass == 0 ? 1 : 0;
      }
    }
    sc.key_begin.push_back(static_cast<uint32_t>(sc.keys.size()));
    const size_t m = end - begin;
    for (size_t x = 0; x < probes; ++x) {
      for (size_t y = x + 1; y < m; ++y) {
        // Only under the smallest key the two share (as other than two targets), so each pair
        // is scored once.
        const uint64_t* pa = sc.keys.data() + sc.key_begin[x];
        const uint64_t* ea = sc.keys.data() + sc.key_begin[x + 1];
        const uint64_t* pb = sc.keys.data() + sc.key_begin[y];
        const uint64_t* eb = sc.keys.data() + sc.key_begin[y + 1];
        while (pa != ea && pb != eb) {
          const uint64_t ka = *pa & ~uint64_t{1};
          const uint64_t kb = *pb & ~uint64_t{1};
          if (ka == kb && ((*pa & *pb) & 1) == 0) break;
          if (ka <= kb) ++pa;
          if (kb <= ka) ++pb;
        }
        if (pa == ea || pb == eb || (*pa & ~uint64_t{1}) != key) continue;
        ++comparisons[t];
        const double s = scorer.Score(sc.people[x], sc.people[y]);
        if (s < options.threshold) continue;
        const uint32_t a = std::min(sc.ids[x], sc.ids[y]);
        const uint32_t b = std::max(sc.ids[x], sc.ids[y]);
        const uint64_t pk = (static_cast<uint64_t>(a) << 32) | b;
        if (!different.empty() && different.contains(pk)) continue;
        found[t].push_back({a, b, s});
      }
    }
  });
  std::vector<ScoredEdge> edges;
  for (int t = 0; t < threads; ++t) {
    result.comparisons += comparisons[t];
    for (const Found& f : found[t]) edges.push_back({f.a, f.b, f.score});
    std::vector<Found>().swap(found[t]);
  }
  std::sort(edges.begin(), edges.end(), [](const ScoredEdge& x, const ScoredEdge& y) {
    return x.a < y.a || (x.a == y.a && x.b < y.b);
  });

  // 4. Clustering.
  if (options.progress) options.progress("clustering", 0, 1);
  ClusterOptions cluster_options;
  cluster_options.threshold = options.threshold;
  cluster_options.score_missing = [&](uint32_t a, uint32_t b) {
    return scorer.Score(people[a], people[b]);
  };
  result.cluster_of = ClusterPairs(n, edges, decided_different, cluster_options);
  if (options.progress) options.progress("clustering", 1, 1);

  // 5. Reasons for the reported pairs.
  result.pairs.resize(edges.size());
  ParallelFor(edges.size(), threads, "reasons", options, [&](int /*t*/, size_t i) {
    const ScoredEdge& e = edges[i];
    ScoredPair& p = result.pairs[i];
    p.a = e.a;
    p.b = e.b;
    p.score = scorer.Score(people[e.a], people[e.b], &p.reasons, &records[e.a], &records[e.b]);
  });
  return result;
}

}  // namespace sanad::matching
