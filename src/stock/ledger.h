// The ledger's rules, as operations inside the caller's write transaction: every change of
// stock is a movement, a balance never goes below zero, stock leaves first-expiry-first-out,
// and what planned rounds reserved is not given to anyone else (docs/assistance.md). Stock
// services and distribution rounds both change stock only through these. Stateless functions;
// thread-safety is the Connection's (one thread per transaction).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "base/status.h"
#include "stock/stock.h"
#include "store/database.h"

namespace sanad::stock {

// A quantity of an item.
struct Need {
  int64_t item_id = 0;
  int64_t quantity = 0;
};

// What FEFO takes from one lot.
struct Take {
  LotBalance from;
  int64_t take = 0;
};

struct Pick {
  std::vector<Take> takes;
  int64_t short_by = 0;  // what the lots could not cover
};

// Lots to take `quantity` of the item from, first expiry first out. Reads only.
Result<Pick> PickFefo(store::Connection& c, int64_t warehouse_id, int64_t item_id,
                      int64_t quantity);

// What the item has in the warehouse: on hand, reserved by rounds, and the difference (which a
// loss may have pushed below zero).
struct Availability {
  int64_t on_hand = 0;
  int64_t reserved = 0;
  int64_t available() const { return on_hand - reserved; }
};
Result<Availability> ItemAvailability(store::Connection& c, int64_t warehouse_id, int64_t item_id);

// Brings `quantity` (> 0) of `lot` into the warehouse (receipt, transfer_in, return, or a
// positive adjustment). `m` carries kind, warehouse, item, lot and the descriptive fields; the
// context fills organisation, time and author. Returns the movement written.
Result<Movement> Bring(store::Connection& c, const MovementContext& ctx, Movement m);

// Takes `quantity` (> 0) of `m.item_id` out of `m.warehouse_id` (loss, transfer_out, a negative
// adjustment, issue): from `m.lot_id` when set, else FEFO over the lots, one movement per lot.
// Refused with Conflict naming `quantity` when a lot would go below zero, or when
// `respect_reservations` and the item would fall below what rounds reserved there (a round's
// own reservation, `m.distribution_id`, is counted as available to it). Nothing is written
// when refused.
Result<std::vector<Movement>> TakeOut(store::Connection& c, const MovementContext& ctx,
                                      const Movement& m, int64_t quantity,
                                      bool respect_reservations);

// Distribution rounds.
struct Reserved {
  int64_t item_id = 0;
  int64_t needed = 0;
  int64_t reserved = 0;  // min(needed, available)
};
// Reserves for a round what it needs of each item in its warehouse, as far as the stock not
// reserved by other rounds allows (a shortfall is not an error: it is reported).
Result<std::vector<Reserved>> ReserveForRound(store::Connection& c, int64_t distribution_id,
                                              int64_t warehouse_id, const std::vector<Need>& needs);
// Gives back what a round still holds (close, cancel): the reservation is kept as `released`.
Status ReleaseRound(store::Connection& c, int64_t distribution_id);
// Forgets a round's reservations entirely (back to draft: it never issued anything).
Status DropRound(store::Connection& c, int64_t distribution_id);

// Issues a collection's entitlement from the round's warehouse: `issue` movements (FEFO),
// taken first from the round's reservation, then from stock nobody reserved. Conflict naming
// the item (field `issued[<item_id>]`) when the whole entitlement cannot be covered; then
// nothing is issued.
Result<std::vector<Movement>> IssueForCollection(store::Connection& c, const MovementContext& ctx,
                                                 int64_t distribution_id, int64_t warehouse_id,
                                                 int64_t collection_id,
                                                 const std::vector<Need>& entitlement);
// Puts a voided collection's items back on the shelf (`return` movements, lot by lot); while
// the round is open they go back into its reservation.
Result<std::vector<Movement>> ReturnCollection(store::Connection& c, const MovementContext& ctx,
                                               int64_t distribution_id, int64_t collection_id,
                                               bool into_reservation);

}  // namespace sanad::stock
