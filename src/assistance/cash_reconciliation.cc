#include "assistance/cash_reconciliation.h"

#include <algorithm>
#include <cctype>

#include "assistance/money.h"

namespace sanad::assistance {
namespace {

std::string Trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  return std::string(s.substr(first, s.find_last_not_of(" \t") - first + 1));
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The round's transfers by id and by provider reference (several transfers may share one:
// then a line naming it is ambiguous).
struct RoundIndex {
  std::map<int64_t, const CashTransfer*> by_id;
  std::map<std::string, std::vector<const CashTransfer*>> by_provider_reference;

  explicit RoundIndex(const std::vector<CashTransfer>& round) {
    for (const auto& t : round) {
      by_id.emplace(t.id, &t);
      if (!t.provider_reference.empty()) by_provider_reference[t.provider_reference].push_back(&t);
    }
  }
};

std::string Quoted(std::string_view s) { return "\"" + std::string(s.substr(0, 60)) + "\""; }

// The transfer a line names, or nullptr with a problem added.
const CashTransfer* Resolve(const ReconciliationLine& l, const RoundIndex& index,
                            const ForeignTransfers& foreign,
                            std::vector<registry::ImportProblem>* problems) {
  const std::string reference = Trimmed(l.reference);
  const std::string provider = Trimmed(l.provider_reference);
  const auto problem = [&](std::string column, std::string reason) {
    problems->push_back({.row = l.line, .column = std::move(column), .reason = std::move(reason)});
    return nullptr;
  };
  const auto other_round = [](int64_t round) {
    return "is a transfer of another distribution round (" + std::to_string(round) + ")";
  };
  if (!reference.empty()) {
    const auto id = ParseTransferReference(reference);
    if (!id) return problem("reference", "is not one of our references (like TR-000040)");
    if (auto it = index.by_id.find(*id); it != index.by_id.end()) return it->second;
    if (auto it = foreign.round_of_id.find(*id); it != foreign.round_of_id.end()) {
      return problem("reference", other_round(it->second));
    }
    return problem("reference",
                   "is unknown: " + Quoted(reference) + " is not a transfer of your organisation");
  }
  if (provider.empty()) {
    return problem("reference", "is required: our reference (TR-000040) or the provider's");
  }
  if (auto it = index.by_provider_reference.find(provider);
      it != index.by_provider_reference.end()) {
    if (it->second.size() > 1) {
      return problem("provider_reference",
                     "names " + std::to_string(it->second.size()) +
                         " transfers of the round: give our reference instead");
    }
    return it->second.front();
  }
  if (auto it = foreign.round_of_provider_reference.find(provider);
      it != foreign.round_of_provider_reference.end()) {
    return problem("provider_reference", other_round(it->second));
  }
  return problem("provider_reference",
                 "is unknown: no transfer of the round has provider reference " + Quoted(provider));
}

ReconciliationDifference Difference(std::string kind, int line, const CashTransfer& t) {
  const std::string ref = TransferReference(t.id);
  ReconciliationDifference d{.kind = std::move(kind),
                             .line = line,
                             .transfer_id = t.id,
                             .status = t.status,
                             .amount = t.amount,
                             .paid_amount = t.paid_amount,
                             .currency = t.currency};
  const std::string due = FormatMoney(t.amount, t.currency);
  if (d.kind == "amount_differs") {
    const int64_t paid = t.paid_amount.value_or(0);
    const int64_t gap = paid - t.amount;
    d.message = ref + ": paid " + FormatMoney(paid, t.currency) + " of " + due + " due (" +
                FormatMoney(gap < 0 ? -gap : gap, t.currency) + (gap < 0 ? " less)" : " more)");
  } else if (d.kind == "failed") {
    d.message = ref + ": failed, " + due + " not paid" +
                (t.failure_reason.empty() ? "" : " (" + t.failure_reason + ")");
  } else if (d.kind == "returned") {
    d.message = ref + ": " + FormatMoney(t.paid_amount.value_or(t.amount), t.currency) +
                " returned" + (t.failure_reason.empty() ? "" : " (" + t.failure_reason + ")");
  } else if (d.kind == "not_in_file") {
    d.message = ref + ": not in the file, still " + t.status + " (" + due + " due)";
  } else {
    d.message = ref + ": " + t.status + ", " + due + " not paid yet";
  }
  return d;
}

// The difference a transfer in its (new) state shows, if any; `kind_for_pending` names a
// pending transfer's ("pending" in the round's report, none for a file's line).
std::optional<ReconciliationDifference> StateDifference(const CashTransfer& t, int line,
                                                        bool report_pending) {
  if (t.status == "failed" || t.status == "returned") return Difference(t.status, line, t);
  if (t.status == "paid" && t.paid_amount.value_or(t.amount) != t.amount) {
    return Difference("amount_differs", line, t);
  }
  if (t.status == "pending" && report_pending) return Difference("pending", line, t);
  return std::nullopt;
}

struct LineCheck {
  std::string status;
  std::optional<int64_t> amount;
  bool ok = true;
};

// The cells of a line that do not depend on the workflow; problems added for each bad cell.
LineCheck CheckCells(const ReconciliationLine& l, const CashTransfer* t,
                     std::vector<registry::ImportProblem>* problems) {
  LineCheck out;
  const auto problem = [&](std::string column, std::string reason) {
    problems->push_back({.row = l.line, .column = std::move(column), .reason = std::move(reason)});
    out.ok = false;
  };
  out.status = Lower(Trimmed(l.status));
  if (out.status.empty()) {
    problem("status", "is required (paid, failed or returned)");
  } else if (out.status != "paid" && out.status != "failed" && out.status != "returned") {
    problem("status", "is " + Quoted(out.status) + ": write paid, failed or returned");
  }
  const std::string currency = Upper(Trimmed(l.currency));
  if (!currency.empty() && !IsCurrency(currency)) {
    problem("currency", CurrencyChoices());
  } else if (!currency.empty() && t != nullptr && currency != t->currency) {
    problem("currency",
            "is " + currency + " but " + TransferReference(t->id) + " is due in " + t->currency);
  }
  // Without the transfer's currency, the line's (or the most decimals any currency has) tells
  // whether the amount is well written.
  const std::string amount_currency =
      t != nullptr ? t->currency : (IsCurrency(currency) ? currency : "USD");
  if (!Trimmed(l.amount).empty()) {
    auto amount = ParseAmount(l.amount, amount_currency);
    if (amount.ok()) {
      out.amount = *amount;
    } else {
      problem("amount", amount.status().message());
    }
  } else if (out.status == "paid") {
    problem("amount", "is required for a paid transfer");
  }
  const std::string date = Trimmed(l.date);
  if (!date.empty() && !IsIsoDate(date)) problem("date", "is not a date (YYYY-MM-DD)");
  if (out.status == "returned" && Trimmed(l.reason).empty()) {
    problem("reason", "is required for a returned transfer");
  }
  return out;
}

}  // namespace

UnmatchedReferences FindUnmatched(const ReconciliationFile& file,
                                  const std::vector<CashTransfer>& round) {
  const RoundIndex index(round);
  UnmatchedReferences out;
  for (const auto& l : file.lines) {
    const std::string reference = Trimmed(l.reference);
    if (!reference.empty()) {
      const auto id = ParseTransferReference(reference);
      if (id && !index.by_id.contains(*id)) out.ids.push_back(*id);
      continue;
    }
    const std::string provider = Trimmed(l.provider_reference);
    if (!provider.empty() && !index.by_provider_reference.contains(provider)) {
      out.provider_references.push_back(provider);
    }
  }
  return out;
}

ReconciliationCheck CheckReconciliation(const ReconciliationFile& file,
                                        const std::vector<CashTransfer>& round,
                                        const ForeignTransfers& foreign, std::string_view today) {
  ReconciliationCheck out;
  out.problems = file.problems;
  const RoundIndex index(round);
  std::map<int64_t, int> seen;  // transfer id → the line that named it first
  for (const auto& l : file.lines) {
    const CashTransfer* t = Resolve(l, index, foreign, &out.problems);
    const LineCheck cells = CheckCells(l, t, &out.problems);
    if (t == nullptr) continue;
    if (auto [at, added] = seen.emplace(t->id, l.line); !added) {
      out.problems.push_back(
          {.row = l.line,
           .column = Trimmed(l.reference).empty() ? "provider_reference" : "reference",
           .reason =
               "repeats " + TransferReference(t->id) + " of line " + std::to_string(at->second)});
      continue;
    }
    if (!cells.ok) continue;
    CashTransfer after = *t;
    if (cells.status == t->status) {
      ++out.unchanged;
      // A confirmed payment still shows what the provider says it paid.
      if (cells.status == "paid" && cells.amount) after.paid_amount = cells.amount;
    } else if (!TransferMayMove(t->status, cells.status)) {
      out.problems.push_back({.row = l.line,
                              .column = "status",
                              .reason = TransferReference(t->id) + " is " + t->status +
                                        ": it cannot become " + cells.status + " (" +
                                        AllowedNextReason(t->status) + ")"});
      continue;
    } else {
      after.status = cells.status;
      if (const std::string provider = Trimmed(l.provider_reference); !provider.empty()) {
        after.provider_reference = provider;
      }
      if (cells.status == "paid") {
        after.paid_amount = cells.amount;
        const std::string date = Trimmed(l.date);
        after.paid_at = date.empty() ? std::string(today) : date;
        after.failure_reason.clear();
      } else {
        after.failure_reason = Trimmed(l.reason);
      }
      out.changes.push_back({.line = l.line, .from = t->status, .after = after});
    }
    if (auto d = StateDifference(after, l.line, false)) out.differences.push_back(std::move(*d));
  }
  for (const auto& t : round) {
    if (!seen.contains(t.id)) out.differences.push_back(Difference("not_in_file", 0, t));
  }
  std::stable_sort(out.problems.begin(), out.problems.end(),
                   [](const auto& a, const auto& b) { return a.row < b.row; });
  return out;
}

std::vector<ReconciliationDifference> RoundDifferences(const std::vector<CashTransfer>& round) {
  std::vector<ReconciliationDifference> out;
  for (const auto& t : round) {
    if (auto d = StateDifference(t, 0, true)) out.push_back(std::move(*d));
  }
  return out;
}

}  // namespace sanad::assistance
