// SQL of the item catalogue, warehouses, the ledger's lists, transfers and the stock report
// (migration 0005_assistance.sql). Every read and write names the organisation, so a record of
// another organisation is never seen nor changed. Movements and balances are written only by
// stock_ledger_store.h (through stock/ledger.h). Functions run on a Connection inside the
// caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "stock/stock.h"
#include "store/database.h"

namespace sanad::store {

// Items: search terms are normalised words; every one must occur in the search text.
struct ItemFilter {
  int64_t organisation_id = 0;
  std::string category;  // "" = any
  std::vector<std::string> terms;
  std::optional<bool> active;  // nullopt = both
  int limit = 25;
  int offset = 0;
};

// Inserts *item (version 1, created and updated at `now`); fills id, version and times.
Status InsertItem(Connection& c, stock::Item* item, const std::string& search_text, int64_t now);
Result<std::optional<stock::Item>> GetItem(Connection& c, int64_t organisation_id, int64_t id);
// The id of the organisation's item with this code, if any.
Result<std::optional<int64_t>> FindItemByCode(Connection& c, int64_t organisation_id,
                                              const std::string& code);
// Writes *item over the stored version `expected_version`: NotFound when the organisation has
// no such item, Conflict naming `version` when it is stale (nothing changes).
Status UpdateItem(Connection& c, stock::Item* item, int64_t expected_version,
                  const std::string& search_text, int64_t now);
// Sorted by code, then id.
Result<std::vector<stock::Item>> ListItems(Connection& c, const ItemFilter& f);
Result<int64_t> CountItems(Connection& c, const ItemFilter& f);

struct WarehouseFilter {
  int64_t organisation_id = 0;
  std::string pcode;  // the place and everything under it
  std::vector<std::string> terms;
  std::optional<bool> active;
  int limit = 25;
  int offset = 0;
};

Status InsertWarehouse(Connection& c, stock::Warehouse* w, const std::string& name_key,
                       int64_t now);
Result<std::optional<stock::Warehouse>> GetWarehouse(Connection& c, int64_t organisation_id,
                                                     int64_t id);
Result<std::optional<int64_t>> FindWarehouseByNameKey(Connection& c, int64_t organisation_id,
                                                      const std::string& name_key);
Status UpdateWarehouse(Connection& c, stock::Warehouse* w, int64_t expected_version,
                       const std::string& name_key, int64_t now);
// Sorted by name, then id.
Result<std::vector<stock::Warehouse>> ListWarehouses(Connection& c, const WarehouseFilter& f);
Result<int64_t> CountWarehouses(Connection& c, const WarehouseFilter& f);

// The ledger.
struct MovementFilter {
  int64_t organisation_id = 0;
  int64_t warehouse_id = 0;  // 0 = any
  int64_t item_id = 0;
  std::string kind;  // "" = any
  int64_t distribution_id = 0;
  int64_t transfer_id = 0;
  int64_t from_at = 0;  // inclusive, 0 = no bound
  int64_t to_at = 0;    // exclusive, 0 = no bound
  bool oldest_first = false;
  int limit = 25;
  int offset = 0;
};
Result<std::vector<stock::Movement>> ListMovements(Connection& c, const MovementFilter& f);
Result<int64_t> CountMovements(Connection& c, const MovementFilter& f);

// The stock report's parts, of the organisation's warehouses.
struct BalanceFilter {
  int64_t organisation_id = 0;
  int64_t warehouse_id = 0;  // 0 = any
  int64_t item_id = 0;
  std::string category;  // "" = any
};
struct LotStock {
  int64_t warehouse_id = 0;
  stock::Lot lot;
  int64_t quantity = 0;
};
// Lots holding stock (quantity > 0), by warehouse and item, first expiry first out.
Result<std::vector<LotStock>> ListLotStock(Connection& c, const BalanceFilter& f);
struct ItemTotal {
  int64_t warehouse_id = 0;
  int64_t item_id = 0;
  int64_t quantity = 0;
};
// What rounds still hold, per warehouse × item (only totals above zero).
Result<std::vector<ItemTotal>> ListReservedTotals(Connection& c, const BalanceFilter& f);
// What transfers in transit bring towards each warehouse, per item.
Result<std::vector<ItemTotal>> ListIncomingTotals(Connection& c, const BalanceFilter& f);

// Transfers. InsertTransfer writes the header (version 1) and fills t->id and version;
// lines are added one by one (sent > 0; a lot appears once per transfer).
Status InsertTransfer(Connection& c, stock::Transfer* t);
Status InsertTransferLine(Connection& c, int64_t transfer_id, const stock::TransferLine& line);
// With its lines (by item code, then lot) and the names of both warehouses.
Result<std::optional<stock::Transfer>> GetTransfer(Connection& c, int64_t organisation_id,
                                                   int64_t id);
// Writes the receipt of *t (status, received_*, every line's received and loss_reason) over
// version `expected_version` and bumps t->version; Conflict naming `version` when stale.
Status MarkTransferReceived(Connection& c, stock::Transfer* t, int64_t expected_version);
struct TransferFilter {
  int64_t organisation_id = 0;
  std::string status;        // "" = any
  int64_t warehouse_id = 0;  // from or to; 0 = any
  int limit = 25;
  int offset = 0;
};
// Newest first, with lines.
Result<std::vector<stock::Transfer>> ListTransfers(Connection& c, const TransferFilter& f);
Result<int64_t> CountTransfers(Connection& c, const TransferFilter& f);

}  // namespace sanad::store
