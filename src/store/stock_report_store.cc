// The ledger's lists and the stock report's parts of stock_store.h.
#include "store/stock_ledger_store.h"
#include "store/stock_store.h"

namespace sanad::store {
namespace {

std::string MovementWhere(const MovementFilter& f, std::vector<Value>* params) {
  std::string where = "WHERE m.organisation_id = ?";
  params->push_back(f.organisation_id);
  const std::pair<const char*, int64_t> ids[] = {{" AND m.warehouse_id = ?", f.warehouse_id},
                                                 {" AND m.item_id = ?", f.item_id},
                                                 {" AND m.distribution_id = ?", f.distribution_id},
                                                 {" AND m.transfer_id = ?", f.transfer_id}};
  for (const auto& [sql, id] : ids) {
    if (id == 0) continue;
    where += sql;
    params->push_back(id);
  }
  if (!f.kind.empty()) {
    where += " AND m.kind = ?";
    params->push_back(f.kind);
  }
  if (f.from_at != 0) {
    where += " AND m.at >= ?";
    params->push_back(f.from_at);
  }
  if (f.to_at != 0) {
    where += " AND m.at < ?";
    params->push_back(f.to_at);
  }
  return where;
}

// The organisation's warehouses and items a report part covers; `w` and `i` aliases.
std::string BalanceWhere(const BalanceFilter& f, std::string_view warehouse_column,
                         std::string_view item_column, std::vector<Value>* params) {
  std::string where = "WHERE w.organisation_id = ?";
  params->push_back(f.organisation_id);
  if (f.warehouse_id != 0) {
    where += " AND " + std::string(warehouse_column) + " = ?";
    params->push_back(f.warehouse_id);
  }
  if (f.item_id != 0) {
    where += " AND " + std::string(item_column) + " = ?";
    params->push_back(f.item_id);
  }
  if (!f.category.empty()) {
    where += " AND i.category = ?";
    params->push_back(f.category);
  }
  return where;
}

Result<std::vector<ItemTotal>> Totals(Connection& c, const std::string& sql,
                                      const std::vector<Value>& params) {
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<ItemTotal> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    out.push_back({.warehouse_id = r.Int(0), .item_id = r.Int(1), .quantity = r.Int(2)});
  }
  return out;
}

}  // namespace

Result<std::vector<stock::Movement>> ListMovements(Connection& c, const MovementFilter& f) {
  std::vector<Value> params;
  const std::string sql = std::string(MovementSelect()) + MovementWhere(f, &params) +
                          (f.oldest_first ? " ORDER BY m.id" : " ORDER BY m.id DESC") +
                          " LIMIT ? OFFSET ?";
  params.emplace_back(int64_t{f.limit});
  params.emplace_back(int64_t{f.offset});
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<stock::Movement> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(MovementFromRow(r));
  return out;
}

Result<int64_t> CountMovements(Connection& c, const MovementFilter& f) {
  std::vector<Value> params;
  const std::string sql = "SELECT COUNT(*) FROM stock_movements m " + MovementWhere(f, &params);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  return rows.front().Int(0);
}

Result<std::vector<LotStock>> ListLotStock(Connection& c, const BalanceFilter& f) {
  std::vector<Value> params;
  const std::string sql =
      "SELECT b.warehouse_id, l.id, l.item_id, l.number, l.expiry, b.quantity "
      "FROM stock_balances b JOIN lots l ON l.id = b.lot_id "
      "JOIN warehouses w ON w.id = b.warehouse_id JOIN items i ON i.id = b.item_id " +
      BalanceWhere(f, "b.warehouse_id", "b.item_id", &params) +
      " AND b.quantity > 0 ORDER BY w.name, w.id, i.code, i.id, "
      "CASE WHEN l.expiry = '' THEN 1 ELSE 0 END, l.expiry, l.id";
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<LotStock> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    out.push_back(
        {.warehouse_id = r.Int(0),
         .lot = {.id = r.Int(1), .item_id = r.Int(2), .number = r.Text(3), .expiry = r.Text(4)},
         .quantity = r.Int(5)});
  }
  return out;
}

Result<std::vector<ItemTotal>> ListReservedTotals(Connection& c, const BalanceFilter& f) {
  std::vector<Value> params;
  const std::string sql =
      "SELECT r.warehouse_id, r.item_id, SUM(r.quantity) FROM stock_reservations r "
      "JOIN warehouses w ON w.id = r.warehouse_id JOIN items i ON i.id = r.item_id " +
      BalanceWhere(f, "r.warehouse_id", "r.item_id", &params) +
      " GROUP BY r.warehouse_id, r.item_id HAVING SUM(r.quantity) > 0";
  return Totals(c, sql, params);
}

Result<std::vector<ItemTotal>> ListIncomingTotals(Connection& c, const BalanceFilter& f) {
  std::vector<Value> params;
  const std::string sql =
      "SELECT t.to_warehouse_id, tl.item_id, SUM(tl.sent) FROM stock_transfer_lines tl "
      "JOIN stock_transfers t ON t.id = tl.transfer_id "
      "JOIN warehouses w ON w.id = t.to_warehouse_id JOIN items i ON i.id = tl.item_id " +
      BalanceWhere(f, "t.to_warehouse_id", "tl.item_id", &params) +
      " AND t.status = 'in_transit' GROUP BY t.to_warehouse_id, tl.item_id";
  return Totals(c, sql, params);
}

}  // namespace sanad::store
