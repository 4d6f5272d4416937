// Disclosure control of published counts of people (docs/programmes.md, "Disclosure control"):
// every count that leaves sanad for an outside reader (4W and donor exports with
// audience=public, /api/v1/public/...) passes through here. Pure functions: thread-safe.
//
// Which function to use:
//   SuppressCount(n, t)          one count no published total contains (staff, volunteers)
//   SuppressList(parts, total, t) parts and the total they add up to (people by sector)
//   SuppressRows(rows, t, {...}) rows, each a total and groups of parts adding up to it (sex;
//                                age group; population group), optionally with the totals row
//                                (column totals and the grand total) when that is published too
//   Suppress(table, t)           anything else: a DisclosureTable of cells and equations
// A suppressed count comes back as std::nullopt: write null in JSON and an empty cell in
// CSV/XLSX, and say "counts below {threshold} are not shown" beside it.
// A term that is not published (say "sex unknown" when the file has no such column) is left out
// of its equation: the equation is then treated as exact, which suppresses at least as much.
// Unique counts are not strictly additive (one person in two sectors); they are treated as if
// they were, which also suppresses at least as much.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace sanad::reports {

// The server's `--disclosure-threshold`: counts 0 < n < threshold are not shown.
inline constexpr int64_t kDefaultDisclosureThreshold = 5;
inline constexpr int64_t kMinDisclosureThreshold = 2;

// A published count of people: nullopt when it is suppressed.
using Count = std::optional<int64_t>;

// An additive equation over a table's cells: cells[total] = sum of cells[parts].
struct Equation {
  size_t total = 0;
  std::vector<size_t> parts;
};

// The counts of a table as a reader sees them, and the equations a reader could use.
struct DisclosureTable {
  std::vector<int64_t> cells;  // counts of people, >= 0
  std::vector<Equation> equations;
};

// Which cells must not be published (one flag per cell). Primary: 0 < n < threshold (zero is
// shown: it reveals nobody). Secondary: while some equation has exactly one suppressed term,
// its smallest non-zero unsuppressed term is suppressed too (else its smallest; a part before
// the total on a tie, then the first), so no equation ever has exactly one suppressed term.
std::vector<bool> Suppress(const DisclosureTable& table, int64_t threshold);

// The cells as published: nullopt where suppressed.
std::vector<Count> Published(const DisclosureTable& table, const std::vector<bool>& suppressed);

// A count that is in no published equation: primary suppression only.
Count SuppressCount(int64_t n, int64_t threshold);

struct SuppressedList {
  std::vector<Count> parts;
  Count total;
};
// Parts and their total (a 1-D list with its total).
SuppressedList SuppressList(std::span<const int64_t> parts, int64_t total, int64_t threshold);

// One row of a breakdown: its total and groups of parts, each group adding up to the total,
// e.g. {{female, male}, {0-5, 6-17, 18-59, 60+}, {idp, returnee, refugee, host}}.
struct BreakdownRow {
  int64_t total = 0;
  std::vector<std::vector<int64_t>> groups;
};

struct SuppressedRow {
  Count total;
  std::vector<std::vector<Count>> groups;  // shaped like the row's groups
};

struct BreakdownOptions {
  // The totals row is published too: its total (the sum of the rows' totals) and, for each
  // group and position, the sum of the rows' cells there, with the equations between them.
  // Rows are then expected to have the same shape (a missing cell counts as absent, not 0).
  bool totals_row = false;
};

struct SuppressedRows {
  std::vector<SuppressedRow> rows;
  SuppressedRow totals;  // empty unless options.totals_row
};

// The DisclosureTable of a breakdown. Cells, in order: each row's total then its groups' cells
// in order; then, with totals_row, the grand total and the column totals shaped like the
// widest groups. Equations: each row's total = each of its non-empty groups; with totals_row,
// each column total = that cell of every row, the grand total = the rows' totals and = each
// group of column totals.
DisclosureTable BreakdownTable(std::span<const BreakdownRow> rows, BreakdownOptions options = {});

SuppressedRows SuppressRows(std::span<const BreakdownRow> rows, int64_t threshold,
                            BreakdownOptions options = {});

}  // namespace sanad::reports
