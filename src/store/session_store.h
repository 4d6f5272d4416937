// SQL for login sessions. Only a hash of the session token is stored, so a copy of the
// database cannot be used to log in. Functions run inside the caller's transaction.
#pragma once

#include <optional>
#include <string>

#include "base/status.h"
#include "store/database.h"

namespace sanad::store {

struct SessionRecord {
  std::string token_hash;
  int64_t user_id = 0;
  std::string csrf_token;
  int64_t created_at = 0;
  int64_t expires_at = 0;
};

Status InsertSession(Connection& c, const SessionRecord& s);
// The live session with this token hash (not expired at `now`), or nullopt.
Result<std::optional<SessionRecord>> FindSession(Connection& c, const std::string& token_hash,
                                                 int64_t now);
Status DeleteSession(Connection& c, const std::string& token_hash);
Status DeleteSessionsOfUser(Connection& c, int64_t user_id);
Status DeleteExpiredSessions(Connection& c, int64_t now);

}  // namespace sanad::store
