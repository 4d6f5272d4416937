// Organisation and User records as the store keeps them. Plain values.
#pragma once

#include <cstdint>
#include <string>

#include "access/case_module.h"
#include "access/role.h"

namespace sanad::access {

struct Organisation {
  int64_t id = 0;
  std::string name;
  int64_t created_at = 0;
};

struct User {
  int64_t id = 0;
  std::string username;
  std::string password_hash;  // argon2id string from libsodium; never leaves the server
  Role role = Role::kViewer;
  CaseModuleSet modules;  // the protection modules the user works in (cases)
  int64_t organisation_id = 0;
  std::string organisation_name;
  bool disabled = false;
  int64_t created_at = 0;
};

}  // namespace sanad::access
