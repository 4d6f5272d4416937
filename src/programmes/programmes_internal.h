// Helpers shared by the programme services (office, project, activity and staff services): who
// may write, audit entries and their field changes, list paging and filters, and the error of a
// name or code already taken. Pure functions; thread-safe.
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

namespace sanad::programmes::internal {

inline constexpr int kMaxLimit = 200;

inline bool MayRead(const access::Actor& a) { return a.Can(access::Permission::kReadReports); }
inline bool MayManage(const access::Actor& a) { return a.Can(access::Permission::kManageProjects); }
inline bool MayRecord(const access::Actor& a) {
  return a.Can(access::Permission::kRecordActivities);
}
inline Status DenyRead() {
  return Status::PermissionDenied("your role does not read the programmes of your organisation");
}
inline Status DenyManage() {
  return Status::PermissionDenied(
      "only admins, supervisors and M&E officers maintain offices, projects and the staff roster");
}
inline Status DenyRecord() {
  return Status::PermissionDenied(
      "only admins, supervisors, M&E officers, caseworkers and registration clerks record "
      "activities");
}

// Every audit entry of this module is by the actor at the time of the change.
inline constexpr auto& Entry = access::EntryBy;

using Fields = access::AuditFields;
inline constexpr auto& Diff = access::DiffFields;

// page and limit of a list: appends FieldErrors, returns the offset.
int CheckPage(int page, int limit, std::vector<FieldError>* bad);
// A true/false/all filter: nullopt for "all" (and for "" when `empty_is_all`).
std::optional<bool> BoolFilter(const std::string& field, const std::string& value,
                               bool empty_is_all, std::vector<FieldError>* bad);

// AlreadyExists naming `field`: "your organisation already has <what> (<id>)".
Status Taken(const std::string& field, const std::string& what, int64_t id);

// "a,b,c" for the audit log.
std::string JoinedForAudit(const std::vector<std::string>& values);

}  // namespace sanad::programmes::internal
