// Transfers between warehouses of stock_store.h.
#include "store/stock_store.h"

namespace sanad::store {
namespace {

using stock::Transfer;
using stock::TransferLine;

constexpr std::string_view kTransferColumns =
    "SELECT t.id, t.organisation_id, t.version, t.status, t.from_warehouse_id, "
    "t.to_warehouse_id, t.waybill, t.note, t.dispatched_at, t.dispatched_by, "
    "t.dispatched_by_name, t.received_at, t.received_by, t.received_by_name, f.name, d.name "
    "FROM stock_transfers t JOIN warehouses f ON f.id = t.from_warehouse_id "
    "JOIN warehouses d ON d.id = t.to_warehouse_id ";
constexpr std::string_view kLineColumns =
    "SELECT tl.item_id, tl.lot_id, tl.sent, tl.received, tl.loss_reason, i.code, i.name_en, "
    "i.unit, l.number, l.expiry FROM stock_transfer_lines tl JOIN items i ON i.id = tl.item_id "
    "JOIN lots l ON l.id = tl.lot_id WHERE tl.transfer_id = ? ORDER BY i.code, i.id, l.id";

Value OptionalId(int64_t id) { return id == 0 ? Value() : Value(id); }

Transfer ToTransfer(const Row& r) {
  return {.id = r.Int(0),
          .organisation_id = r.Int(1),
          .version = r.Int(2),
          .status = r.Text(3),
          .from_warehouse_id = r.Int(4),
          .to_warehouse_id = r.Int(5),
          .waybill = r.Text(6),
          .note = r.Text(7),
          .dispatched_at = r.Int(8),
          .dispatched_by = r.Int(9),
          .dispatched_by_name = r.Text(10),
          .received_at = r.Int(11),
          .received_by = r.Int(12),
          .received_by_name = r.Text(13),
          .from_name = r.Text(14),
          .to_name = r.Text(15)};
}

Status LoadLines(Connection& c, Transfer* t) {
  const Value p[] = {t->id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kLineColumns, p));
  t->lines.clear();
  for (const Row& r : rows) {
    t->lines.push_back({.item_id = r.Int(0),
                        .lot_id = r.Int(1),
                        .sent = r.Int(2),
                        .received = r.IsNull(3) ? std::nullopt : std::optional<int64_t>(r.Int(3)),
                        .loss_reason = r.Text(4),
                        .item_code = r.Text(5),
                        .item_name_en = r.Text(6),
                        .item_unit = r.Text(7),
                        .lot_number = r.Text(8),
                        .lot_expiry = r.Text(9)});
  }
  return Status::Ok();
}

std::string TransferWhere(const TransferFilter& f, std::vector<Value>* params) {
  std::string where = "WHERE t.organisation_id = ?";
  params->push_back(f.organisation_id);
  if (!f.status.empty()) {
    where += " AND t.status = ?";
    params->push_back(f.status);
  }
  if (f.warehouse_id != 0) {
    where += " AND (t.from_warehouse_id = ? OR t.to_warehouse_id = ?)";
    params->push_back(f.warehouse_id);
    params->push_back(f.warehouse_id);
  }
  return where;
}

}  // namespace

Status InsertTransfer(Connection& c, Transfer* t) {
  const Value p[] = {
      t->organisation_id,   t->status, t->from_warehouse_id, t->to_warehouse_id,
      t->waybill,           t->note,   t->dispatched_at,     OptionalId(t->dispatched_by),
      t->dispatched_by_name};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows,
      c.Query("INSERT INTO stock_transfers (organisation_id, version, status, from_warehouse_id, "
              "to_warehouse_id, waybill, note, dispatched_at, dispatched_by, dispatched_by_name) "
              "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              p));
  t->id = rows.front().Int(0);
  t->version = 1;
  return Status::Ok();
}

Status InsertTransferLine(Connection& c, int64_t transfer_id, const TransferLine& line) {
  const Value p[] = {transfer_id, line.lot_id, line.item_id, line.sent};
  return c
      .Execute(
          "INSERT INTO stock_transfer_lines (transfer_id, lot_id, item_id, sent) "
          "VALUES (?, ?, ?, ?)",
          p)
      .status();
}

Result<std::optional<Transfer>> GetTransfer(Connection& c, int64_t organisation_id, int64_t id) {
  const Value p[] = {id, organisation_id};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows,
      c.Query(std::string(kTransferColumns) + "WHERE t.id = ? AND t.organisation_id = ?", p));
  if (rows.empty()) return std::optional<Transfer>();
  Transfer t = ToTransfer(rows.front());
  SANAD_RETURN_IF_ERROR(LoadLines(c, &t));
  return std::optional<Transfer>(std::move(t));
}

Status MarkTransferReceived(Connection& c, Transfer* t, int64_t expected_version) {
  const Value p[] = {t->status,           t->received_at, OptionalId(t->received_by),
                     t->received_by_name, t->id,          t->organisation_id,
                     expected_version};
  SANAD_ASSIGN_OR_RETURN(
      const int64_t changed,
      c.Execute("UPDATE stock_transfers SET status = ?, received_at = ?, received_by = ?, "
                "received_by_name = ?, version = version + 1 WHERE id = ? AND "
                "organisation_id = ? AND version = ?",
                p));
  if (changed == 0) {
    const Value q[] = {t->id, t->organisation_id};
    SANAD_ASSIGN_OR_RETURN(
        Rows rows,
        c.Query("SELECT version FROM stock_transfers WHERE id = ? AND organisation_id = ?", q));
    if (rows.empty()) return Status::NotFound("transfer not found");
    const std::string current = std::to_string(rows.front().Int(0));
    return Status(StatusCode::kConflict,
                  "transfer " + std::to_string(t->id) + " was changed by someone else: version " +
                      std::to_string(expected_version) + " is stale, the current version is " +
                      current,
                  {{"version", "is stale: the current version is " + current}});
  }
  for (const TransferLine& line : t->lines) {
    const Value l[] = {line.received.value_or(0), line.loss_reason, t->id, line.lot_id};
    SANAD_RETURN_IF_ERROR(c.Execute("UPDATE stock_transfer_lines SET received = ?, loss_reason = ? "
                                    "WHERE transfer_id = ? AND lot_id = ?",
                                    l)
                              .status());
  }
  t->version = expected_version + 1;
  return Status::Ok();
}

Result<std::vector<Transfer>> ListTransfers(Connection& c, const TransferFilter& f) {
  std::vector<Value> params;
  const std::string sql = std::string(kTransferColumns) + TransferWhere(f, &params) +
                          " ORDER BY t.id DESC LIMIT ? OFFSET ?";
  params.emplace_back(int64_t{f.limit});
  params.emplace_back(int64_t{f.offset});
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<Transfer> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    out.push_back(ToTransfer(r));
    SANAD_RETURN_IF_ERROR(LoadLines(c, &out.back()));
  }
  return out;
}

Result<int64_t> CountTransfers(Connection& c, const TransferFilter& f) {
  std::vector<Value> params;
  const std::string sql = "SELECT COUNT(*) FROM stock_transfers t " + TransferWhere(f, &params);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  return rows.front().Int(0);
}

}  // namespace sanad::store
