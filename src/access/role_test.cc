#include "access/role.h"

#include <gtest/gtest.h>

namespace sanad::access {
namespace {

TEST(RoleTest, NamesRoundTrip) {
  for (Role r : {Role::kAdmin, Role::kSupervisor, Role::kCaseworker, Role::kRegistration,
                 Role::kMeOfficer, Role::kViewer}) {
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

}  // namespace
}  // namespace sanad::access
