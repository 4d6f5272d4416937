// Reading people (household members) across households: streaming every live person of the
// registry (to build in-memory indexes such as the people search), and fetching a few people
// by id with their household (to show search results). Functions run on a Connection inside the
// caller's transaction; like household_store.h, they never return archived people.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "base/status.h"
#include "registry/household.h"
#include "store/database.h"

namespace sanad::store {

// One live member and the household they belong to. `household` carries its id, version,
// organisation id, displacement status, location and phone, but no members and no
// organisation name.
struct PersonInHousehold {
  registry::Household household;
  registry::Member member;  // without disability answers
};

// Calls `fn` for every live member of every live household of every organisation, in member id
// order. Reads `batch` rows per statement, so memory stays flat however large the registry;
// run it in one kRead transaction for a consistent snapshot. Stops at the first error.
Status ForEachLivePerson(Connection& c, const std::function<void(const PersonInHousehold&)>& fn,
                         int batch = 10'000);
// The same for the households of one organisation.
Status ForEachLivePersonOf(Connection& c, int64_t organisation_id,
                           const std::function<void(const PersonInHousehold&)>& fn,
                           int batch = 10'000);

// The live people among `member_ids` whose household belongs to `organisation_id`, in member id
// order; ids that are unknown, archived or of another organisation are simply left out.
Result<std::vector<PersonInHousehold>> GetLivePeople(Connection& c, int64_t organisation_id,
                                                     std::span<const int64_t> member_ids);

}  // namespace sanad::store
