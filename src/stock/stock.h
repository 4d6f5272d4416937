// Stock: the item catalogue, warehouses, lots, the movements of the ledger, transfers between
// warehouses and the balances they add up to (docs/assistance.md). Plain values; the rules
// live in ledger.h (in-transaction operations) and stock_service.h. Quantities are whole
// numbers of the item's unit.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sanad::stock {

inline constexpr std::array<std::string_view, 8> kItemCategories = {
    "food", "wash", "nfi", "shelter", "hygiene", "dignity_kit", "medicine", "other"};

struct Item {
  int64_t id = 0;
  int64_t organisation_id = 0;
  int64_t version = 0;
  std::string code;
  std::string name_en;
  std::string name_ar;
  std::string name_ckb;
  std::string unit;
  std::string category;
  bool active = true;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

struct Warehouse {
  int64_t id = 0;
  int64_t organisation_id = 0;
  int64_t version = 0;
  std::string name;
  std::string pcode;
  std::string address;
  bool active = true;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// A batch of one item. expiry "" = does not expire.
struct Lot {
  int64_t id = 0;
  int64_t item_id = 0;
  std::string number;
  std::string expiry;  // YYYY-MM-DD or ""
};

enum class MovementKind {
  kReceipt,
  kLoss,
  kAdjustment,
  kTransferOut,
  kTransferIn,
  kIssue,
  kReturn
};

inline constexpr std::array<std::string_view, 7> kMovementKindNames = {
    "receipt", "loss", "adjustment", "transfer_out", "transfer_in", "issue", "return"};

constexpr std::string_view MovementKindName(MovementKind k) {
  return kMovementKindNames.at(static_cast<size_t>(k));
}
constexpr std::optional<MovementKind> ParseMovementKind(std::string_view name) {
  for (size_t i = 0; i < kMovementKindNames.size(); ++i) {
    if (kMovementKindNames.at(i) == name) return static_cast<MovementKind>(i);
  }
  return std::nullopt;
}

inline constexpr std::array<std::string_view, 5> kLossReasons = {"damaged", "expired", "spoiled",
                                                                 "stolen", "other"};

// One row of the ledger: the signed change of a warehouse's balance of a lot.
struct Movement {
  int64_t id = 0;
  int64_t organisation_id = 0;
  int64_t at = 0;
  MovementKind kind = MovementKind::kReceipt;
  int64_t warehouse_id = 0;
  int64_t item_id = 0;
  int64_t lot_id = 0;
  int64_t quantity = 0;
  std::string donor;
  std::string waybill;
  std::string reason;
  std::string note;
  int64_t transfer_id = 0;      // 0 = none
  int64_t distribution_id = 0;  // 0 = none
  int64_t collection_id = 0;    // 0 = none
  int64_t created_by = 0;
  std::string created_by_name;
  // Filled by reads for display (joined), not written.
  std::string warehouse_name;
  std::string item_code;
  std::string item_name_en;
  std::string item_unit;
  std::string lot_number;
  std::string lot_expiry;
};

struct TransferLine {
  int64_t item_id = 0;
  int64_t lot_id = 0;
  int64_t sent = 0;
  std::optional<int64_t> received;  // nullopt while in transit
  std::string loss_reason;
  // Filled by reads for display (joined), not written.
  std::string item_code;
  std::string item_name_en;
  std::string item_unit;
  std::string lot_number;
  std::string lot_expiry;
};

struct Transfer {
  int64_t id = 0;
  int64_t organisation_id = 0;
  int64_t version = 0;
  std::string status;  // in_transit, received
  int64_t from_warehouse_id = 0;
  int64_t to_warehouse_id = 0;
  std::string waybill;
  std::string note;
  int64_t dispatched_at = 0;
  int64_t dispatched_by = 0;
  std::string dispatched_by_name;
  int64_t received_at = 0;  // 0 while in transit
  int64_t received_by = 0;
  std::string received_by_name;
  std::vector<TransferLine> lines;
  // Filled by reads for display (joined), not written.
  std::string from_name;
  std::string to_name;
};

// What a lot holds in a warehouse.
struct LotBalance {
  Lot lot;
  int64_t quantity = 0;
};

// Who makes movements, and when: the author of every ledger row written by an operation.
struct MovementContext {
  int64_t organisation_id = 0;
  int64_t user_id = 0;
  std::string username;
  int64_t now = 0;
};

}  // namespace sanad::stock
