#include "stock/ledger.h"

#include <algorithm>
#include <string>

#include "store/stock_ledger_store.h"

namespace sanad::stock {
namespace {

std::string Describe(store::Connection& c, int64_t warehouse_id, int64_t item_id,
                     int64_t quantity) {
  auto label = store::GetStockLabel(c, warehouse_id, item_id);
  if (!label.ok()) return std::to_string(quantity);
  return std::to_string(quantity) + " " + label->unit + " of " + label->item_name + " in " +
         label->warehouse_name;
}

Status Refused(std::string field, std::string message) {
  std::string reason = message;
  return {StatusCode::kConflict, std::move(message), {{std::move(field), std::move(reason)}}};
}

Movement Stamp(const MovementContext& ctx, Movement m) {
  m.organisation_id = ctx.organisation_id;
  m.at = ctx.now;
  m.created_by = ctx.user_id;
  m.created_by_name = ctx.username;
  return m;
}

}  // namespace

Result<Pick> PickFefo(store::Connection& c, int64_t warehouse_id, int64_t item_id,
                      int64_t quantity) {
  auto lots = store::ListLotBalances(c, warehouse_id, item_id);
  if (!lots.ok()) return lots.status();
  Pick pick;
  int64_t left = quantity;
  for (const LotBalance& lot : *lots) {
    if (left <= 0) break;
    const int64_t take = std::min(left, lot.quantity);
    pick.takes.push_back({.from = lot, .take = take});
    left -= take;
  }
  pick.short_by = std::max<int64_t>(left, 0);
  return pick;
}

Result<Availability> ItemAvailability(store::Connection& c, int64_t warehouse_id, int64_t item_id) {
  auto on_hand = store::ItemOnHand(c, warehouse_id, item_id);
  if (!on_hand.ok()) return on_hand.status();
  auto reserved = store::ReservedTotal(c, warehouse_id, item_id);
  if (!reserved.ok()) return reserved.status();
  return Availability{.on_hand = *on_hand, .reserved = *reserved};
}

Result<Movement> Bring(store::Connection& c, const MovementContext& ctx, Movement m) {
  if (m.quantity <= 0)
    return Status::InvalidArgument("quantity is invalid", {{"quantity", "must be > 0"}});
  m = Stamp(ctx, std::move(m));
  if (Status s = store::AppendMovement(c, &m); !s.ok()) return s;
  return m;
}

Result<std::vector<Movement>> TakeOut(store::Connection& c, const MovementContext& ctx,
                                      const Movement& m, int64_t quantity,
                                      bool respect_reservations) {
  if (quantity <= 0) {
    return Status::InvalidArgument("quantity is invalid", {{"quantity", "must be > 0"}});
  }
  if (respect_reservations) {
    auto on_hand = store::ItemOnHand(c, m.warehouse_id, m.item_id);
    if (!on_hand.ok()) return on_hand.status();
    auto others = store::ReservedTotal(c, m.warehouse_id, m.item_id, m.distribution_id);
    if (!others.ok()) return others.status();
    if (*on_hand - quantity < *others) {
      return Refused("quantity", "only " + Describe(c, m.warehouse_id, m.item_id, *on_hand) + " (" +
                                     std::to_string(*others) + " reserved for distributions)");
    }
  }
  std::vector<Take> takes;
  if (m.lot_id != 0) {
    // Every caller names a lot of the item it takes: a lot of another item would move the
    // wrong goods and leave two balances wrong.
    auto known = store::GetLot(c, ctx.organisation_id, m.lot_id);
    if (!known.ok()) return known.status();
    if (!known->has_value() || (*known)->item_id != m.item_id) {
      return Status::InvalidArgument("lot_id is invalid",
                                     {{"lot_id", "is not a lot of this item"}});
    }
    auto lot = store::LotOnHand(c, m.warehouse_id, m.lot_id);
    if (!lot.ok()) return lot.status();
    if (*lot < quantity) {
      return Refused("quantity", "only " + std::to_string(*lot) + " left of lot " +
                                     std::to_string(m.lot_id) + ": " +
                                     Describe(c, m.warehouse_id, m.item_id, *lot));
    }
    takes.push_back({.from = {.lot = {.id = m.lot_id, .item_id = m.item_id}}, .take = quantity});
  } else {
    auto pick = PickFefo(c, m.warehouse_id, m.item_id, quantity);
    if (!pick.ok()) return pick.status();
    if (pick->short_by > 0) {
      return Refused("quantity",
                     "only " + Describe(c, m.warehouse_id, m.item_id, quantity - pick->short_by));
    }
    takes = std::move(pick->takes);
  }
  std::vector<Movement> written;
  for (const Take& t : takes) {
    Movement out = Stamp(ctx, m);
    out.lot_id = t.from.lot.id;
    out.quantity = -t.take;
    if (Status s = store::AppendMovement(c, &out); !s.ok()) return s;
    written.push_back(std::move(out));
  }
  return written;
}

Result<std::vector<Reserved>> ReserveForRound(store::Connection& c, int64_t distribution_id,
                                              int64_t warehouse_id,
                                              const std::vector<Need>& needs) {
  std::vector<Reserved> out;
  for (const Need& n : needs) {
    auto on_hand = store::ItemOnHand(c, warehouse_id, n.item_id);
    if (!on_hand.ok()) return on_hand.status();
    auto others = store::ReservedTotal(c, warehouse_id, n.item_id, distribution_id);
    if (!others.ok()) return others.status();
    const int64_t free = std::max<int64_t>(*on_hand - *others, 0);
    const int64_t reserve = std::clamp<int64_t>(n.quantity, 0, free);
    Status s = store::PutReservation(c, {.distribution_id = distribution_id,
                                         .warehouse_id = warehouse_id,
                                         .item_id = n.item_id,
                                         .quantity = reserve,
                                         .reserved_at_plan = reserve});
    if (!s.ok()) return s;
    out.push_back({.item_id = n.item_id, .needed = n.quantity, .reserved = reserve});
  }
  return out;
}

Status ReleaseRound(store::Connection& c, int64_t distribution_id) {
  return store::ReleaseReservations(c, distribution_id);
}

Status DropRound(store::Connection& c, int64_t distribution_id) {
  return store::DeleteReservations(c, distribution_id);
}

Result<std::vector<Movement>> IssueForCollection(store::Connection& c, const MovementContext& ctx,
                                                 int64_t distribution_id, int64_t warehouse_id,
                                                 int64_t collection_id,
                                                 const std::vector<Need>& entitlement) {
  auto reservations = store::ListReservations(c, distribution_id);
  if (!reservations.ok()) return reservations.status();
  std::vector<Movement> issued;
  for (const Need& n : entitlement) {
    if (n.quantity <= 0) continue;
    int64_t own = 0;
    for (const auto& r : *reservations) {
      if (r.item_id == n.item_id) own = r.quantity;
    }
    Movement m{.kind = MovementKind::kIssue,
               .warehouse_id = warehouse_id,
               .item_id = n.item_id,
               .distribution_id = distribution_id,
               .collection_id = collection_id};
    auto out = TakeOut(c, ctx, m, n.quantity, /*respect_reservations=*/true);
    if (!out.ok()) {
      // The caller rolls the transaction back, so what earlier lines issued is undone too.
      const std::string field = "issued[" + std::to_string(n.item_id) + "]";
      return Status(StatusCode::kConflict, "out of stock: " + out.status().message(),
                    {{field, out.status().message()}});
    }
    if (own > 0) {
      Status s = store::SetReservationQuantity(c, distribution_id, n.item_id,
                                               own - std::min(own, n.quantity));
      if (!s.ok()) return s;
    }
    for (auto& mv : *out) issued.push_back(std::move(mv));
  }
  return issued;
}

Result<std::vector<Movement>> ReturnCollection(store::Connection& c, const MovementContext& ctx,
                                               int64_t distribution_id, int64_t collection_id,
                                               bool into_reservation) {
  auto movements = store::ListCollectionMovements(c, collection_id);
  if (!movements.ok()) return movements.status();
  auto reservations = store::ListReservations(c, distribution_id);
  if (!reservations.ok()) return reservations.status();
  std::vector<Movement> returned;
  for (const Movement& issued : *movements) {
    if (issued.kind != MovementKind::kIssue || issued.quantity >= 0) continue;
    Movement back{.kind = MovementKind::kReturn,
                  .warehouse_id = issued.warehouse_id,
                  .item_id = issued.item_id,
                  .lot_id = issued.lot_id,
                  .quantity = -issued.quantity,
                  .reason = "collection voided",
                  .distribution_id = distribution_id,
                  .collection_id = collection_id};
    auto written = Bring(c, ctx, back);
    if (!written.ok()) return written.status();
    if (into_reservation) {
      for (auto& r : *reservations) {
        if (r.item_id != issued.item_id) continue;
        r.quantity += -issued.quantity;
        Status s = store::SetReservationQuantity(c, distribution_id, r.item_id, r.quantity);
        if (!s.ok()) return s;
      }
    }
    returned.push_back(std::move(*written));
  }
  return returned;
}

}  // namespace sanad::stock
