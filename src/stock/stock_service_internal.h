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

inline access::AuditEntry Entry(const access::Actor& a, int64_t now, std::string action,
                                std::string entity, int64_t id,
                                std::vector<access::FieldChange> changes) {
  return {.at = now,
          .organisation_id = a.organisation_id,
          .user_id = a.user_id,
          .username = a.username,
          .action = std::move(action),
          .entity = std::move(entity),
          .entity_id = id,
          .changes = std::move(changes)};
}

// Audit changes of a record: fields whose value differs (all non-empty ones when created).
std::vector<access::FieldChange> Diff(
    const std::vector<std::pair<std::string, std::string>>* before,
    const std::vector<std::pair<std::string, std::string>>& after);

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
