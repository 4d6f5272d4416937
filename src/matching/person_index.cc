// PersonIndex: prepared people in a slot array, with inverted indexes from name skeletons,
// phones, documents and blocking keys to slots. Design in README.md.
#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

#include "matching/blocking.h"
#include "matching/name_keys.h"
#include "matching/normalise.h"
#include "matching/pair_scorer.h"
#include "matching/person_matcher.h"
#include "matching/prepared_person.h"
#include "matching/similarity.h"

namespace sanad::matching {
namespace {

constexpr double kPhoneHit = 5.0;
constexpr double kDocumentHit = 10.0;
constexpr double kMissingWordPenalty = -3.0;
constexpr double kSlotOrderBonus = 0.5;
constexpr double kSkeletonOnly = 0.5;  // a word agreeing by skeleton, not spelling
constexpr size_t kMaxPrefixSkeletons = 32;
constexpr size_t kMaxCandidates = 20000;
constexpr size_t kMaxSingleWordCandidates = 2000;
// A word with more postings than this is looked up together with another word.
constexpr size_t kCommonWord = 3000;
constexpr size_t kMaxBlockCandidates = 500;
constexpr size_t kMinDigitsForNumber = 5;
constexpr size_t kMaxLettersInNumber = 3;

template <typename Map, typename K>
void RemoveFrom(Map& map, const K& key, uint32_t slot) {
  auto it = map.find(key);
  if (it == map.end()) return;
  auto& v = it->second;
  auto pos = std::find(v.begin(), v.end(), slot);
  if (pos != v.end()) v.erase(pos);
  if (v.empty()) map.erase(it);
}

}  // namespace

struct PersonIndex::Impl {
  struct Person {
    uint64_t key = 0;
    uint64_t group = 0;
    bool alive = false;
    PreparedPerson p;
  };

  mutable std::shared_mutex mu;
  NameTable names;
  Interner pcodes;
  NameFrequencies frequencies;
  Preparer preparer{&names, &pcodes};
  std::vector<Person> people;
  std::vector<uint32_t> free_slots;
  std::unordered_map<uint64_t, uint32_t> slot_of;
  std::unordered_map<uint32_t, std::vector<uint32_t>> by_skeleton;
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_phone;
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_document;
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_block;
  // Skeletons in order (prefix search as the user types) and by one deleted letter (typos).
  std::map<std::string, uint32_t, std::less<>> skeleton_order;
  std::unordered_map<std::string, std::vector<uint32_t>> skeleton_deletes;

  void IndexSkeleton(uint32_t sk) {
    const std::string s(names.Skeleton(sk));
    if (!skeleton_order.emplace(s, sk).second) return;
    for (size_t i = 0; i < s.size(); ++i) {
      skeleton_deletes[s.substr(0, i) + s.substr(i + 1)].push_back(sk);
    }
  }

  std::vector<uint32_t> Skeletons(const PreparedPerson& p) const {
    std::vector<uint32_t> out;
    for (const auto& slot : p.name) {
      for (uint32_t c : slot) {
        if (c != 0) out.push_back(names.SkeletonId(c));
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  void Add(uint32_t slot) {
    const PreparedPerson& p = people[slot].p;
    frequencies.Add(p, names, +1);
    for (uint32_t sk : Skeletons(p)) {
      IndexSkeleton(sk);
      by_skeleton[sk].push_back(slot);
    }
    if (p.phone != 0) by_phone[p.phone].push_back(slot);
    if (p.document != 0) by_document[p.document].push_back(slot);
    std::vector<uint64_t> keys;
    BlockingKeys(p, names, &keys);
    for (uint64_t k : keys) by_block[k].push_back(slot);
  }

  void Drop(uint32_t slot) {
    const PreparedPerson& p = people[slot].p;
    frequencies.Add(p, names, -1);
    for (uint32_t sk : Skeletons(p)) RemoveFrom(by_skeleton, sk, slot);
    if (p.phone != 0) RemoveFrom(by_phone, p.phone, slot);
    if (p.document != 0) RemoveFrom(by_document, p.document, slot);
    std::vector<uint64_t> keys;
    BlockingKeys(p, names, &keys);
    for (uint64_t k : keys) RemoveFrom(by_block, k, slot);
    people[slot].alive = false;
    free_slots.push_back(slot);
  }

  // A query word's candidate skeletons with how well each matches (1 exact skeleton, lower for
  // typos and prefixes).
  std::vector<std::pair<uint32_t, double>> WordSkeletons(const std::string& skeleton,
                                                         bool prefix) const {
    std::vector<std::pair<uint32_t, double>> out;
    if (const uint32_t id = names.FindSkeleton(skeleton); id != 0) out.emplace_back(id, 1.0);
    if (skeleton.size() >= 3) {
      auto add_all = [&](const std::string& k) {
        auto it = skeleton_deletes.find(k);
        if (it == skeleton_deletes.end()) return;
        for (uint32_t sk : it->second) out.emplace_back(sk, 0.6);
      };
      add_all(skeleton);
      for (size_t i = 0; i < skeleton.size(); ++i) {
        const std::string d = skeleton.substr(0, i) + skeleton.substr(i + 1);
        if (const uint32_t id = names.FindSkeleton(d); id != 0) out.emplace_back(id, 0.6);
        add_all(d);
      }
    }
    if (prefix && !skeleton.empty()) {
      size_t taken = 0;
      for (auto it = skeleton_order.lower_bound(skeleton);
           it != skeleton_order.end() && it->first.starts_with(skeleton) &&
           taken < kMaxPrefixSkeletons;
           ++it, ++taken) {
        out.emplace_back(it->second, 0.7);
      }
    }
    std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
      return x.first < y.first || (x.first == y.first && x.second > y.second);
    });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const auto& x, const auto& y) { return x.first == y.first; }),
              out.end());
    return out;
  }
};

PersonIndex::PersonIndex() : impl_(std::make_unique<Impl>()) {}
PersonIndex::~PersonIndex() = default;

void PersonIndex::Upsert(uint64_t key, uint64_t group, const PersonRecord& record) {
  std::unique_lock lock(impl_->mu);
  Impl& m = *impl_;
  if (auto it = m.slot_of.find(key); it != m.slot_of.end()) {
    m.Drop(it->second);
    m.slot_of.erase(it);
  }
  uint32_t slot = 0;
  if (!m.free_slots.empty()) {
    slot = m.free_slots.back();
    m.free_slots.pop_back();
  } else {
    slot = static_cast<uint32_t>(m.people.size());
    m.people.emplace_back();
  }
  m.people[slot] = {key, group, true, m.preparer.Prepare(record)};
  m.slot_of[key] = slot;
  m.Add(slot);
}

void PersonIndex::Remove(uint64_t key) {
  std::unique_lock lock(impl_->mu);
  auto it = impl_->slot_of.find(key);
  if (it == impl_->slot_of.end()) return;
  impl_->Drop(it->second);
  impl_->slot_of.erase(it);
}

size_t PersonIndex::size() const {
  std::shared_lock lock(impl_->mu);
  return impl_->slot_of.size();
}

std::vector<SearchHit> PersonIndex::Search(std::string_view text, size_t limit,
                                           const std::function<bool(uint64_t)>& visible) const {
  std::shared_lock lock(impl_->mu);
  const Impl& m = *impl_;
  std::vector<SearchHit> hits;
  if (limit == 0) return hits;
  std::unordered_map<uint64_t, bool> visible_cache;
  auto is_visible = [&](uint32_t slot) {
    if (!visible) return true;
    const uint64_t g = m.people[slot].group;
    auto it = visible_cache.find(g);
    if (it == visible_cache.end()) it = visible_cache.emplace(g, visible(g)).first;
    return it->second;
  };
  const std::string norm = NormaliseText(text);
  // A phone or document number: digits, perhaps with a few letters ("IQ-99887766").
  size_t letters = 0;
  for (char c : norm) letters += c == ' ' || (c >= '0' && c <= '9') ? 0 : 1;
  const std::string digits = DigitsOnly(text);
  if (digits.size() >= kMinDigitsForNumber && letters <= kMaxLettersInNumber) {
    auto collect = [&](const auto& map, uint64_t k, const char* field, double w) {
      auto it = map.find(k);
      if (k == 0 || it == map.end()) return;
      for (uint32_t slot : it->second) {
        if (!is_visible(slot)) continue;
        hits.push_back({m.people[slot].key, w, {{field, w, "same number"}}});
      }
    };
    collect(m.by_document, DocumentKey(text), "document_number", kDocumentHit);
    collect(m.by_phone, PhoneKey(text), "phone", kPhoneHit);
    std::stable_sort(hits.begin(), hits.end(),
                     [](const SearchHit& a, const SearchHit& b) { return a.score > b.score; });
    if (hits.size() > limit) hits.resize(limit);
    return hits;
  }
  const std::vector<std::string> words = CanonicalTokens(text, NamePart::kAny);
  if (words.empty()) return hits;
  const bool typing = !text.empty() && text.back() != ' ';
  const PairScorer scorer(&m.names, &m.pcodes, &m.frequencies);
  struct Word {
    std::string canonical;
    uint32_t id;
    std::vector<std::pair<uint32_t, double>> skeletons;
    size_t postings = 0;
    uint32_t exact_skeleton = 0;
    // How well each skeleton id matches this word (0: not at all): a dense table, because every
    // name of every candidate is looked up.
    std::vector<float> quality;
    double Quality(uint32_t skeleton) const {
      return skeleton < quality.size() ? quality[skeleton] : 0.0;
    }
  };
  std::vector<Word> query;
  for (size_t i = 0; i < words.size(); ++i) {
    Word w{words[i],
           m.names.FindCanonical(words[i]),
           {},
           0,
           m.names.FindSkeleton(SkeletonOfCanonical(words[i]))};
    w.skeletons = m.WordSkeletons(SkeletonOfCanonical(words[i]), typing && i + 1 == words.size());
    uint32_t max_skeleton = 0;
    for (const auto& [sk, q] : w.skeletons) {
      max_skeleton = std::max(max_skeleton, sk);
      auto it = m.by_skeleton.find(sk);
      if (it != m.by_skeleton.end()) w.postings += it->second.size();
    }
    if (!w.skeletons.empty()) {
      w.quality.assign(max_skeleton + 1, 0.0F);
      for (const auto& [sk, q] : w.skeletons) w.quality[sk] = static_cast<float>(q);
    }
    query.push_back(std::move(w));
  }
  // Candidates come from the rarest word that has any (a second seed measured 5x slower for
  // little more recall).
  const Word* seed = nullptr;
  for (const Word& w : query) {
    if (w.postings > 0 && (seed == nullptr || w.postings < seed->postings)) seed = &w;
  }
  if (seed == nullptr) return hits;
  std::vector<uint32_t> candidates;
  // When even the rarest word is common, people are looked up by pairs of the words instead
  // (the blocking index holds {given, father}, {given, family}, {father, grandfather}).
  if (seed->postings > kCommonWord && query.size() >= 2) {
    for (size_t i = 0; i < query.size(); ++i) {
      for (size_t j = i + 1; j < query.size(); ++j) {
        if (query[i].exact_skeleton == 0 || query[j].exact_skeleton == 0) continue;
        auto it = m.by_block.find(NamePairKey(query[i].exact_skeleton, query[j].exact_skeleton));
        if (it != m.by_block.end()) {
          candidates.insert(candidates.end(), it->second.begin(), it->second.end());
        }
      }
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  }
  if (candidates.empty()) {
    // A lone common name ("Ahmed") fits tens of thousands equally well: some of them are
    // listed, and the user types more to narrow.
    // The cap counts only people the caller may see (another organisation's Ahmeds must not
    // crowd out one's own), and the word's own skeleton goes first, its typo and prefix
    // neighbours after (Hamid before Ahmed would fill the list with Hamids).
    const size_t max_candidates = query.size() == 1 ? kMaxSingleWordCandidates : kMaxCandidates;
    std::vector<std::pair<uint32_t, double>> best_first = seed->skeletons;
    std::stable_sort(best_first.begin(), best_first.end(),
                     [](const auto& x, const auto& y) { return x.second > y.second; });
    for (const auto& [sk, q] : best_first) {
      auto it = m.by_skeleton.find(sk);
      if (it == m.by_skeleton.end()) continue;
      for (uint32_t slot : it->second) {
        if (candidates.size() >= max_candidates) break;
        if (is_visible(slot)) candidates.push_back(slot);
      }
      if (candidates.size() >= max_candidates) break;
    }
    if (seed->skeletons.size() > 1) {
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    }
  }
  // How well word `w` matches person `p`: the best of its name parts, or a penalty.
  static constexpr std::array<const char*, kSlots> kField = {"given_name", "father_name",
                                                             "grandfather_name", "family_name"};
  auto word_score = [&](const PreparedPerson& p, const Word& w, size_t position,
                        std::vector<MatchReason>* reasons) {
    double best = kMissingWordPenalty;
    int best_slot = -1;
    uint32_t best_c = 0;
    for (int s = 0; s < kSlots; ++s) {
      for (int alt = 0; alt < kAlternatives; ++alt) {
        const uint32_t c = p.name[s][alt];
        if (c == 0) continue;
        double v = kMissingWordPenalty;
        if (w.id != 0 && m.names.CanonicalId(c) == w.id) {
          v = scorer.NameWeight(s, c);
        } else {
          const double quality = w.Quality(m.names.SkeletonId(c));
          if (quality > 0) {
            v = std::max(v, scorer.NameWeight(s, c) * quality - (quality < 1 ? 0 : kSkeletonOnly));
          }
        }
        if (v > 0 && static_cast<size_t>(s) == position) v += kSlotOrderBonus;
        if (v > best) {
          best = v;
          best_slot = s;
          best_c = c;
        }
      }
    }
    if (reasons != nullptr) {
      reasons->push_back(
          best_slot < 0 ? MatchReason{"name", best, w.canonical + " not found"}
                        : MatchReason{kField[best_slot], best,
                                      w.canonical + " ≈ " + std::string(m.names.Spelling(best_c))});
    }
    return best;
  };
  // Cheap test first: a candidate must have (a spelling of) every word but at most one.
  auto has_word = [&](const PreparedPerson& p, const Word& w) {
    for (const auto& slot : p.name) {
      for (uint32_t c : slot) {
        if (c == 0) continue;
        if (w.id != 0 && m.names.CanonicalId(c) == w.id) return true;
        if (w.Quality(m.names.SkeletonId(c)) > 0) return true;
      }
    }
    return false;
  };
  const size_t allowed_missing = query.size() > 1 ? 1 : 0;
  struct Scored {
    double score;
    uint32_t slot;
  };
  std::vector<Scored> scored;
  for (uint32_t slot : candidates) {
    const PreparedPerson& p = m.people[slot].p;
    size_t missing = 0;
    for (const Word& w : query) {
      if (&w != seed && !has_word(p, w) && ++missing > allowed_missing) break;
    }
    if (missing > allowed_missing || !is_visible(slot)) continue;
    double score = 0;
    for (size_t qi = 0; qi < query.size(); ++qi) score += word_score(p, query[qi], qi, nullptr);
    scored.push_back({score, slot});
  }
  const size_t keep = std::min(limit, scored.size());
  auto better = [&](const Scored& a, const Scored& b) {
    return a.score > b.score || (a.score == b.score && m.people[a.slot].key < m.people[b.slot].key);
  };
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep),
                    scored.end(), better);
  for (size_t i = 0; i < keep; ++i) {
    SearchHit h{m.people[scored[i].slot].key, scored[i].score, {}};
    for (size_t qi = 0; qi < query.size(); ++qi) {
      word_score(m.people[scored[i].slot].p, query[qi], qi, &h.reasons);
    }
    hits.push_back(std::move(h));
  }
  return hits;
}

std::vector<SearchHit> PersonIndex::FindMatches(
    const PersonRecord& record, double threshold, size_t limit,
    const std::function<bool(uint64_t)>& visible) const {
  PreparedPerson q;
  {
    // Preparing interns the record's names into the shared tables.
    std::unique_lock lock(impl_->mu);
    q = impl_->preparer.Prepare(record);
  }
  std::shared_lock lock(impl_->mu);
  const Impl& m = *impl_;
  std::vector<uint64_t> keys;
  BlockingKeys(q, m.names, &keys);
  std::vector<uint32_t> candidates;
  for (uint64_t k : keys) {
    auto it = m.by_block.find(k);
    if (it == m.by_block.end()) continue;
    const auto& v = it->second;
    const size_t take = std::min(v.size(), kMaxBlockCandidates);
    candidates.insert(candidates.end(), v.end() - static_cast<std::ptrdiff_t>(take), v.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  const PairScorer scorer(&m.names, &m.pcodes, &m.frequencies);
  std::vector<SearchHit> hits;
  std::unordered_map<uint64_t, bool> visible_cache;
  for (uint32_t slot : candidates) {
    const auto& person = m.people[slot];
    if (visible) {
      auto it = visible_cache.find(person.group);
      if (it == visible_cache.end())
        it = visible_cache.emplace(person.group, visible(person.group)).first;
      if (!it->second) continue;
    }
    const double s = scorer.Score(q, person.p);
    if (s >= threshold) hits.push_back({person.key, s, {}});
  }
  std::sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
    return a.score > b.score || (a.score == b.score && a.key < b.key);
  });
  if (hits.size() > limit) hits.resize(limit);
  for (SearchHit& h : hits) {
    scorer.Score(q, m.people[m.slot_of.at(h.key)].p, &h.reasons, &record, nullptr);
  }
  return hits;
}

}  // namespace sanad::matching
