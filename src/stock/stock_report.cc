// The stock report of StockService: per warehouse × item, what is on hand (lot by lot), what
// rounds reserved, what is on the way and what expires soon.
#include <algorithm>
#include <map>
#include <tuple>

#include "base/clock.h"
#include "stock/catalogue.h"
#include "stock/stock_service.h"
#include "stock/stock_service_internal.h"
#include "store/stock_store.h"

namespace sanad::stock {

Result<std::vector<BalanceRow>> StockService::Balances(const access::Actor& actor,
                                                       const BalanceQuery& q) const {
  std::vector<FieldError> bad;
  if (!q.category.empty() && !IsItemCategory(q.category)) {
    bad.push_back({"category", Choices(kItemCategories.data(), kItemCategories.size())});
  }
  if (q.expiring_days < 0 || q.expiring_days > 3660) {
    bad.push_back({"expiring_days", "must be between 0 and 3660"});
  }
  if (!bad.empty()) return Status::InvalidArgument("bad stock report query", std::move(bad));
  std::vector<BalanceRow> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(out, ReadBalances(c, actor, q));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<BalanceRow>> StockService::ReadBalances(store::Connection& c,
                                                           const access::Actor& actor,
                                                           const BalanceQuery& q) const {
  const store::BalanceFilter f{.organisation_id = actor.organisation_id,
                               .warehouse_id = q.warehouse_id,
                               .item_id = q.item_id,
                               .category = q.category};
  SANAD_ASSIGN_OR_RETURN(const auto lots, store::ListLotStock(c, f));
  SANAD_ASSIGN_OR_RETURN(const auto reserved, store::ListReservedTotals(c, f));
  SANAD_ASSIGN_OR_RETURN(const auto incoming, store::ListIncomingTotals(c, f));
  const int64_t today = DayNumber(FormatUtcDate(clock_.NowSeconds())).value_or(0);

  std::map<std::pair<int64_t, int64_t>, BalanceRow> rows;
  auto row = [&](int64_t warehouse_id, int64_t item_id) -> BalanceRow& {
    BalanceRow& r = rows[{warehouse_id, item_id}];
    r.warehouse.id = warehouse_id;
    r.item.id = item_id;
    return r;
  };
  for (const store::LotStock& l : lots) {
    BalanceRow& r = row(l.warehouse_id, l.lot.item_id);
    BalanceLot bl{.lot = l.lot, .quantity = l.quantity};
    if (auto day = DayNumber(l.lot.expiry)) {
      bl.expires_in_days = *day - today;
      if (*bl.expires_in_days <= q.expiring_days) r.expiring += l.quantity;
    }
    r.on_hand += l.quantity;
    r.lots.push_back(std::move(bl));
  }
  for (const store::ItemTotal& t : reserved) row(t.warehouse_id, t.item_id).reserved += t.quantity;
  for (const store::ItemTotal& t : incoming) row(t.warehouse_id, t.item_id).incoming += t.quantity;

  // Names and codes for display, each record read once.
  std::map<int64_t, Warehouse> warehouses;
  std::map<int64_t, Item> items;
  std::vector<BalanceRow> out;
  out.reserve(rows.size());
  for (auto& [key, r] : rows) {
    if (!warehouses.contains(key.first)) {
      SANAD_ASSIGN_OR_RETURN(auto w, store::GetWarehouse(c, actor.organisation_id, key.first));
      warehouses[key.first] = w.value_or(Warehouse{.id = key.first});
    }
    if (!items.contains(key.second)) {
      SANAD_ASSIGN_OR_RETURN(auto i, store::GetItem(c, actor.organisation_id, key.second));
      items[key.second] = i.value_or(Item{.id = key.second});
    }
    r.warehouse = warehouses[key.first];
    r.item = items[key.second];
    out.push_back(std::move(r));
  }
  std::sort(out.begin(), out.end(), [](const BalanceRow& a, const BalanceRow& b) {
    return std::tie(a.warehouse.name, a.warehouse.id, a.item.code, a.item.id) <
           std::tie(b.warehouse.name, b.warehouse.id, b.item.code, b.item.id);
  });
  return out;
}

}  // namespace sanad::stock
