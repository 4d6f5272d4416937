// Items and warehouses of StockService, and the helpers of stock_service_internal.h.
#include "stock/stock_service.h"

#include "matching/normalise.h"
#include "stock/catalogue.h"
#include "stock/stock_service_internal.h"
#include "store/audit_store.h"
#include "store/stock_ledger_store.h"
#include "store/stock_store.h"

namespace sanad::stock {
namespace internal {

int CheckPage(int page, int limit, int max_limit, std::vector<FieldError>* bad) {
  if (page < 1) bad->push_back({"page", "must be 1 or more"});
  if (limit < 1 || limit > max_limit) {
    bad->push_back({"limit", "must be between 1 and " + std::to_string(max_limit)});
  }
  return page >= 1 && limit >= 1 ? (page - 1) * limit : 0;
}

Result<std::optional<Item>> ItemFor(store::Connection& c, int64_t organisation_id, int64_t id,
                                    const std::string& field, std::vector<FieldError>* bad) {
  if (id <= 0) {
    bad->push_back({field, "is required"});
    return std::optional<Item>();
  }
  SANAD_ASSIGN_OR_RETURN(auto item, store::GetItem(c, organisation_id, id));
  if (!item) bad->push_back({field, "is not an item of your organisation"});
  return item;
}

Result<std::optional<Warehouse>> WarehouseFor(store::Connection& c, int64_t organisation_id,
                                              int64_t id, const std::string& field,
                                              std::vector<FieldError>* bad) {
  if (id <= 0) {
    bad->push_back({field, "is required"});
    return std::optional<Warehouse>();
  }
  SANAD_ASSIGN_OR_RETURN(auto w, store::GetWarehouse(c, organisation_id, id));
  if (!w) bad->push_back({field, "is not a warehouse of your organisation"});
  return w;
}

Result<std::optional<Lot>> LotFor(store::Connection& c, int64_t organisation_id, int64_t lot_id,
                                  int64_t item_id, const std::string& field,
                                  std::vector<FieldError>* bad) {
  SANAD_ASSIGN_OR_RETURN(auto lot, store::GetLot(c, organisation_id, lot_id));
  if (!lot) {
    bad->push_back({field, "is not a lot of your organisation"});
  } else if (item_id != 0 && lot->item_id != item_id) {
    bad->push_back({field, "is a lot of another item"});
    lot.reset();
  }
  return lot;
}

}  // namespace internal

namespace {

using internal::Deny;
using internal::Diff;
using internal::Entry;
using internal::MayManage;

std::vector<std::pair<std::string, std::string>> Fields(const Item& i) {
  return {{"code", i.code},
          {"name_en", i.name_en},
          {"name_ar", i.name_ar},
          {"name_ckb", i.name_ckb},
          {"unit", i.unit},
          {"category", i.category},
          {"active", i.active ? "true" : "false"}};
}

std::vector<std::pair<std::string, std::string>> Fields(const Warehouse& w) {
  return {{"name", w.name},
          {"pcode", w.pcode},
          {"address", w.address},
          {"active", w.active ? "true" : "false"}};
}

void Apply(const ItemEdit& e, Item* i) {
  for (auto [field, value] : {std::pair{&i->code, &e.code},
                              {&i->name_en, &e.name_en},
                              {&i->name_ar, &e.name_ar},
                              {&i->name_ckb, &e.name_ckb},
                              {&i->unit, &e.unit},
                              {&i->category, &e.category}}) {
    if (value->has_value()) *field = **value;
  }
  if (e.active.has_value()) i->active = *e.active;
}

void Apply(const WarehouseEdit& e, Warehouse* w) {
  for (auto [field, value] :
       {std::pair{&w->name, &e.name}, {&w->pcode, &e.pcode}, {&w->address, &e.address}}) {
    if (value->has_value()) *field = **value;
  }
  if (e.active.has_value()) w->active = *e.active;
}

std::optional<bool> ActiveFilter(const std::string& active, std::vector<FieldError>* bad) {
  if (active == "all") return std::nullopt;
  if (active != "true" && active != "false")
    bad->push_back({"active", "must be true, false or all"});
  return active != "false";
}

Status Taken(const std::string& field, const std::string& what, int64_t id) {
  return Status(StatusCode::kAlreadyExists,
                "your organisation already has " + what + " (" + std::to_string(id) + ")",
                {{field, "is already used by " + what + " " + std::to_string(id)}});
}

// Checks the item and that its code is free; then writes it.
Status SaveItem(store::Connection& c, Item* item, int64_t expected_version, int64_t now) {
  SANAD_ASSIGN_OR_RETURN(auto same, store::FindItemByCode(c, item->organisation_id, item->code));
  if (same && *same != item->id) return Taken("code", "the item of this code", *same);
  if (item->id == 0) return store::InsertItem(c, item, ItemSearchText(*item), now);
  return store::UpdateItem(c, item, expected_version, ItemSearchText(*item), now);
}

Status SaveWarehouse(store::Connection& c, Warehouse* w, int64_t expected_version, int64_t now) {
  const std::string key = WarehouseNameKey(w->name);
  SANAD_ASSIGN_OR_RETURN(auto same, store::FindWarehouseByNameKey(c, w->organisation_id, key));
  if (same && *same != w->id) return Taken("name", "the warehouse of this name", *same);
  if (w->id == 0) return store::InsertWarehouse(c, w, key, now);
  return store::UpdateWarehouse(c, w, expected_version, key, now);
}

}  // namespace

Result<Page<Item>> StockService::ListItems(const access::Actor& actor, const ItemQuery& q) const {
  std::vector<FieldError> bad;
  const int offset = internal::CheckPage(q.page, q.limit, kMaxLimit, &bad);
  if (!q.category.empty() && !IsItemCategory(q.category)) {
    bad.push_back({"category", Choices(kItemCategories.data(), kItemCategories.size())});
  }
  const auto active = ActiveFilter(q.active, &bad);
  if (!bad.empty()) return Status::InvalidArgument("bad list query", std::move(bad));
  const store::ItemFilter f{.organisation_id = actor.organisation_id,
                            .category = q.category,
                            .terms = matching::NormalisedWords(q.text),
                            .active = active,
                            .limit = q.limit,
                            .offset = offset};
  Page<Item> page{.page = q.page, .limit = q.limit};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(page.items, store::ListItems(c, f));
    SANAD_ASSIGN_OR_RETURN(page.total, store::CountItems(c, f));
    return Status::Ok();
  }));
  return page;
}

Result<Item> StockService::GetItem(const access::Actor& actor, int64_t id) const {
  std::optional<Item> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(out, store::GetItem(c, actor.organisation_id, id));
    return Status::Ok();
  }));
  if (!out) return Status::NotFound("item not found");
  return std::move(*out);
}

Result<Item> StockService::CreateItem(const access::Actor& actor, const ItemEdit& edit) {
  if (!MayManage(actor)) return Deny();
  Item item{.organisation_id = actor.organisation_id};
  Apply(edit, &item);
  item.active = true;
  std::vector<FieldError> bad;
  CheckItem(&item, &bad);
  if (!bad.empty()) return Status::InvalidArgument("item is invalid", std::move(bad));
  const int64_t now = clock_.NowSeconds();
  Item out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    out = item;
    SANAD_RETURN_IF_ERROR(SaveItem(c, &out, 0, now));
    return store::AppendAudit(
        c, Entry(actor, now, "create", "item", out.id, Diff(nullptr, Fields(out))));
  }));
  return out;
}

Result<Item> StockService::UpdateItem(const access::Actor& actor, int64_t id,
                                      const ItemEdit& edit) {
  if (!MayManage(actor)) return Deny();
  const int64_t now = clock_.NowSeconds();
  Item out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(const auto before, store::GetItem(c, actor.organisation_id, id));
    if (!before) return Status::NotFound("item not found");
    out = *before;
    Apply(edit, &out);
    std::vector<FieldError> bad;
    CheckItem(&out, &bad);
    if (!bad.empty()) return Status::InvalidArgument("item is invalid", std::move(bad));
    SANAD_RETURN_IF_ERROR(SaveItem(c, &out, edit.version, now));
    const auto was = Fields(*before);
    const auto changes = Diff(&was, Fields(out));
    if (changes.empty()) return Status::Ok();
    return store::AppendAudit(c, Entry(actor, now, "update", "item", out.id, changes));
  }));
  return out;
}

Result<Page<Warehouse>> StockService::ListWarehouses(const access::Actor& actor,
                                                     const WarehouseQuery& q) const {
  std::vector<FieldError> bad;
  const int offset = internal::CheckPage(q.page, q.limit, kMaxLimit, &bad);
  if (!q.pcode.empty() && !places_.Exists(q.pcode)) {
    bad.push_back({"pcode", "is not a known P-code"});
  }
  const auto active = ActiveFilter(q.active, &bad);
  if (!bad.empty()) return Status::InvalidArgument("bad list query", std::move(bad));
  const store::WarehouseFilter f{.organisation_id = actor.organisation_id,
                                 .pcode = q.pcode,
                                 .terms = matching::NormalisedWords(q.text),
                                 .active = active,
                                 .limit = q.limit,
                                 .offset = offset};
  Page<Warehouse> page{.page = q.page, .limit = q.limit};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(page.items, store::ListWarehouses(c, f));
    SANAD_ASSIGN_OR_RETURN(page.total, store::CountWarehouses(c, f));
    return Status::Ok();
  }));
  return page;
}

Result<Warehouse> StockService::GetWarehouse(const access::Actor& actor, int64_t id) const {
  std::optional<Warehouse> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(out, store::GetWarehouse(c, actor.organisation_id, id));
    return Status::Ok();
  }));
  if (!out) return Status::NotFound("warehouse not found");
  return std::move(*out);
}

Result<Warehouse> StockService::CreateWarehouse(const access::Actor& actor,
                                                const WarehouseEdit& edit) {
  if (!MayManage(actor)) return Deny();
  Warehouse w{.organisation_id = actor.organisation_id};
  Apply(edit, &w);
  w.active = true;
  std::vector<FieldError> bad;
  CheckWarehouse(places_, &w, &bad);
  if (!bad.empty()) return Status::InvalidArgument("warehouse is invalid", std::move(bad));
  const int64_t now = clock_.NowSeconds();
  Warehouse out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    out = w;
    SANAD_RETURN_IF_ERROR(SaveWarehouse(c, &out, 0, now));
    return store::AppendAudit(
        c, Entry(actor, now, "create", "warehouse", out.id, Diff(nullptr, Fields(out))));
  }));
  return out;
}

Result<Warehouse> StockService::UpdateWarehouse(const access::Actor& actor, int64_t id,
                                                const WarehouseEdit& edit) {
  if (!MayManage(actor)) return Deny();
  const int64_t now = clock_.NowSeconds();
  Warehouse out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(const auto before, store::GetWarehouse(c, actor.organisation_id, id));
    if (!before) return Status::NotFound("warehouse not found");
    out = *before;
    Apply(edit, &out);
    std::vector<FieldError> bad;
    CheckWarehouse(places_, &out, &bad);
    if (!bad.empty()) return Status::InvalidArgument("warehouse is invalid", std::move(bad));
    SANAD_RETURN_IF_ERROR(SaveWarehouse(c, &out, edit.version, now));
    const auto was = Fields(*before);
    const auto changes = Diff(&was, Fields(out));
    if (changes.empty()) return Status::Ok();
    return store::AppendAudit(c, Entry(actor, now, "update", "warehouse", out.id, changes));
  }));
  return out;
}

}  // namespace sanad::stock
