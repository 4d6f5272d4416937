#include "reports/disclosure.h"

#include <algorithm>
#include <deque>
#include <tuple>

namespace sanad::reports {
namespace {

// The equations each cell is a term of, as one flat array (offsets per cell), so a table of
// many thousand 4W rows costs two allocations rather than one per cell.
struct TermIndex {
  std::vector<size_t> offsets;    // cells + 1
  std::vector<size_t> equations;  // equations of cell i: [offsets[i], offsets[i + 1])
};

template <typename F>
void ForEachTerm(const Equation& e, F f) {
  f(e.total);
  for (size_t p : e.parts) f(p);
}

TermIndex IndexTerms(const DisclosureTable& t) {
  TermIndex ix;
  ix.offsets.assign(t.cells.size() + 1, 0);
  for (const Equation& e : t.equations) {
    ForEachTerm(e, [&](size_t c) { ++ix.offsets[c + 1]; });
  }
  for (size_t i = 1; i < ix.offsets.size(); ++i) ix.offsets[i] += ix.offsets[i - 1];
  ix.equations.resize(ix.offsets.back());
  std::vector<size_t> fill(ix.offsets.begin(), ix.offsets.end() - 1);
  for (size_t e = 0; e < t.equations.size(); ++e) {
    ForEachTerm(t.equations[e], [&](size_t c) { ix.equations[fill[c]++] = e; });
  }
  return ix;
}

// The term of `e` to suppress next: the smallest non-zero unsuppressed one, else the smallest
// unsuppressed; a part before the total on a tie, then the first. cells.size() when none.
size_t SecondaryCandidate(const DisclosureTable& t, const Equation& e,
                          const std::vector<bool>& suppressed) {
  size_t best = t.cells.size();
  std::tuple<bool, int64_t, bool> best_key;
  auto consider = [&](size_t c, bool is_total) {
    if (suppressed[c]) return;
    const std::tuple<bool, int64_t, bool> key{t.cells[c] == 0, t.cells[c], is_total};
    if (best == t.cells.size() || key < best_key) {
      best = c;
      best_key = key;
    }
  };
  for (size_t p : e.parts) consider(p, false);
  consider(e.total, true);
  return best;
}

}  // namespace

std::vector<bool> Suppress(const DisclosureTable& t, int64_t threshold) {
  std::vector<bool> suppressed(t.cells.size());
  for (size_t i = 0; i < t.cells.size(); ++i) {
    suppressed[i] = t.cells[i] > 0 && t.cells[i] < threshold;
  }
  const TermIndex ix = IndexTerms(t);
  std::vector<size_t> hidden(t.equations.size(), 0);  // suppressed terms per equation
  std::deque<size_t> single;  // equations that had exactly one suppressed term when queued
  for (size_t e = 0; e < t.equations.size(); ++e) {
    ForEachTerm(t.equations[e], [&](size_t c) { hidden[e] += suppressed[c] ? 1 : 0; });
    if (hidden[e] == 1) single.push_back(e);
  }
  // Counts only grow, so an equation passes through "exactly one" at most once: each is
  // queued when it gets there and skipped if it has moved on by the time it is looked at.
  while (!single.empty()) {
    const size_t e = single.front();
    single.pop_front();
    if (hidden[e] != 1) continue;
    const size_t c = SecondaryCandidate(t, t.equations[e], suppressed);
    if (c == t.cells.size()) continue;  // an equation of one term: nothing to hide it with
    suppressed[c] = true;
    for (size_t k = ix.offsets[c]; k < ix.offsets[c + 1]; ++k) {
      const size_t e2 = ix.equations[k];
      if (++hidden[e2] == 1) single.push_back(e2);
    }
  }
  return suppressed;
}

std::vector<Count> Published(const DisclosureTable& t, const std::vector<bool>& suppressed) {
  std::vector<Count> out(t.cells.size());
  for (size_t i = 0; i < t.cells.size(); ++i) {
    if (!suppressed[i]) out[i] = t.cells[i];
  }
  return out;
}

Count SuppressCount(int64_t n, int64_t threshold) {
  if (n > 0 && n < threshold) return std::nullopt;
  return n;
}

SuppressedList SuppressList(std::span<const int64_t> parts, int64_t total, int64_t threshold) {
  const BreakdownRow row{.total = total, .groups = {{parts.begin(), parts.end()}}};
  SuppressedRows r = SuppressRows({&row, 1}, threshold);
  return {.parts = std::move(r.rows[0].groups[0]), .total = r.rows[0].total};
}

DisclosureTable BreakdownTable(std::span<const BreakdownRow> rows, BreakdownOptions options) {
  DisclosureTable t;
  std::vector<size_t> widths;  // of each group, the widest row's
  std::vector<size_t> row_totals;
  row_totals.reserve(rows.size());
  // cells_at[g][k]: the cell of group g, position k of every row that has it.
  std::vector<std::vector<std::vector<size_t>>> cells_at;
  for (const BreakdownRow& row : rows) {
    const size_t total = t.cells.size();
    row_totals.push_back(total);
    t.cells.push_back(row.total);
    if (row.groups.size() > widths.size()) {
      widths.resize(row.groups.size(), 0);
      cells_at.resize(row.groups.size());
    }
    for (size_t g = 0; g < row.groups.size(); ++g) {
      const auto& group = row.groups[g];
      if (group.size() > widths[g]) {
        widths[g] = group.size();
        cells_at[g].resize(group.size());
      }
      Equation e{.total = total, .parts = {}};
      e.parts.reserve(group.size());
      for (size_t k = 0; k < group.size(); ++k) {
        cells_at[g][k].push_back(t.cells.size());
        e.parts.push_back(t.cells.size());
        t.cells.push_back(group[k]);
      }
      if (!e.parts.empty()) t.equations.push_back(std::move(e));
    }
  }
  if (!options.totals_row) return t;

  const size_t grand = t.cells.size();
  int64_t grand_value = 0;
  for (const BreakdownRow& row : rows) grand_value += row.total;
  t.cells.push_back(grand_value);
  t.equations.push_back({.total = grand, .parts = row_totals});
  for (size_t g = 0; g < widths.size(); ++g) {
    Equation across{.total = grand, .parts = {}};
    for (size_t k = 0; k < widths[g]; ++k) {
      const size_t column = t.cells.size();
      int64_t sum = 0;
      for (size_t c : cells_at[g][k]) sum += t.cells[c];
      t.cells.push_back(sum);
      across.parts.push_back(column);
      t.equations.push_back({.total = column, .parts = cells_at[g][k]});
    }
    if (!across.parts.empty()) t.equations.push_back(std::move(across));
  }
  return t;
}

SuppressedRows SuppressRows(std::span<const BreakdownRow> rows, int64_t threshold,
                            BreakdownOptions options) {
  const DisclosureTable t = BreakdownTable(rows, options);
  const std::vector<Count> published = Published(t, Suppress(t, threshold));
  // Walks the cells in BreakdownTable's order.
  size_t next = 0;
  SuppressedRows out;
  out.rows.reserve(rows.size());
  std::vector<size_t> widths;
  for (const BreakdownRow& row : rows) {
    SuppressedRow& r = out.rows.emplace_back();
    r.total = published[next++];
    r.groups.reserve(row.groups.size());
    widths.resize(std::max(widths.size(), row.groups.size()), 0);
    for (size_t g = 0; g < row.groups.size(); ++g) {
      widths[g] = std::max(widths[g], row.groups[g].size());
      auto& group = r.groups.emplace_back();
      group.reserve(row.groups[g].size());
      for (size_t k = 0; k < row.groups[g].size(); ++k) group.push_back(published[next++]);
    }
  }
  if (!options.totals_row) return out;
  out.totals.total = published[next++];
  for (size_t width : widths) {
    auto& group = out.totals.groups.emplace_back();
    for (size_t k = 0; k < width; ++k) group.push_back(published[next++]);
  }
  return out;
}

}  // namespace sanad::reports
