// SQL of the stock ledger's core (migration 0005_assistance.sql): lots, balances, movements
// and the reservations of distribution rounds. The rules (never below zero, first expiry first
// out, what a reservation covers) are stock/ledger.h's; these functions only read and write,
// on a Connection inside the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "stock/stock.h"
#include "store/database.h"

namespace sanad::store {

// The lot of the item with this number and expiry, created when there is none.
Result<stock::Lot> FindOrCreateLot(Connection& c, int64_t organisation_id, int64_t item_id,
                                   const std::string& number, const std::string& expiry,
                                   int64_t now);
// A lot of the organisation; nullopt when there is none.
Result<std::optional<stock::Lot>> GetLot(Connection& c, int64_t organisation_id, int64_t lot_id);

// Lots of the item holding stock in the warehouse, first expiry first out: earliest expiry,
// then lots without expiry, then the oldest lot.
Result<std::vector<stock::LotBalance>> ListLotBalances(Connection& c, int64_t warehouse_id,
                                                       int64_t item_id);
Result<int64_t> LotOnHand(Connection& c, int64_t warehouse_id, int64_t lot_id);
Result<int64_t> ItemOnHand(Connection& c, int64_t warehouse_id, int64_t item_id);

// Names for messages ("40 kit of Hygiene kit in Duhok central warehouse"); empty when unknown.
struct StockLabel {
  std::string item_name;
  std::string unit;
  std::string warehouse_name;
};
Result<StockLabel> GetStockLabel(Connection& c, int64_t warehouse_id, int64_t item_id);

// Appends the movement (filling m->id) and adds its quantity to the lot's balance in the
// warehouse. The caller has checked the balance stays at or above zero; the table's CHECK
// refuses otherwise (failed_precondition).
Status AppendMovement(Connection& c, stock::Movement* m);
// The ledger's select ("SELECT … FROM stock_movements m JOIN warehouses w … JOIN items i …
// JOIN lots l "; append WHERE/ORDER) and its row, for every list of movements.
std::string_view MovementSelect();
stock::Movement MovementFromRow(const Row& r);
// Movements of a collection, oldest first.
Result<std::vector<stock::Movement>> ListCollectionMovements(Connection& c, int64_t collection_id);

struct Reservation {
  int64_t distribution_id = 0;
  int64_t warehouse_id = 0;
  int64_t item_id = 0;
  int64_t quantity = 0;          // still held
  int64_t reserved_at_plan = 0;  // what the plan reserved
  int64_t released = 0;          // given back at close or cancel
};

// What every round holds of the item in the warehouse, except `except_distribution` (0 = none).
Result<int64_t> ReservedTotal(Connection& c, int64_t warehouse_id, int64_t item_id,
                              int64_t except_distribution = 0);
Result<std::vector<Reservation>> ListReservations(Connection& c, int64_t distribution_id);
// Inserts or replaces the round's reservation of the item.
Status PutReservation(Connection& c, const Reservation& r);
Status SetReservationQuantity(Connection& c, int64_t distribution_id, int64_t item_id,
                              int64_t quantity);
// Every reservation of the round: released += quantity, quantity = 0.
Status ReleaseReservations(Connection& c, int64_t distribution_id);
Status DeleteReservations(Connection& c, int64_t distribution_id);

}  // namespace sanad::store
