// Helpers shared by the report services (indicators, dashboard, exports), for this module
// only: who may read, write and export, audit entries, and list paging. Pure functions;
// thread-safe.
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

namespace sanad::reports::internal {

inline constexpr int kMaxLimit = 200;

inline Status CheckRead(const access::Actor& a) {
  if (a.Can(access::Permission::kReadReports)) return Status::Ok();
  return Status::PermissionDenied("your role does not read the reports of your organisation");
}
inline Status CheckManage(const access::Actor& a) {
  if (a.Can(access::Permission::kManageProjects)) return Status::Ok();
  return Status::PermissionDenied(
      "only admins, supervisors and M&E officers maintain the indicators of projects");
}
inline Status CheckExport(const access::Actor& a) {
  if (a.Can(access::Permission::kExportReports)) return Status::Ok();
  return Status::PermissionDenied(
      "only admins, supervisors and M&E officers export reports of the organisation");
}

// Every audit entry of this module is by the actor at the time of the change.
inline constexpr auto& Entry = access::EntryBy;

using Fields = access::AuditFields;
inline constexpr auto& Diff = access::DiffFields;

// page and limit of a list: appends FieldErrors, returns the offset.
inline int CheckPage(int page, int limit, std::vector<FieldError>* bad) {
  if (page < 1) bad->push_back({"page", "must be 1 or more"});
  if (limit < 1 || limit > kMaxLimit) bad->push_back({"limit", "must be 1 to 200"});
  return page >= 1 && limit >= 1 ? (page - 1) * limit : 0;
}

}  // namespace sanad::reports::internal
