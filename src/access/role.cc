#include "access/role.h"

namespace sanad::access {

bool RoleAllows(Role role, Permission permission) {
  switch (permission) {
    case Permission::kReadHouseholds:
      return true;
    case Permission::kWriteHouseholds:
      return role == Role::kAdmin || role == Role::kSupervisor || role == Role::kCaseworker ||
             role == Role::kRegistration;
    case Permission::kArchiveHouseholds:
    case Permission::kReadAudit:
      return role == Role::kAdmin || role == Role::kSupervisor;
    case Permission::kAdminister:
      return role == Role::kAdmin;
    case Permission::kReviewDuplicates:
      return role == Role::kAdmin || role == Role::kSupervisor || role == Role::kMeOfficer;
    case Permission::kImportHouseholds:
      return role == Role::kAdmin || role == Role::kSupervisor || role == Role::kMeOfficer ||
             role == Role::kRegistration;
    case Permission::kManageStock:
    case Permission::kPlanDistributions:
    case Permission::kManageCash:
      return role == Role::kAdmin || role == Role::kSupervisor || role == Role::kLogistics;
    case Permission::kManageProjects:
    case Permission::kExportReports:
      return role == Role::kAdmin || role == Role::kSupervisor || role == Role::kMeOfficer;
    case Permission::kRecordActivities:
      return role == Role::kAdmin || role == Role::kSupervisor || role == Role::kMeOfficer ||
             role == Role::kCaseworker || role == Role::kRegistration;
    case Permission::kReadReports:
      return true;
    case Permission::kRecordCollections:
      return role == Role::kAdmin || role == Role::kSupervisor || role == Role::kLogistics ||
             role == Role::kRegistration;
  }
  return false;
}

}  // namespace sanad::access
