// HouseholdObserver: told about each household write once it has committed, so in-memory views
// of the registry (the people search index) stay current without the service knowing them.
// Called on the writing thread, after the transaction: implementations must be thread-safe,
// quick, and cannot fail the write (it is already durable).
#pragma once

#include <cstdint>

#include "registry/household.h"

namespace sanad::registry {

class HouseholdObserver {
 public:
  virtual ~HouseholdObserver() = default;
  // `h` as stored: its id, version and organisation, and its live members with their ids.
  virtual void HouseholdSaved(const Household& h) = 0;
  // The household and all its members were archived.
  virtual void HouseholdArchived(int64_t organisation_id, int64_t household_id) = 0;
};

}  // namespace sanad::registry
