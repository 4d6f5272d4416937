// AdminService: organisations and users. Administrators administer the whole deployment
// (every organisation and its users); the CLI acts as a built-in administrator for setting
// up a new installation. Every change is audited. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/actor.h"
#include "access/user.h"
#include "base/clock.h"
#include "base/status.h"
#include "store/database.h"

namespace sanad::access {

struct NewUser {
  std::string username;
  std::string password;
  std::string role;
  int64_t organisation_id = 0;
  std::vector<std::string> modules;  // protection modules (caseworkers and supervisors only)
};

struct UserChange {
  std::optional<std::string> role;
  std::optional<bool> disabled;
  std::optional<std::string> password;
  std::optional<std::vector<std::string>> modules;
};

class AdminService {
 public:
  AdminService(store::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // The actor used by the CLI (`sanad user add`, `sanad demo`).
  static Actor SystemActor();

  Result<std::vector<Organisation>> ListOrganisations(const Actor& actor);
  // InvalidArgument for an empty or over-long name; Conflict if the name exists (ignoring
  // case, spacing and Arabic spelling variants).
  Result<Organisation> CreateOrganisation(const Actor& actor, const std::string& name);
  // The organisation named `name`, created if missing.
  Result<Organisation> EnsureOrganisation(const Actor& actor, const std::string& name);

  Result<std::vector<User>> ListUsers(const Actor& actor, int64_t organisation_id);
  // InvalidArgument naming the field; Conflict if the username is taken.
  Result<User> CreateUser(const Actor& actor, const NewUser& user);
  // Changing the password or disabling ends the user's sessions.
  Result<User> UpdateUser(const Actor& actor, int64_t id, const UserChange& change);

 private:
  store::Database& db_;
  const Clock& clock_;
};

}  // namespace sanad::access
