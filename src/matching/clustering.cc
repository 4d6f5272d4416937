#include "matching/clustering.h"

#include <algorithm>
#include <numeric>
#include <queue>
#include <unordered_map>
#include <unordered_set>

namespace sanad::matching {
namespace {

class UnionFind {
 public:
  explicit UnionFind(uint32_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0U); }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<uint32_t> parent_;
};

uint64_t PairKey(uint32_t a, uint32_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<uint64_t>(a) << 32) | b;
}

// Average-linkage agglomeration of one component's members (local indices 0..m-1).
// `links` holds known pair scores; unknown pairs count as 0. Returns a local group per member.
std::vector<uint32_t> AverageLinkage(uint32_t m, const std::unordered_map<uint64_t, double>& links,
                                     const std::unordered_set<uint64_t>& cannot, double threshold) {
  std::vector<std::unordered_map<uint32_t, double>> adj(m);
  for (const auto& [key, score] : links) {
    const auto a = static_cast<uint32_t>(key >> 32);
    const auto b = static_cast<uint32_t>(key & 0xffffffffU);
    adj[a][b] += score;
    adj[b][a] += score;
  }
  std::vector<uint32_t> size(m, 1);
  std::vector<uint32_t> version(m, 0);
  std::vector<std::vector<uint32_t>> members(m);
  for (uint32_t i = 0; i < m; ++i) members[i] = {i};
  std::vector<uint32_t> group(m);
  std::iota(group.begin(), group.end(), 0U);
  struct Candidate {
    double average;
    uint32_t x;
    uint32_t y;
    uint32_t vx;
    uint32_t vy;
    bool operator<(const Candidate& o) const { return average < o.average; }
  };
  std::priority_queue<Candidate> heap;
  auto push = [&](uint32_t x, uint32_t y, double sum) {
    const double avg = sum / (static_cast<double>(size[x]) * size[y]);
    if (avg >= threshold) heap.push({avg, x, y, version[x], version[y]});
  };
  for (uint32_t x = 0; x < m; ++x) {
    for (const auto& [y, sum] : adj[x]) {
      if (x < y) push(x, y, sum);
    }
  }
  auto forbidden = [&](uint32_t x, uint32_t y) {
    if (cannot.empty()) return false;
    for (uint32_t p : members[x]) {
      for (uint32_t q : members[y]) {
        if (cannot.contains(PairKey(p, q))) return true;
      }
    }
    return false;
  };
  while (!heap.empty()) {
    const Candidate c = heap.top();
    heap.pop();
    if (c.vx != version[c.x] || c.vy != version[c.y] || size[c.x] == 0 || size[c.y] == 0) continue;
    if (forbidden(c.x, c.y)) continue;
    // Merge the smaller group into the larger.
    uint32_t x = c.x;
    uint32_t y = c.y;
    if (size[x] < size[y]) std::swap(x, y);
    for (const auto& [z, sum] : adj[y]) {
      if (z == x) continue;
      adj[x][z] += sum;
      adj[z].erase(y);
      adj[z][x] = adj[x][z];
    }
    adj[x].erase(y);
    adj[y].clear();
    size[x] += size[y];
    size[y] = 0;
    members[x].insert(members[x].end(), members[y].begin(), members[y].end());
    members[y].clear();
    ++version[x];
    ++version[y];
    for (const auto& [z, sum] : adj[x]) push(x, z, sum);
  }
  for (uint32_t x = 0; x < m; ++x) {
    for (uint32_t p : members[x]) group[p] = x;
  }
  return group;
}

}  // namespace

std::vector<uint32_t> ClusterPairs(uint32_t n, const std::vector<ScoredEdge>& edges,
                                   const std::vector<std::pair<uint32_t, uint32_t>>& cannot_link,
                                   const ClusterOptions& options) {
  std::unordered_set<uint64_t> cannot;
  for (const auto& [a, b] : cannot_link) {
    if (a < n && b < n && a != b) cannot.insert(PairKey(a, b));
  }
  UnionFind uf(n);
  for (const ScoredEdge& e : edges) {
    if (e.score >= options.threshold && !cannot.contains(PairKey(e.a, e.b))) uf.Union(e.a, e.b);
  }
  std::vector<uint32_t> cluster(n);
  for (uint32_t i = 0; i < n; ++i) cluster[i] = uf.Find(i);
  // Components of three or more (or two with a cannot-link) are split by average linkage.
  std::vector<uint32_t> component_size(n, 0);
  for (uint32_t i = 0; i < n; ++i) ++component_size[cluster[i]];
  std::unordered_map<uint32_t, std::vector<uint32_t>> components;
  for (uint32_t i = 0; i < n; ++i) {
    if (component_size[cluster[i]] >= 3) components[cluster[i]].push_back(i);
  }
  std::unordered_map<uint32_t, std::vector<const ScoredEdge*>> component_edges;
  for (const ScoredEdge& e : edges) {
    if (cluster[e.a] == cluster[e.b] && component_size[cluster[e.a]] >= 3) {
      component_edges[cluster[e.a]].push_back(&e);
    }
  }
  for (auto& [root, members] : components) {
    const auto m = static_cast<uint32_t>(members.size());
    std::unordered_map<uint32_t, uint32_t> local;
    for (uint32_t i = 0; i < m; ++i) local[members[i]] = i;
    std::unordered_map<uint64_t, double> links;
    for (const ScoredEdge* e : component_edges[root]) {
      links[PairKey(local[e->a], local[e->b])] = e->score;
    }
    if (options.score_missing && m <= options.full_matrix_limit) {
      for (uint32_t i = 0; i < m; ++i) {
        for (uint32_t j = i + 1; j < m; ++j) {
          if (!links.contains(PairKey(i, j))) {
            links[PairKey(i, j)] = options.score_missing(members[i], members[j]);
          }
        }
      }
    }
    std::unordered_set<uint64_t> local_cannot;
    for (const uint64_t key : cannot) {
      const auto a = static_cast<uint32_t>(key >> 32);
      const auto b = static_cast<uint32_t>(key & 0xffffffffU);
      if (cluster[a] == root && cluster[b] == root)
        local_cannot.insert(PairKey(local[a], local[b]));
    }
    const std::vector<uint32_t> group = AverageLinkage(m, links, local_cannot, options.threshold);
    // Each group is named by its smallest member.
    std::unordered_map<uint32_t, uint32_t> smallest;
    for (uint32_t i = 0; i < m; ++i) {
      auto [it, inserted] = smallest.emplace(group[i], members[i]);
      if (!inserted) it->second = std::min(it->second, members[i]);
    }
    for (uint32_t i = 0; i < m; ++i) cluster[members[i]] = smallest[group[i]];
  }
  return cluster;
}

}  // namespace sanad::matching
