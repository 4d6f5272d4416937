// SQL of cash transfers (the cash_transfers table of migrations/0005_assistance.sql) and the
// little of a distribution round they need (its name, kind and status). Every function is
// scoped by organisation: another organisation's transfer or round is not found. The rules
// (workflow, reconciliation) are assistance/'s; these functions only read and write, on a
// Connection inside the caller's transaction.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "assistance/cash_transfer.h"
#include "base/status.h"
#include "store/database.h"

namespace sanad::store {

struct CashTransferFilter {
  int64_t organisation_id = 0;  // required
  int64_t distribution_id = 0;  // 0 = any round
  std::string status;           // "" = any
  // The free-text search: a transfer whose id, provider reference or household matches.
  int64_t id = 0;                  // our reference (TR-000040) when the text is one, else 0
  std::string provider_reference;  // matched exactly, "" = not searched
  std::vector<std::string> terms;  // normalised words all in the household's search text
  int limit = 25;
  int offset = 0;
};

// Inserts a transfer (version 1, created and updated at `now`) and fills t->id, version and
// times. Used by the plan of a cash round and by tests.
Status InsertCashTransfer(Connection& c, assistance::CashTransfer* t, int64_t now);
// NotFound when the organisation has no such transfer.
Result<assistance::CashTransfer> GetCashTransfer(Connection& c, int64_t organisation_id,
                                                 int64_t id);
// Newest round first, then id.
Result<std::vector<assistance::CashTransfer>> ListCashTransfers(Connection& c,
                                                                const CashTransferFilter& f);
Result<int64_t> CountCashTransfers(Connection& c, const CashTransferFilter& f);
// Every transfer of a round, in id order.
Result<std::vector<assistance::CashTransfer>> ListRoundTransfers(Connection& c,
                                                                 int64_t organisation_id,
                                                                 int64_t distribution_id);
// Transfers of the organisation among `ids` or with one of `provider_references`, any round
// (for naming the round of a reference a reconciliation file should not carry).
Result<std::vector<assistance::CashTransfer>> FindCashTransfers(
    Connection& c, int64_t organisation_id, const std::vector<int64_t>& ids,
    const std::vector<std::string>& provider_references);
// Writes t's status, provider reference, paid amount and date and failure reason over the
// stored version `expected_version` and bumps t->version: NotFound when the organisation has
// no such transfer, Conflict naming `version` when the stored version differs.
Status UpdateCashTransferStatus(Connection& c, assistance::CashTransfer* t,
                                int64_t expected_version, int64_t now);
// NotFound when the organisation has no such round.
Result<assistance::CashRound> GetCashRound(Connection& c, int64_t organisation_id,
                                           int64_t distribution_id);

}  // namespace sanad::store
