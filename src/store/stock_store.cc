// Items and warehouses of stock_store.h.
#include "store/stock_store.h"

#include "store/row_values_internal.h"
#include "store/sql_text_internal.h"

namespace sanad::store {
namespace {

using stock::Item;
using stock::Warehouse;

constexpr std::string_view kInsertItem =
    "INSERT INTO items (organisation_id, version, code, name_en, name_ar, name_ckb, unit, "
    "category, active, search_text, created_at, updated_at) "
    "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kItemColumns =
    "SELECT i.id, i.organisation_id, i.version, i.code, i.name_en, i.name_ar, i.name_ckb, "
    "i.unit, i.category, i.active, i.created_at, i.updated_at FROM items i ";
constexpr std::string_view kUpdateItem =
    "UPDATE items SET code = ?, name_en = ?, name_ar = ?, name_ckb = ?, unit = ?, category = ?, "
    "active = ?, search_text = ?, version = version + 1, updated_at = ? "
    "WHERE id = ? AND organisation_id = ? AND version = ?";
constexpr std::string_view kItemVersion =
    "SELECT version FROM items WHERE id = ? AND organisation_id = ?";

constexpr std::string_view kInsertWarehouse =
    "INSERT INTO warehouses (organisation_id, version, name, name_key, pcode, address, active, "
    "created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kWarehouseColumns =
    "SELECT w.id, w.organisation_id, w.version, w.name, w.pcode, w.address, w.active, "
    "w.created_at, w.updated_at FROM warehouses w ";
constexpr std::string_view kUpdateWarehouse =
    "UPDATE warehouses SET name = ?, name_key = ?, pcode = ?, address = ?, active = ?, "
    "version = version + 1, updated_at = ? WHERE id = ? AND organisation_id = ? AND version = ?";
constexpr std::string_view kWarehouseVersion =
    "SELECT version FROM warehouses WHERE id = ? AND organisation_id = ?";

Item ToItem(const Row& r) {
  return {.id = r.Int(0),
          .organisation_id = r.Int(1),
          .version = r.Int(2),
          .code = r.Text(3),
          .name_en = r.Text(4),
          .name_ar = r.Text(5),
          .name_ckb = r.Text(6),
          .unit = r.Text(7),
          .category = r.Text(8),
          .active = r.Int(9) != 0,
          .created_at = r.Int(10),
          .updated_at = r.Int(11)};
}

Warehouse ToWarehouse(const Row& r) {
  return {.id = r.Int(0),
          .organisation_id = r.Int(1),
          .version = r.Int(2),
          .name = r.Text(3),
          .pcode = r.Text(4),
          .address = r.Text(5),
          .active = r.Int(6) != 0,
          .created_at = r.Int(7),
          .updated_at = r.Int(8)};
}

using row_values::Flag;
using row_values::StaleOrMissing;

std::string ItemWhere(const ItemFilter& f, std::vector<Value>* params) {
  std::string where = "WHERE i.organisation_id = ?";
  params->push_back(f.organisation_id);
  if (!f.category.empty()) {
    where += " AND i.category = ?";
    params->push_back(f.category);
  }
  if (f.active.has_value()) {
    where += " AND i.active = ?";
    params->push_back(Flag(*f.active));
  }
  for (const auto& t : f.terms) {
    where += " AND i.search_text LIKE ? ESCAPE '\\'";
    params->push_back("%" + EscapeLike(t) + "%");
  }
  return where;
}

std::string WarehouseWhere(const WarehouseFilter& f, std::vector<Value>* params) {
  std::string where = "WHERE w.organisation_id = ?";
  params->push_back(f.organisation_id);
  if (!f.pcode.empty()) {
    where += " AND w.pcode >= ?";
    params->push_back(f.pcode);
    if (std::string end = PrefixEnd(f.pcode); !end.empty()) {
      where += " AND w.pcode < ?";
      params->push_back(std::move(end));
    }
  }
  if (f.active.has_value()) {
    where += " AND w.active = ?";
    params->push_back(Flag(*f.active));
  }
  for (const auto& t : f.terms) {
    where += " AND w.name_key LIKE ? ESCAPE '\\'";
    params->push_back("%" + EscapeLike(t) + "%");
  }
  return where;
}

}  // namespace

Status InsertItem(Connection& c, Item* item, const std::string& search_text, int64_t now) {
  const Value p[] = {item->organisation_id,
                     item->code,
                     item->name_en,
                     item->name_ar,
                     item->name_ckb,
                     item->unit,
                     item->category,
                     Flag(item->active),
                     search_text,
                     now,
                     now};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsertItem, p));
  item->id = rows.front().Int(0);
  item->version = 1;
  item->created_at = item->updated_at = now;
  return Status::Ok();
}

Result<std::optional<Item>> GetItem(Connection& c, int64_t organisation_id, int64_t id) {
  const Value p[] = {id, organisation_id};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows,
      c.Query(std::string(kItemColumns) + "WHERE i.id = ? AND i.organisation_id = ?", p));
  if (rows.empty()) return std::optional<Item>();
  return std::optional<Item>(ToItem(rows.front()));
}

Result<std::optional<int64_t>> FindItemByCode(Connection& c, int64_t organisation_id,
                                              const std::string& code) {
  const Value p[] = {organisation_id, code};
  SANAD_ASSIGN_OR_RETURN(Rows rows,
                         c.Query("SELECT id FROM items WHERE organisation_id = ? AND code = ?", p));
  if (rows.empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows.front().Int(0));
}

Status UpdateItem(Connection& c, Item* item, int64_t expected_version,
                  const std::string& search_text, int64_t now) {
  const Value p[] = {item->code, item->name_en,  item->name_ar,         item->name_ckb,
                     item->unit, item->category, Flag(item->active),    search_text,
                     now,        item->id,       item->organisation_id, expected_version};
  SANAD_ASSIGN_OR_RETURN(const int64_t changed, c.Execute(kUpdateItem, p));
  if (changed == 0) {
    return StaleOrMissing(c, kItemVersion, "item", item->id, item->organisation_id,
                          expected_version);
  }
  item->version = expected_version + 1;
  item->updated_at = now;
  return Status::Ok();
}

Result<std::vector<Item>> ListItems(Connection& c, const ItemFilter& f) {
  std::vector<Value> params;
  const std::string sql =
      std::string(kItemColumns) + ItemWhere(f, &params) + " ORDER BY i.code, i.id LIMIT ? OFFSET ?";
  params.emplace_back(int64_t{f.limit});
  params.emplace_back(int64_t{f.offset});
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<Item> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ToItem(r));
  return out;
}

Result<int64_t> CountItems(Connection& c, const ItemFilter& f) {
  std::vector<Value> params;
  const std::string sql = "SELECT COUNT(*) FROM items i " + ItemWhere(f, &params);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  return rows.front().Int(0);
}

Status InsertWarehouse(Connection& c, Warehouse* w, const std::string& name_key, int64_t now) {
  const Value p[] = {w->organisation_id, w->name,         name_key, w->pcode,
                     w->address,         Flag(w->active), now,      now};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsertWarehouse, p));
  w->id = rows.front().Int(0);
  w->version = 1;
  w->created_at = w->updated_at = now;
  return Status::Ok();
}

Result<std::optional<Warehouse>> GetWarehouse(Connection& c, int64_t organisation_id, int64_t id) {
  const Value p[] = {id, organisation_id};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows,
      c.Query(std::string(kWarehouseColumns) + "WHERE w.id = ? AND w.organisation_id = ?", p));
  if (rows.empty()) return std::optional<Warehouse>();
  return std::optional<Warehouse>(ToWarehouse(rows.front()));
}

Result<std::optional<int64_t>> FindWarehouseByNameKey(Connection& c, int64_t organisation_id,
                                                      const std::string& name_key) {
  const Value p[] = {organisation_id, name_key};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows,
      c.Query("SELECT id FROM warehouses WHERE organisation_id = ? AND name_key = ?", p));
  if (rows.empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows.front().Int(0));
}

Status UpdateWarehouse(Connection& c, Warehouse* w, int64_t expected_version,
                       const std::string& name_key, int64_t now) {
  const Value p[] = {w->name, name_key, w->pcode,           w->address,      Flag(w->active),
                     now,     w->id,    w->organisation_id, expected_version};
  SANAD_ASSIGN_OR_RETURN(const int64_t changed, c.Execute(kUpdateWarehouse, p));
  if (changed == 0) {
    return StaleOrMissing(c, kWarehouseVersion, "warehouse", w->id, w->organisation_id,
                          expected_version);
  }
  w->version = expected_version + 1;
  w->updated_at = now;
  return Status::Ok();
}

Result<std::vector<Warehouse>> ListWarehouses(Connection& c, const WarehouseFilter& f) {
  std::vector<Value> params;
  const std::string sql = std::string(kWarehouseColumns) + WarehouseWhere(f, &params) +
                          " ORDER BY w.name, w.id LIMIT ? OFFSET ?";
  params.emplace_back(int64_t{f.limit});
  params.emplace_back(int64_t{f.offset});
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<Warehouse> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ToWarehouse(r));
  return out;
}

Result<int64_t> CountWarehouses(Connection& c, const WarehouseFilter& f) {
  std::vector<Value> params;
  const std::string sql = "SELECT COUNT(*) FROM warehouses w " + WarehouseWhere(f, &params);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  return rows.front().Int(0);
}

}  // namespace sanad::store
