// The SQLite backend: one database file in WAL mode with synchronous=FULL, so a committed
// transaction survives a crash or power loss. Connections are pooled (thread-safe); writers
// serialise (an in-process queue, then BEGIN IMMEDIATE with a busy timeout against other
// processes), readers run concurrently on snapshots.
#pragma once

#include <memory>
#include <string>

#include "base/status.h"
#include "store/database.h"

namespace sanad::store::sqlite {

// Unavailable when the file cannot be opened; FailedPrecondition when it cannot use WAL.
Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path);

}  // namespace sanad::store::sqlite
