#include "access/role.h"

#include <gtest/gtest.h>

namespace sanad::access {
namespace {

TEST(RoleTest, NamesRoundTrip) {
  for (Role r : {Role::kAdmin, Role::kSupervisor, Role::kCaseworker, Role::kRegistration,
                 Role::kMeOfficer, Role::kViewer, Role::kLogistics}) {
    EXPECT_EQ(ParseRole(RoleName(r)), r);
  }
  EXPECT_FALSE(ParseRole("root").has_value());
}

TEST(RoleTest, ViewersAndMeOfficersOnlyRead) {
  for (Role r : {Role::kViewer, Role::kMeOfficer}) {
    EXPECT_TRUE(RoleAllows(r, Permission::kReadHouseholds));
    EXPECT_FALSE(RoleAllows(r, Permission::kWriteHouseholds));
    EXPECT_FALSE(RoleAllows(r, Permission::kArchiveHouseholds));
    EXPECT_FALSE(RoleAllows(r, Permission::kAdminister));
  }
  EXPECT_TRUE(RoleAllows(Role::kRegistration, Permission::kWriteHouseholds));
  EXPECT_FALSE(RoleAllows(Role::kRegistration, Permission::kArchiveHouseholds));
  EXPECT_FALSE(RoleAllows(Role::kSupervisor, Permission::kAdminister));
}

// docs/assistance.md: logistics officers run stock, rounds and cash but do not register
// households; registration clerks record collections at the distribution point only.
TEST(RoleTest, LogisticsRunsAssistance) {
  for (Permission p : {Permission::kManageStock, Permission::kPlanDistributions,
                       Permission::kRecordCollections, Permission::kManageCash}) {
    EXPECT_TRUE(RoleAllows(Role::kLogistics, p));
    EXPECT_TRUE(RoleAllows(Role::kSupervisor, p));
    EXPECT_FALSE(RoleAllows(Role::kViewer, p));
    EXPECT_FALSE(RoleAllows(Role::kCaseworker, p));
    EXPECT_FALSE(RoleAllows(Role::kMeOfficer, p));
  }
  EXPECT_TRUE(RoleAllows(Role::kRegistration, Permission::kRecordCollections));
  EXPECT_FALSE(RoleAllows(Role::kRegistration, Permission::kPlanDistributions));
  EXPECT_FALSE(RoleAllows(Role::kLogistics, Permission::kWriteHouseholds));
  EXPECT_TRUE(RoleAllows(Role::kLogistics, Permission::kReadHouseholds));
}

// docs/programmes.md: M&E officers run projects and indicators; field staff record activities;
// everyone of the organisation reads its figures, only managers export them.
TEST(RoleTest, MeOfficersRunProjectsAndFieldStaffRecordActivities) {
  for (Role r : {Role::kAdmin, Role::kSupervisor, Role::kMeOfficer}) {
    EXPECT_TRUE(RoleAllows(r, Permission::kManageProjects));
    EXPECT_TRUE(RoleAllows(r, Permission::kExportReports));
  }
  for (Role r : {Role::kViewer, Role::kCaseworker, Role::kRegistration, Role::kLogistics}) {
    EXPECT_FALSE(RoleAllows(r, Permission::kManageProjects));
    EXPECT_FALSE(RoleAllows(r, Permission::kExportReports));
    EXPECT_TRUE(RoleAllows(r, Permission::kReadReports));
  }
  EXPECT_TRUE(RoleAllows(Role::kCaseworker, Permission::kRecordActivities));
  EXPECT_TRUE(RoleAllows(Role::kRegistration, Permission::kRecordActivities));
  EXPECT_FALSE(RoleAllows(Role::kViewer, Permission::kRecordActivities));
  EXPECT_FALSE(RoleAllows(Role::kLogistics, Permission::kRecordActivities));
}

}  // namespace
}  // namespace sanad::access
