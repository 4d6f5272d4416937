// Reconciliation of a payment provider's file against a cash round (docs/assistance.md,
// "Cash transfers"): reading the CSV, then checking every line against the round's transfers.
// The check decides everything — which transfers change, every problem by line and column,
// every difference between what was due and what the provider reports — and writes nothing:
// CashService applies the changes in one transaction only when there is no problem.
// Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assistance/cash_transfer.h"
#include "registry/household_import.h"

namespace sanad::assistance {

inline constexpr std::array<std::string_view, 7> kReconciliationColumns = {
    "reference", "provider_reference", "amount", "currency", "status", "date", "reason"};
inline constexpr size_t kMaxReconciliationLines = 200'000;

// One line of the provider's file, its cells as written ("" for a column the file lacks).
struct ReconciliationLine {
  int line = 0;
  std::string reference;  // ours: TR-000040
  std::string provider_reference;
  std::string amount;
  std::string currency;
  std::string status;
  std::string date;
  std::string reason;
};

struct ReconciliationFile {
  std::vector<ReconciliationLine> lines;          // lines with any text, in file order
  std::vector<registry::ImportProblem> problems;  // of the file's shape
};

// Reads the provider's CSV (UTF-8, RFC 4180, optional byte-order mark). Header names match
// kReconciliationColumns in any order and case, spaces and dashes read as '_'
// ("Provider Reference"); other columns are the provider's own and are ignored. Problems: a
// malformed file (line and character), no header, a repeated column, a missing `status` or
// `amount` column or neither `reference` nor `provider_reference`, a line with more cells
// than the header, more than kMaxReconciliationLines lines.
ReconciliationFile ReadReconciliationCsv(const std::string& source, std::string_view text);

// Transfers of the organisation that a line names but that are not in the round, by our id
// and by provider reference, with the round each belongs to (for "another round" problems).
struct ForeignTransfers {
  std::map<int64_t, int64_t> round_of_id;
  std::map<std::string, int64_t> round_of_provider_reference;
};

// The references a file names that match no transfer of `round`: what to look up for
// ForeignTransfers.
struct UnmatchedReferences {
  std::vector<int64_t> ids;
  std::vector<std::string> provider_references;
};
UnmatchedReferences FindUnmatched(const ReconciliationFile& file,
                                  const std::vector<CashTransfer>& round);

// A status change a line makes. The transfer's new fields are in `after`.
struct ReconciliationChange {
  int line = 0;
  std::string from;
  CashTransfer after;
};

// Something a finance officer must look at: kind is amount_differs (paid ≠ due), failed,
// returned, not_in_file (a transfer of the round the file does not mention) — and in the
// round's report also pending.
struct ReconciliationDifference {
  std::string kind;
  int line = 0;  // 0 when no line of a file is concerned
  int64_t transfer_id = 0;
  std::string status;  // the transfer's status once the file is applied
  int64_t amount = 0;  // due
  std::optional<int64_t> paid_amount;
  std::string currency;
  std::string message;  // "TR-000040: paid 140,000 IQD of 150,000 IQD due (10,000 IQD less)"
};

struct ReconciliationCheck {
  std::vector<ReconciliationChange> changes;  // in file order
  int unchanged = 0;  // lines that confirm the status a transfer already has
  std::vector<ReconciliationDifference> differences;
  std::vector<registry::ImportProblem> problems;  // every problem of the file, in file order
};

// Checks every line of `file` against `round` (every transfer of the distribution round).
// `today` (YYYY-MM-DD) is the paid date of a paid line without one. Problems: a reference that
// is not ours or names no transfer of the organisation, a transfer of another round, a
// transfer named twice, a currency that is not the transfer's, a bad amount or date, a status
// that is not paid/failed/returned, a returned line without reason, a paid line without
// amount, and a status change the workflow does not allow (the line confirms a transfer's
// current status: that is no change). Differences are computed from the lines even when there
// are problems, but only a check without problems may be applied.
ReconciliationCheck CheckReconciliation(const ReconciliationFile& file,
                                        const std::vector<CashTransfer>& round,
                                        const ForeignTransfers& foreign, std::string_view today);

// The differences of a round as it stands: every transfer not paid in full (pending, failed,
// returned, amount_differs), in id order.
std::vector<ReconciliationDifference> RoundDifferences(const std::vector<CashTransfer>& round);

}  // namespace sanad::assistance
