// SQL for organisations and users (store side of access/). Functions run on a Connection
// inside the caller's transaction. Names are unique case- and spelling-insensitively
// (the caller passes the folded key).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/user.h"
#include "base/status.h"
#include "store/database.h"

namespace sanad::store {

// AlreadyExists when an organisation with the same key exists.
Result<access::Organisation> InsertOrganisation(Connection& c, const std::string& name,
                                                const std::string& name_key, int64_t now);
Result<std::optional<access::Organisation>> FindOrganisationByKey(Connection& c,
                                                                  const std::string& name_key);
Result<std::optional<access::Organisation>> FindOrganisation(Connection& c, int64_t id);
Result<std::vector<access::Organisation>> ListOrganisations(Connection& c);

// AlreadyExists when the username is taken.
Result<access::User> InsertUser(Connection& c, const access::User& user, int64_t now);
Result<std::optional<access::User>> FindUserByName(Connection& c, const std::string& username);
Result<std::optional<access::User>> FindUser(Connection& c, int64_t id);
// All users, or those of one organisation when organisation_id != 0.
Result<std::vector<access::User>> ListUsers(Connection& c, int64_t organisation_id);
Status UpdateUser(Connection& c, const access::User& user);

}  // namespace sanad::store
