// Schema migrations: numbered SQL files in store/migrations/, compiled into the program and
// applied in order, each in its own transaction, recorded in schema_migrations. A landed
// migration is never edited; a change is a new file.
#pragma once

#include "base/status.h"
#include "store/database.h"

namespace sanad::store {

// Applies every migration not yet applied. Safe to call on every start and from several
// processes at once (the schema_migrations primary key stops a second apply).
Status Migrate(Database& db);

// The highest migration number this program knows.
int LatestMigration();

}  // namespace sanad::store
