// CashTransfer: one household's payment in a cash round, and the workflow of its status
// (docs/assistance.md, "Cash transfers"): pending → paid | failed, failed → pending (a retry),
// paid → returned. Plain values and pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sanad::assistance {

struct CashTransfer {
  int64_t id = 0;
  int64_t organisation_id = 0;
  int64_t distribution_id = 0;
  std::string distribution_name;
  int64_t household_id = 0;
  int64_t recipient_id = 0;  // 0 when the round recorded no recipient
  std::string recipient_name;
  std::string recipient_phone;  // the recipient's, else the household's
  int64_t version = 0;
  int64_t amount = 0;  // due, in minor units of `currency`
  std::string currency;
  std::string mechanism;
  std::string status;  // pending, paid, failed, returned
  std::string provider_reference;
  std::optional<int64_t> paid_amount;  // minor units; set once paid
  std::string paid_at;                 // YYYY-MM-DD, "" until paid
  std::string failure_reason;          // why it failed or came back
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// The distribution round of transfers, as cash work sees it.
struct CashRound {
  int64_t id = 0;
  std::string name;
  std::string kind;    // in_kind, cash
  std::string status;  // draft, planned, open, closed, cancelled
};

// "TR-000040": our reference of transfer 40, printed on lists and sent to providers.
std::string TransferReference(int64_t id);
// The id of a reference ("TR-000040", "tr-40", " TR-000040 "); nullopt when it is not one.
std::optional<int64_t> ParseTransferReference(std::string_view text);

bool IsTransferStatus(std::string_view status);
// The statuses a transfer in `status` may move to, in workflow order.
std::vector<std::string> NextTransferStatuses(std::string_view status);
bool TransferMayMove(std::string_view from, std::string_view to);
// "allowed next steps: paid, failed" ("…: none") — the reason of a workflow conflict, which
// the HTTP layer turns into error.allowed_next.
std::string AllowedNextReason(std::string_view status);

// A calendar date "YYYY-MM-DD" (paid_at, a reconciliation file's date column).
bool IsIsoDate(std::string_view text);

}  // namespace sanad::assistance
