#include "store/stock_ledger_store.h"

namespace sanad::store {
namespace {

using stock::Lot;
using stock::LotBalance;
using stock::Movement;

Value OptionalId(int64_t id) { return id == 0 ? Value() : Value(id); }

Lot ToLot(const Row& r, size_t first) {
  return {.id = r.Int(first),
          .item_id = r.Int(first + 1),
          .number = r.Text(first + 2),
          .expiry = r.Text(first + 3)};
}

// First expiry first out; '' (no expiry) sorts after every date, then the oldest lot.
constexpr std::string_view kFefoOrder =
    " ORDER BY CASE WHEN l.expiry = '' THEN 1 ELSE 0 END, l.expiry, l.id";

constexpr std::string_view kMovementColumns =
    "SELECT m.id, m.organisation_id, m.at, m.kind, m.warehouse_id, m.item_id, m.lot_id, "
    "m.quantity, m.donor, m.waybill, m.reason, m.note, m.transfer_id, m.distribution_id, "
    "m.collection_id, m.created_by, m.created_by_name, w.name, i.code, i.name_en, i.unit, "
    "l.number, l.expiry FROM stock_movements m JOIN warehouses w ON w.id = m.warehouse_id "
    "JOIN items i ON i.id = m.item_id JOIN lots l ON l.id = m.lot_id ";

}  // namespace

Movement MovementFromRow(const Row& r) {
  return {.id = r.Int(0),
          .organisation_id = r.Int(1),
          .at = r.Int(2),
          .kind = stock::ParseMovementKind(r.Text(3)).value_or(stock::MovementKind::kAdjustment),
          .warehouse_id = r.Int(4),
          .item_id = r.Int(5),
          .lot_id = r.Int(6),
          .quantity = r.Int(7),
          .donor = r.Text(8),
          .waybill = r.Text(9),
          .reason = r.Text(10),
          .note = r.Text(11),
          .transfer_id = r.Int(12),
          .distribution_id = r.Int(13),
          .collection_id = r.Int(14),
          .created_by = r.Int(15),
          .created_by_name = r.Text(16),
          .warehouse_name = r.Text(17),
          .item_code = r.Text(18),
          .item_name_en = r.Text(19),
          .item_unit = r.Text(20),
          .lot_number = r.Text(21),
          .lot_expiry = r.Text(22)};
}

std::string_view MovementSelect() { return kMovementColumns; }

Result<Lot> FindOrCreateLot(Connection& c, int64_t organisation_id, int64_t item_id,
                            const std::string& number, const std::string& expiry, int64_t now) {
  const Value find[] = {item_id, number, expiry};
  auto rows = c.Query(
      "SELECT id, item_id, number, expiry FROM lots WHERE item_id = ? AND number = ? AND "
      "expiry = ?",
      find);
  if (!rows.ok()) return rows.status();
  if (!rows->empty()) return ToLot(rows->front(), 0);
  const Value insert[] = {organisation_id, item_id, number, expiry, now};
  auto id = c.Query(
      "INSERT INTO lots (organisation_id, item_id, number, expiry, created_at) "
      "VALUES (?, ?, ?, ?, ?) RETURNING id",
      insert);
  if (!id.ok()) return id.status();
  return Lot{.id = id->front().Int(0), .item_id = item_id, .number = number, .expiry = expiry};
}

Result<std::optional<Lot>> GetLot(Connection& c, int64_t organisation_id, int64_t lot_id) {
  const Value p[] = {lot_id, organisation_id};
  auto rows = c.Query(
      "SELECT id, item_id, number, expiry FROM lots WHERE id = ? AND organisation_id = ?", p);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<Lot>();
  return std::optional<Lot>(ToLot(rows->front(), 0));
}

Result<std::vector<LotBalance>> ListLotBalances(Connection& c, int64_t warehouse_id,
                                                int64_t item_id) {
  const Value p[] = {warehouse_id, item_id};
  auto rows = c.Query(std::string("SELECT l.id, l.item_id, l.number, l.expiry, b.quantity "
                                  "FROM stock_balances b JOIN lots l ON l.id = b.lot_id "
                                  "WHERE b.warehouse_id = ? AND b.item_id = ? AND "
                                  "b.quantity > 0") +
                          std::string(kFefoOrder),
                      p);
  if (!rows.ok()) return rows.status();
  std::vector<LotBalance> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back({.lot = ToLot(r, 0), .quantity = r.Int(4)});
  return out;
}

Result<int64_t> LotOnHand(Connection& c, int64_t warehouse_id, int64_t lot_id) {
  const Value p[] = {warehouse_id, lot_id};
  auto rows =
      c.Query("SELECT quantity FROM stock_balances WHERE warehouse_id = ? AND lot_id = ?", p);
  if (!rows.ok()) return rows.status();
  return rows->empty() ? 0 : rows->front().Int(0);
}

Result<int64_t> ItemOnHand(Connection& c, int64_t warehouse_id, int64_t item_id) {
  const Value p[] = {warehouse_id, item_id};
  auto rows = c.Query(
      "SELECT COALESCE(SUM(quantity), 0) FROM stock_balances WHERE warehouse_id = ? AND "
      "item_id = ?",
      p);
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

Result<StockLabel> GetStockLabel(Connection& c, int64_t warehouse_id, int64_t item_id) {
  StockLabel out;
  const Value i[] = {item_id};
  auto item = c.Query("SELECT name_en, unit FROM items WHERE id = ?", i);
  if (!item.ok()) return item.status();
  if (!item->empty()) {
    out.item_name = item->front().Text(0);
    out.unit = item->front().Text(1);
  }
  const Value w[] = {warehouse_id};
  auto warehouse = c.Query("SELECT name FROM warehouses WHERE id = ?", w);
  if (!warehouse.ok()) return warehouse.status();
  if (!warehouse->empty()) out.warehouse_name = warehouse->front().Text(0);
  return out;
}

Status AppendMovement(Connection& c, Movement* m) {
  const Value p[] = {m->organisation_id,
                     m->at,
                     std::string(stock::MovementKindName(m->kind)),
                     m->warehouse_id,
                     m->item_id,
                     m->lot_id,
                     m->quantity,
                     m->donor,
                     m->waybill,
                     m->reason,
                     m->note,
                     OptionalId(m->transfer_id),
                     OptionalId(m->distribution_id),
                     OptionalId(m->collection_id),
                     OptionalId(m->created_by),
                     m->created_by_name};
  auto id = c.Query(
      "INSERT INTO stock_movements (organisation_id, at, kind, warehouse_id, item_id, lot_id, "
      "quantity, donor, waybill, reason, note, transfer_id, distribution_id, collection_id, "
      "created_by, created_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      p);
  if (!id.ok()) return id.status();
  m->id = id->front().Int(0);
  const Value b[] = {m->warehouse_id, m->lot_id, m->item_id, m->quantity};
  if (m->quantity < 0) {
    // Not an upsert: both backends check the CHECK on the row an INSERT proposes before they
    // look for the conflict, so a negative quantity in VALUES would always be refused.
    const Value u[] = {m->quantity, m->warehouse_id, m->lot_id};
    SANAD_ASSIGN_OR_RETURN(
        const int64_t changed,
        c.Execute("UPDATE stock_balances SET quantity = quantity + ? WHERE warehouse_id = ? AND "
                  "lot_id = ?",
                  u));
    if (changed > 0) return Status::Ok();
    // No balance yet: the insert below is refused by the CHECK (failed_precondition).
  }
  // ON CONFLICT ... DO UPDATE is spelled the same in SQLite (3.24+) and PostgreSQL.
  return c
      .Execute(
          "INSERT INTO stock_balances (warehouse_id, lot_id, item_id, quantity) "
          "VALUES (?, ?, ?, ?) ON CONFLICT (warehouse_id, lot_id) "
          "DO UPDATE SET quantity = stock_balances.quantity + excluded.quantity",
          b)
      .status();
}

Result<std::vector<Movement>> ListCollectionMovements(Connection& c, int64_t collection_id) {
  const Value p[] = {collection_id};
  auto rows = c.Query(std::string(kMovementColumns) + "WHERE m.collection_id = ? ORDER BY m.id", p);
  if (!rows.ok()) return rows.status();
  std::vector<Movement> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(MovementFromRow(r));
  return out;
}

Result<int64_t> ReservedTotal(Connection& c, int64_t warehouse_id, int64_t item_id,
                              int64_t except_distribution) {
  const Value p[] = {warehouse_id, item_id, except_distribution};
  auto rows = c.Query(
      "SELECT COALESCE(SUM(quantity), 0) FROM stock_reservations WHERE warehouse_id = ? AND "
      "item_id = ? AND distribution_id <> ?",
      p);
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

Result<std::vector<Reservation>> ListReservations(Connection& c, int64_t distribution_id) {
  const Value p[] = {distribution_id};
  auto rows = c.Query(
      "SELECT distribution_id, warehouse_id, item_id, quantity, reserved_at_plan, released "
      "FROM stock_reservations WHERE distribution_id = ? ORDER BY item_id",
      p);
  if (!rows.ok()) return rows.status();
  std::vector<Reservation> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) {
    out.push_back({.distribution_id = r.Int(0),
                   .warehouse_id = r.Int(1),
                   .item_id = r.Int(2),
                   .quantity = r.Int(3),
                   .reserved_at_plan = r.Int(4),
                   .released = r.Int(5)});
  }
  return out;
}

Status PutReservation(Connection& c, const Reservation& r) {
  const Value p[] = {r.distribution_id, r.warehouse_id,     r.item_id,
                     r.quantity,        r.reserved_at_plan, r.released};
  return c
      .Execute(
          "INSERT INTO stock_reservations (distribution_id, warehouse_id, item_id, quantity, "
          "reserved_at_plan, released) VALUES (?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (distribution_id, item_id) DO UPDATE SET warehouse_id = "
          "excluded.warehouse_id, quantity = excluded.quantity, reserved_at_plan = "
          "excluded.reserved_at_plan, released = excluded.released",
          p)
      .status();
}

Status SetReservationQuantity(Connection& c, int64_t distribution_id, int64_t item_id,
                              int64_t quantity) {
  const Value p[] = {quantity, distribution_id, item_id};
  return c
      .Execute(
          "UPDATE stock_reservations SET quantity = ? WHERE distribution_id = ? AND item_id = ?", p)
      .status();
}

Status ReleaseReservations(Connection& c, int64_t distribution_id) {
  const Value p[] = {distribution_id};
  return c
      .Execute(
          "UPDATE stock_reservations SET released = released + quantity, quantity = 0 "
          "WHERE distribution_id = ?",
          p)
      .status();
}

Status DeleteReservations(Connection& c, int64_t distribution_id) {
  const Value p[] = {distribution_id};
  return c.Execute("DELETE FROM stock_reservations WHERE distribution_id = ?", p).status();
}

}  // namespace sanad::store
