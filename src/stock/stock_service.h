// StockService: the item catalogue, warehouses, receipts, losses, adjustments, transfers,
// balances and the ledger of the actor's organisation (docs/assistance.md). Every change goes
// through stock/ledger.h inside one write transaction with its audit entry. Every role of the
// organisation reads; admins, supervisors and logistics officers (kManageStock) write. Records
// of another organisation are NotFound. Thread-safe: it holds references to a thread-safe
// Database, PlaceDirectory and Clock.
#pragma once

#include <cstdint>
#include <vector>

#include "access/actor.h"
#include "base/clock.h"
#include "base/status.h"
#include "registry/place_directory.h"
#include "stock/stock.h"
#include "stock/stock_requests.h"
#include "store/database.h"

namespace sanad::stock {

class StockService {
 public:
  StockService(store::Database& db, const registry::PlaceDirectory& places, const Clock& clock)
      : db_(db), places_(places), clock_(clock) {}

  // InvalidArgument naming each bad query parameter.
  Result<Page<Item>> ListItems(const access::Actor& actor, const ItemQuery& q) const;
  Result<Item> GetItem(const access::Actor& actor, int64_t id) const;
  // PermissionDenied without kManageStock; InvalidArgument naming every bad field;
  // AlreadyExists naming `code` when the organisation has an item of that code.
  Result<Item> CreateItem(const access::Actor& actor, const ItemEdit& edit);
  // As CreateItem; NotFound for another organisation's item; Conflict when `edit.version` is
  // stale.
  Result<Item> UpdateItem(const access::Actor& actor, int64_t id, const ItemEdit& edit);

  Result<Page<Warehouse>> ListWarehouses(const access::Actor& actor, const WarehouseQuery& q) const;
  Result<Warehouse> GetWarehouse(const access::Actor& actor, int64_t id) const;
  // AlreadyExists naming `name` when the organisation has a warehouse of that name.
  Result<Warehouse> CreateWarehouse(const access::Actor& actor, const WarehouseEdit& edit);
  Result<Warehouse> UpdateWarehouse(const access::Actor& actor, int64_t id,
                                    const WarehouseEdit& edit);

  // A receipt, loss or adjustment: the movements written (a loss without a lot may take
  // several). InvalidArgument naming fields; Conflict naming `quantity` when stock would go
  // below zero (the message says what is there).
  Result<std::vector<Movement>> Record(const access::Actor& actor, const MovementRequest& r);
  // Newest first.
  Result<Page<Movement>> ListMovements(const access::Actor& actor, const MovementQuery& q) const;
  // Every movement of the query oldest first, and the lot balances of its warehouse and item;
  // audited as one `export`. InvalidArgument when more than kMaxExportRows match.
  Result<LedgerExport> ExportLedger(const access::Actor& actor, const MovementQuery& q);
  // The lots first-expiry-first-out takes `quantity` from.
  Result<Suggestion> Suggest(const access::Actor& actor, int64_t warehouse_id, int64_t item_id,
                             int64_t quantity) const;
  // One row per warehouse × item with stock, reservations or goods on the way, by warehouse
  // name and item code.
  Result<std::vector<BalanceRow>> Balances(const access::Actor& actor, const BalanceQuery& q) const;

  // Dispatches a transfer: transfer_out movements at the source, status in_transit.
  Result<Transfer> Dispatch(const access::Actor& actor, const TransferRequest& r);
  // Receives it at the destination (transfer_in movements). Conflict when stale or already
  // received; InvalidArgument naming `lines[i].…` for more than sent or a loss without reason.
  Result<Transfer> Receive(const access::Actor& actor, int64_t id, const ReceiveRequest& r);
  Result<Page<Transfer>> ListTransfers(const access::Actor& actor, const TransferQuery& q) const;
  Result<Transfer> GetTransfer(const access::Actor& actor, int64_t id) const;

  static constexpr int kMaxLimit = 200;
  static constexpr int64_t kMaxExportRows = 100'000;

 private:
  Result<std::vector<Movement>> Receipt(store::Connection& c, const access::Actor& actor,
                                        const MovementRequest& r, int64_t now);
  Result<std::vector<Movement>> Loss(store::Connection& c, const access::Actor& actor,
                                     const MovementRequest& r, int64_t now);
  Result<std::vector<Movement>> Adjustment(store::Connection& c, const access::Actor& actor,
                                           const MovementRequest& r, int64_t now);
  Result<std::vector<BalanceRow>> ReadBalances(store::Connection& c, const access::Actor& actor,
                                               const BalanceQuery& q) const;

  store::Database& db_;
  const registry::PlaceDirectory& places_;
  const Clock& clock_;
};

}  // namespace sanad::stock
