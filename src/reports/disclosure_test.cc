#include "reports/disclosure.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>

namespace sanad::reports {
namespace {

using ::testing::ElementsAre;
using ::testing::Optional;

constexpr std::nullopt_t kHidden = std::nullopt;

TEST(DisclosureTest, CountsAtOrAboveTheThresholdAndZerosAreShown) {
  const SuppressedList l = SuppressList(std::vector<int64_t>{5, 0, 12}, 17, 5);
  EXPECT_THAT(l.parts, ElementsAre(Optional(5), Optional(0), Optional(12)));
  EXPECT_THAT(l.total, Optional(17));
  EXPECT_EQ(SuppressCount(0, 5), Count(0));
  EXPECT_EQ(SuppressCount(4, 5), kHidden);
  EXPECT_EQ(SuppressCount(5, 5), Count(5));
  EXPECT_EQ(SuppressCount(1, 2), kHidden);
  EXPECT_EQ(SuppressCount(2, 2), Count(2));
}

TEST(DisclosureTest, ASmallCellHidesTheSmallestOtherPartNotTheTotal) {
  // 12 women and 3 men: hiding only the men would leave 15 - 12 = 3 for anyone to work out.
  const SuppressedList l = SuppressList(std::vector<int64_t>{12, 3}, 15, 5);
  EXPECT_THAT(l.parts, ElementsAre(kHidden, kHidden));
  EXPECT_THAT(l.total, Optional(15));
  // Two small parts already hide each other; the large one stays.
  const SuppressedList two = SuppressList(std::vector<int64_t>{2, 3, 10, 40}, 55, 5);
  EXPECT_THAT(two.parts, ElementsAre(kHidden, kHidden, Optional(10), Optional(40)));
  // Among several candidates the smallest goes.
  const SuppressedList three = SuppressList(std::vector<int64_t>{30, 4, 9, 12}, 55, 5);
  EXPECT_THAT(three.parts, ElementsAre(Optional(30), kHidden, kHidden, Optional(12)));
}

TEST(DisclosureTest, ASmallTotalIsHiddenWithAPart) {
  const SuppressedList l = SuppressList(std::vector<int64_t>{3, 0}, 3, 5);
  EXPECT_THAT(l.parts, ElementsAre(kHidden, Optional(0)));
  EXPECT_EQ(l.total, kHidden);
}

TEST(DisclosureTest, OnATieAPartGoesBeforeTheTotal) {
  // Unique counts: 6 people, all 6 in protection and 2 of them also in health.
  const SuppressedList l = SuppressList(std::vector<int64_t>{6, 2}, 6, 5);
  EXPECT_THAT(l.parts, ElementsAre(kHidden, kHidden));
  EXPECT_THAT(l.total, Optional(6));
  // Only the total is left non-zero: it goes.
  const SuppressedList only = SuppressList(std::vector<int64_t>{3, 0}, 7, 5);
  EXPECT_THAT(only.parts, ElementsAre(kHidden, Optional(0)));
  EXPECT_EQ(only.total, kHidden);
}

TEST(DisclosureTest, SecondarySuppressionFollowsColumnsAndRows) {
  // rows: 13 = 10 + 3, 20 = 12 + 8; totals 33 = 22 + 11. The 3 hides the 10 (its row), the 8
  // (its column), and the 8 the 12; then every equation has two hidden terms.
  const std::vector<BreakdownRow> rows = {{.total = 13, .groups = {{10, 3}}},
                                          {.total = 20, .groups = {{12, 8}}}};
  const SuppressedRows r = SuppressRows(rows, 5, {.totals_row = true});
  EXPECT_THAT(r.rows[0].total, Optional(13));
  EXPECT_THAT(r.rows[0].groups[0], ElementsAre(kHidden, kHidden));
  EXPECT_THAT(r.rows[1].total, Optional(20));
  EXPECT_THAT(r.rows[1].groups[0], ElementsAre(kHidden, kHidden));
  EXPECT_THAT(r.totals.total, Optional(33));
  EXPECT_THAT(r.totals.groups[0], ElementsAre(Optional(22), Optional(11)));
  // Without the totals row only the first row is touched.
  const SuppressedRows plain = SuppressRows(rows, 5);
  EXPECT_THAT(plain.rows[1].groups[0], ElementsAre(Optional(12), Optional(8)));
  EXPECT_FALSE(plain.totals.total.has_value());
}

TEST(DisclosureTest, EveryGroupOfARowIsAnEquation) {
  // 15 people: 12 women and 3 men; 9 adults and 6 children; all IDPs.
  const BreakdownRow row{.total = 15, .groups = {{12, 3}, {6, 9}, {15}}};
  const SuppressedRows r = SuppressRows({&row, 1}, 5);
  EXPECT_THAT(r.rows[0].total, Optional(15));
  EXPECT_THAT(r.rows[0].groups[0], ElementsAre(kHidden, kHidden));
  EXPECT_THAT(r.rows[0].groups[1], ElementsAre(Optional(6), Optional(9)));
  EXPECT_THAT(r.rows[0].groups[2], ElementsAre(Optional(15)));
}

TEST(DisclosureTest, AZeroIsHiddenOnlyWhenNothingElseCanBe) {
  // cells: 0 = 4 (unique counts gone wrong), 9 = c1 + 9.
  const DisclosureTable t{.cells = {4, 0, 9, 9},
                          .equations = {{.total = 0, .parts = {1}}, {.total = 2, .parts = {1, 3}}}};
  EXPECT_THAT(Suppress(t, 5), ElementsAre(true, true, false, true));
}

TEST(DisclosureTest, TheThresholdDecidesWhatIsSmall) {
  const std::vector<int64_t> parts = {7, 2, 30};
  EXPECT_THAT(SuppressList(parts, 39, 2).parts,
              ElementsAre(Optional(7), Optional(2), Optional(30)));
  EXPECT_THAT(SuppressList(parts, 39, 5).parts, ElementsAre(kHidden, kHidden, Optional(30)));
  EXPECT_THAT(SuppressList(parts, 39, 10).parts, ElementsAre(kHidden, kHidden, Optional(30)));
  EXPECT_THAT(SuppressList(parts, 39, 31).parts, ElementsAre(kHidden, kHidden, kHidden));
  EXPECT_EQ(SuppressList(parts, 39, 40).total, kHidden);
}

// ---- Properties over random tables ----

// Terms of an equation with their sign: total - sum(parts) = 0.
std::vector<std::pair<size_t, int>> SignedTerms(const Equation& eq) {
  std::vector<std::pair<size_t, int>> terms = {{eq.total, +1}};
  for (size_t p : eq.parts) terms.emplace_back(p, -1);
  return terms;
}

// Brute force over every value the hidden terms of one equation could take in [0, bound]
// (the last one solved from the others): the distinct values each hidden term takes among the
// solutions. Only for a few hidden terms.
std::vector<std::set<int64_t>> Solutions(const std::vector<std::pair<size_t, int>>& hidden,
                                         int64_t known, int64_t bound) {
  std::vector<std::set<int64_t>> seen(hidden.size());
  std::vector<int64_t> v(hidden.size(), 0);
  while (true) {
    // sum(sign * v) over hidden = -known; solve the last.
    int64_t rest = -known;
    for (size_t i = 0; i + 1 < hidden.size(); ++i) rest -= hidden[i].second * v[i];
    const int64_t last = rest * hidden.back().second;
    if (last >= 0 && last <= bound) {
      v.back() = last;
      for (size_t i = 0; i < hidden.size(); ++i) seen[i].insert(v[i]);
    }
    size_t i = 0;
    while (i + 1 < hidden.size() && ++v[i] > bound) v[i++] = 0;
    if (i + 1 >= hidden.size()) break;
  }
  return seen;
}

// Checks what a reader can never do with the published table: see a count 0 < n < threshold,
// or solve one equation for a hidden cell. For additive tables also checks that each hidden
// term of each equation can take at least two values in [0, bound] that the equation and its
// published terms allow (bound: the equation's largest term), by interval arithmetic for every
// equation and by brute force where it has few hidden terms.
void CheckProtected(const DisclosureTable& t, const std::vector<bool>& suppressed,
                    int64_t threshold, bool additive, const std::string& what) {
  ASSERT_EQ(suppressed.size(), t.cells.size()) << what;
  for (size_t i = 0; i < t.cells.size(); ++i) {
    const int64_t n = t.cells[i];
    if (n > 0 && n < threshold) {
      ASSERT_TRUE(suppressed[i]) << what << " cell " << i << " = " << n;
    }
  }
  constexpr size_t kBruteTerms = 3;
  constexpr int64_t kBruteBound = 80;
  for (size_t e = 0; e < t.equations.size(); ++e) {
    const auto terms = SignedTerms(t.equations[e]);
    std::vector<std::pair<size_t, int>> hidden;
    int64_t known = 0;
    int64_t hidden_sum = 0;
    int64_t bound = 1;
    for (const auto& [c, sign] : terms) {
      bound = std::max(bound, t.cells[c]);
      if (suppressed[c]) {
        hidden.emplace_back(c, sign);
        hidden_sum += sign * t.cells[c];
      } else {
        known += sign * t.cells[c];
      }
    }
    ASSERT_NE(hidden.size(), 1U) << what << " equation " << e << " has exactly one hidden term";
    if (!additive || hidden.empty()) continue;
    ASSERT_EQ(known + hidden_sum, 0) << what << " equation " << e << " is not additive";
    // The hidden terms together make any sum in [lo, hi].
    int64_t lo = 0;
    int64_t hi = 0;
    for (const auto& [c, sign] : hidden) (sign > 0 ? hi : lo) += sign * bound;
    for (const auto& [j, sign_j] : hidden) {
      // Without j the others make [lo_j, hi_j]; j = v needs -known - sign_j * v in it.
      const int64_t lo_j = lo - (sign_j < 0 ? -bound : 0);
      const int64_t hi_j = hi - (sign_j > 0 ? bound : 0);
      // v ranges over an interval: sign_j * v in [-known - hi_j, -known - lo_j].
      int64_t v_lo = sign_j > 0 ? -known - hi_j : known + lo_j;
      int64_t v_hi = sign_j > 0 ? -known - lo_j : known + hi_j;
      v_lo = std::max<int64_t>(v_lo, 0);
      v_hi = std::min(v_hi, bound);
      ASSERT_GE(v_hi - v_lo + 1, 2) << what << " equation " << e << " determines cell " << j;
    }
    if (hidden.size() > kBruteTerms || bound > kBruteBound) continue;
    const auto seen = Solutions(hidden, known, bound);
    for (size_t i = 0; i < hidden.size(); ++i) {
      ASSERT_TRUE(seen[i].contains(t.cells[hidden[i].first])) << what << " equation " << e;
      ASSERT_GE(seen[i].size(), 2U)
          << what << " equation " << e << " determines cell " << hidden[i].first;
    }
  }
}

// A count as seen in field data: mostly nothing, often a handful, sometimes many.
int64_t RandomCount(std::mt19937& rng) {
  const int kind = std::uniform_int_distribution<int>(0, 9)(rng);
  if (kind < 5) return 0;
  if (kind < 8) return std::uniform_int_distribution<int64_t>(1, 4)(rng);
  return std::uniform_int_distribution<int64_t>(5, 40)(rng);
}

// Rows of people by sex (3) × age group (5) × population group (6), reduced to the three
// groups a report shows: additive by construction.
std::vector<BreakdownRow> RandomRows(std::mt19937& rng) {
  const int n = std::uniform_int_distribution<int>(1, 8)(rng);
  std::vector<BreakdownRow> rows;
  for (int r = 0; r < n; ++r) {
    BreakdownRow row{
        .total = 0,
        .groups = {std::vector<int64_t>(3), std::vector<int64_t>(5), std::vector<int64_t>(6)}};
    const int people_cells = std::uniform_int_distribution<int>(0, 6)(rng);
    for (int k = 0; k < people_cells; ++k) {
      const int64_t n_people = RandomCount(rng);
      row.total += n_people;
      row.groups[0][std::uniform_int_distribution<size_t>(0, 2)(rng)] += n_people;
      row.groups[1][std::uniform_int_distribution<size_t>(0, 4)(rng)] += n_people;
      row.groups[2][std::uniform_int_distribution<size_t>(0, 5)(rng)] += n_people;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

TEST(DisclosurePropertyTest, RandomBreakdownsCannotBeSolvedFromOneEquation) {
  std::mt19937 rng(20260306);
  constexpr int kTables = 2000;
  constexpr int64_t kThresholds[] = {2, 3, 5, 10};
  int suppressed_somewhere = 0;
  for (int i = 0; i < kTables; ++i) {
    const std::vector<BreakdownRow> rows = RandomRows(rng);
    const BreakdownOptions options{.totals_row = std::bernoulli_distribution(0.5)(rng)};
    const int64_t threshold = kThresholds[std::uniform_int_distribution<int>(0, 3)(rng)];
    const DisclosureTable t = BreakdownTable(rows, options);
    const std::vector<bool> suppressed = Suppress(t, threshold);
    const std::string what = "table " + std::to_string(i);
    CheckProtected(t, suppressed, threshold, /*additive=*/true, what);
    if (HasFatalFailure()) return;
    suppressed_somewhere += std::count(suppressed.begin(), suppressed.end(), true) > 0 ? 1 : 0;

    // SuppressRows shows the same decision, cell by cell in BreakdownTable's order.
    const SuppressedRows out = SuppressRows(rows, threshold, options);
    std::vector<Count> flat;
    for (const SuppressedRow& r : out.rows) {
      flat.push_back(r.total);
      for (const auto& g : r.groups) flat.insert(flat.end(), g.begin(), g.end());
    }
    if (options.totals_row) {
      flat.push_back(out.totals.total);
      for (const auto& g : out.totals.groups) flat.insert(flat.end(), g.begin(), g.end());
    }
    ASSERT_EQ(flat, Published(t, suppressed)) << what;
  }
  // The generator does produce small counts: the property was exercised.
  EXPECT_GT(suppressed_somewhere, kTables / 2);
}

TEST(DisclosurePropertyTest, RandomEquationsNeverKeepOneHiddenTerm) {
  // Any cells, any equations (not additive: unique counts, hand-built tables).
  std::mt19937 rng(7);
  for (int i = 0; i < 2000; ++i) {
    DisclosureTable t;
    const size_t cells = std::uniform_int_distribution<size_t>(2, 30)(rng);
    for (size_t c = 0; c < cells; ++c) t.cells.push_back(RandomCount(rng));
    const int equations = std::uniform_int_distribution<int>(1, 12)(rng);
    std::uniform_int_distribution<size_t> any(0, cells - 1);
    for (int e = 0; e < equations; ++e) {
      Equation eq{.total = any(rng), .parts = {}};
      const int parts = std::uniform_int_distribution<int>(1, 5)(rng);
      for (int p = 0; p < parts; ++p) {
        const size_t c = any(rng);
        if (c != eq.total && std::find(eq.parts.begin(), eq.parts.end(), c) == eq.parts.end()) {
          eq.parts.push_back(c);
        }
      }
      if (!eq.parts.empty()) t.equations.push_back(std::move(eq));
    }
    const int64_t threshold = std::uniform_int_distribution<int64_t>(2, 10)(rng);
    CheckProtected(t, Suppress(t, threshold), threshold, /*additive=*/false,
                   "table " + std::to_string(i));
    if (HasFatalFailure()) return;
  }
}

TEST(DisclosurePropertyTest, AFullYearOf4WRowsIsQuick) {
  // 20 000 rows with totals: the worklist touches each equation a bounded number of times.
  std::mt19937 rng(1);
  std::vector<BreakdownRow> rows;
  for (int i = 0; i < 2500; ++i) {
    auto part = RandomRows(rng);
    rows.insert(rows.end(), part.begin(), part.end());
  }
  const DisclosureTable t = BreakdownTable(rows, {.totals_row = true});
  CheckProtected(t, Suppress(t, 5), 5, /*additive=*/true, "4W");
}

}  // namespace
}  // namespace sanad::reports
