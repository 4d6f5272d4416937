// Roles a user can hold, and what each may do. Pure functions over enums; thread-safe.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace sanad::access {

enum class Role {
  kAdmin,
  kSupervisor,
  kCaseworker,
  kRegistration,
  kMeOfficer,
  kViewer,
  kLogistics
};

enum class Permission {
  kReadHouseholds,     // see the organisation's households and their history
  kWriteHouseholds,    // register and edit households
  kArchiveHouseholds,  // archive (soft-delete) a household
  kReadAudit,          // read the organisation's audit log
  kAdminister,         // manage organisations and users (deployment-wide)
  kReviewDuplicates,   // run deduplication and decide (merge or keep apart) its groups
  kImportHouseholds,   // register households in bulk from a CSV or XLSX file
  kManageStock,        // items, warehouses, receipts, losses, adjustments, transfers
  kPlanDistributions,  // create, plan, open, close and cancel distribution rounds
  kRecordCollections,  // record and void collections at a distribution point
  kManageCash,         // change cash transfers' status, import reconciliation files
  kManageProjects,     // offices, projects, budgets and expenditures, indicators, staff roster
  kRecordActivities,   // record activities and their attendance
  kReadReports,        // dashboards, indicator progress, the organisation's figures
  kExportReports,      // 4W, donor and indicator exports (aggregates, never names)
};

// The wire and database names of roles. Inline: store/ persists roles and must not link
// access/ (which depends on store/).
inline constexpr std::array<std::pair<Role, std::string_view>, 7> kRoleNames = {{
    {Role::kAdmin, "admin"},
    {Role::kSupervisor, "supervisor"},
    {Role::kCaseworker, "caseworker"},
    {Role::kRegistration, "registration"},
    {Role::kMeOfficer, "me_officer"},
    {Role::kViewer, "viewer"},
    {Role::kLogistics, "logistics"},
}};

constexpr std::string_view RoleName(Role role) {
  for (const auto& [r, n] : kRoleNames) {
    if (r == role) return n;
  }
  return "viewer";
}

constexpr std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& [r, n] : kRoleNames) {
    if (n == name) return r;
  }
  return std::nullopt;
}

// The rule table of docs/api.md ("Roles").
bool RoleAllows(Role role, Permission permission);

}  // namespace sanad::access
