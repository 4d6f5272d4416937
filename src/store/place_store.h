// SQL for the places table (Iraq's P-coded administrative units).
#pragma once

#include <vector>

#include "base/status.h"
#include "registry/place.h"
#include "store/database.h"

namespace sanad::store {

// Inserts or replaces every place (reference data is reloaded on each start).
Status UpsertPlaces(Connection& c, const std::vector<registry::Place>& places);
Result<std::vector<registry::Place>> ListAllPlaces(Connection& c);

}  // namespace sanad::store
