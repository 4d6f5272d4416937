// CashService: cash transfers of the organisation's cash rounds, their status, and the
// reconciliation of payment providers' files (docs/assistance.md). Every role of the
// organisation reads; kManageCash changes status and imports files. Every write is audited in
// its transaction (entity cash_transfer). Thread-safe: it holds references to a thread-safe
// Database and Clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access/actor.h"
#include "assistance/cash_reconciliation.h"
#include "assistance/cash_transfer.h"
#include "base/clock.h"
#include "store/database.h"

namespace sanad::assistance {

struct CashTransferQuery {
  int64_t distribution_id = 0;  // 0 = every round
  std::string status;           // "" = any
  std::string text;             // our reference, the provider's, a recipient's name or phone
  int page = 1;
  int limit = 25;
};

struct CashTransferPage {
  std::vector<CashTransfer> items;
  int page = 1;
  int limit = 25;
  int64_t total = 0;
};

// A status change; the optional fields are those the target status takes.
struct TransferStatusChange {
  int64_t version = 0;
  std::string status;
  std::optional<std::string> provider_reference;
  std::optional<std::string> paid_amount;  // decimal text in major units ("100.5")
  std::optional<std::string> paid_at;      // YYYY-MM-DD; today when a payment gives none
  std::optional<std::string> reason;       // why it failed or came back (required: returned)
};

struct ReconciliationRequest {
  int64_t distribution_id = 0;
  std::string source;  // the file's name, for messages
  std::string_view text;
  bool dry_run = false;
};

struct ReconciliationReport {
  CashRound round;
  bool dry_run = false;
  bool applied = false;  // true when every change was written
  int lines = 0;
  ReconciliationCheck check;  // changes (after: as written), differences, problems
};

// The state of a round's money. Sums are in minor units of `currency` ("" without transfers).
struct RoundCashReport {
  CashRound round;
  std::string currency;
  int64_t transfers = 0;
  int64_t due = 0;       // every transfer's amount
  int64_t paid = 0;      // paid amounts of paid transfers
  int64_t failed = 0;    // amounts of failed transfers
  int64_t returned = 0;  // what came back of returned transfers
  int64_t pending = 0;   // amounts of pending transfers
  int64_t count_paid = 0;
  int64_t count_failed = 0;
  int64_t count_returned = 0;
  int64_t count_pending = 0;
  std::vector<ReconciliationDifference> differences;  // every transfer not paid in full
};

class CashService {
 public:
  CashService(store::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // InvalidArgument naming bad query parameters (status, page, limit).
  Result<CashTransferPage> List(const access::Actor& actor, const CashTransferQuery& q) const;
  // NotFound for a transfer of another organisation.
  Result<CashTransfer> Get(const access::Actor& actor, int64_t id) const;
  // Moves a transfer along its workflow. PermissionDenied without kManageCash; NotFound;
  // Conflict naming `version` when stale, naming `status` (AllowedNextReason) when the
  // workflow does not allow the step, without field when the round is not open or closed;
  // InvalidArgument naming bad fields (paid_amount, paid_at, reason, status).
  Result<CashTransfer> ChangeStatus(const access::Actor& actor, int64_t id,
                                    const TransferStatusChange& change);
  // Checks a provider's file against a round and, when it has no problem and is not a dry run,
  // applies every change in one transaction (one audit entry per changed transfer, action
  // "reconcile"). A report with problems is not an error: nothing was applied. Errors:
  // PermissionDenied, NotFound (round), InvalidArgument naming distribution_id for a round
  // that is not cash, Conflict when the round is not open or closed.
  Result<ReconciliationReport> Reconcile(const access::Actor& actor,
                                         const ReconciliationRequest& request);
  // NotFound (round); InvalidArgument naming distribution_id for a round that is not cash.
  Result<RoundCashReport> Report(const access::Actor& actor, int64_t distribution_id) const;
  // Every transfer the list's filters match (no paging, at most kMaxExportRows), audited as
  // one "export" entry.
  Result<std::vector<CashTransfer>> Export(const access::Actor& actor, const CashTransferQuery& q);

  static constexpr int kMaxLimit = 200;
  static constexpr int kMaxExportRows = 100'000;

 private:
  store::Database& db_;
  const Clock& clock_;
};

}  // namespace sanad::assistance
