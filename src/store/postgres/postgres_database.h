// The PostgreSQL backend (libpq) for shared national deployments. Connections are pooled
// (thread-safe); portable `?` placeholders are rewritten to $n. Write transactions run at
// SERIALIZABLE, so code behaves as on SQLite (whose writers are serialised), and are retried
// on serialisation failures, deadlocks and connections lost before COMMIT. Read transactions
// are READ ONLY snapshots (REPEATABLE READ).
#pragma once

#include <memory>
#include <string>

#include "base/status.h"
#include "store/database.h"

namespace sanad::store::postgres {

// Unavailable when the server cannot be reached.
Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url);

}  // namespace sanad::store::postgres
