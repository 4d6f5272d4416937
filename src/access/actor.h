// Actor: the authenticated user on whose behalf a domain call runs. Every domain function
// that reads or writes people's data takes one and checks it. A plain value.
#pragma once

#include <cstdint>
#include <string>

#include "access/case_module.h"
#include "access/role.h"

namespace sanad::access {

struct Actor {
  int64_t user_id = 0;
  std::string username;
  int64_t organisation_id = 0;
  std::string organisation_name;
  Role role = Role::kViewer;
  CaseModuleSet modules;  // protection modules whose cases the user may work on

  bool Can(Permission p) const { return RoleAllows(role, p); }
};

}  // namespace sanad::access
