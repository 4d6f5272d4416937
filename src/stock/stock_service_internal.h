// Helpers shared by the files of StockService (stock_service.cc, stock_movements.cc,
// stock_transfers.cc, stock_report.cc): the write permission, audit entries, list paging and
// lookups that turn another organisation's record into a field error. Pure or
// transaction-scoped functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "access/actor.h"
#include "access/audit_changes.h"
#include "access/audit_entry.h"
#include "base/status.h"
#include "stock/stock.h"
#include "store/database.h"

namespace sanad::stock::internal {

inline bool MayManage(const access::Actor& a) { return a.Can(access::Permission::kManageStock); }

inline Status Deny() {
  return Status::PermissionDenied(
      "only admins, supervisors and logistics officers change the stock of their organisation");
}

// Every audit entry of this module is by the actor at the time of the change.
inline constexpr auto& Entry = access::EntryBy;

inline constexpr auto& Diff = access::DiffFields;

inline MovementContext ContextOf(const access::Actor& a, int64_t now) {
  return {.organisation_id = a.organisation_id,
          .user_id = a.user_id,
          .username = a.username,
          .now = now};
}

// page and limit of a list: appends FieldErrors, returns the offset.
int CheckPage(int page, int limit, int max_limit, std::vector<FieldError>* bad);

// The organisation's item or warehouse for a field of a request; appends "<field>: not found"
// when it has none (another organisation's record is not found either).
Result<std::optional<Item>> ItemFor(store::Connection& c, int64_t organisation_id, int64_t id,
                                    const std::string& field, std::vector<FieldError>* bad);
Result<std::optional<Warehouse>> WarehouseFor(store::Connection& c, int64_t organisation_id,
                                              int64_t id, const std::string& field,
                                              std::vector<FieldError>* bad);
// The organisation's lot of `item_id` (any item when 0) for a request field.
Result<std::optional<Lot>> LotFor(store::Connection& c, int64_t organisation_id, int64_t lot_id,
                                  int64_t item_id, const std::string& field,
                                  std::vector<FieldError>* bad);

}  // namespace sanad::stock::internal
