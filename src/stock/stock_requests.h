// What callers ask of StockService: edits of items and warehouses, list queries, movements
// to record, transfers to dispatch and receive, and the pages and report rows it answers with
// (docs/assistance.md). Plain values filled by the edge; the service checks them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stock/stock.h"

namespace sanad::stock {

// A change to an item: fields present replace the stored ones (all of them for a new item).
struct ItemEdit {
  int64_t version = 0;
  std::optional<std::string> code;
  std::optional<std::string> name_en;
  std::optional<std::string> name_ar;
  std::optional<std::string> name_ckb;
  std::optional<std::string> unit;
  std::optional<std::string> category;
  std::optional<bool> active;
};

struct WarehouseEdit {
  int64_t version = 0;
  std::optional<std::string> name;
  std::optional<std::string> pcode;
  std::optional<std::string> address;
  std::optional<bool> active;
};

struct ItemQuery {
  std::string text;  // words of the code or names
  std::string category;
  std::string active = "true";  // "true", "false" or "all"
  int page = 1;
  int limit = 25;
};

struct WarehouseQuery {
  std::string text;
  std::string pcode;  // the place and every place under it
  std::string active = "true";
  int page = 1;
  int limit = 25;
};

template <typename T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;
  int page = 1;
  int limit = 25;
};

// A receipt, a loss or an adjustment (POST /api/v1/stock/movements).
struct MovementRequest {
  std::string kind;
  int64_t warehouse_id = 0;
  int64_t item_id = 0;
  int64_t lot_id = 0;              // loss (optional: FEFO), adjustment (required)
  std::string lot_number;          // receipt
  std::string lot_expiry;          // receipt: YYYY-MM-DD or ""
  int64_t quantity = 0;            // receipt, loss
  std::optional<int64_t> counted;  // adjustment
  std::string donor;
  std::string waybill;
  std::string reason;
  std::string note;
};

struct MovementQuery {
  int64_t warehouse_id = 0;
  int64_t item_id = 0;
  std::string kind;
  int64_t distribution_id = 0;
  int64_t transfer_id = 0;
  std::string from;  // YYYY-MM-DD, inclusive (UTC)
  std::string to;    // YYYY-MM-DD, inclusive (UTC)
  int page = 1;
  int limit = 25;
};

struct TransferRequestLine {
  int64_t item_id = 0;
  int64_t lot_id = 0;  // 0 = first expiry first out
  int64_t quantity = 0;
};

struct TransferRequest {
  int64_t from_warehouse_id = 0;
  int64_t to_warehouse_id = 0;
  std::string waybill;
  std::string note;
  std::vector<TransferRequestLine> lines;
};

struct ReceiveLine {
  int64_t lot_id = 0;
  int64_t received = 0;
  std::string loss_reason;
};

// Lines omitted (nullopt) = everything arrived; a lot not named among the lines arrived whole.
struct ReceiveRequest {
  int64_t version = 0;
  std::optional<std::vector<ReceiveLine>> lines;
};

struct TransferQuery {
  std::string status;        // "" = any
  int64_t warehouse_id = 0;  // from or to; 0 = any
  int page = 1;
  int limit = 25;
};

struct BalanceQuery {
  int64_t warehouse_id = 0;
  int64_t item_id = 0;
  std::string category;
  int64_t expiring_days = 90;
};

struct BalanceLot {
  Lot lot;
  int64_t quantity = 0;
  std::optional<int64_t> expires_in_days;  // nullopt when the lot does not expire
};

// One warehouse × item of the stock report.
struct BalanceRow {
  Warehouse warehouse;
  Item item;
  int64_t on_hand = 0;
  int64_t reserved = 0;
  int64_t incoming = 0;  // in transit towards the warehouse
  int64_t expiring = 0;  // on hand in lots expiring within expiring_days
  std::vector<BalanceLot> lots;
  int64_t available() const { return on_hand - reserved; }
};

// The lots FEFO would take (GET /api/v1/stock/suggest).
struct Suggestion {
  std::vector<LotBalance> lots;  // what each lot holds
  std::vector<int64_t> take;     // what is taken from it, by index
  int64_t short_by = 0;
};

// The ledger as a workbook: its movements oldest first and the lot balances.
struct LedgerExport {
  std::vector<Movement> movements;
  std::vector<BalanceRow> balances;
};

}  // namespace sanad::stock
