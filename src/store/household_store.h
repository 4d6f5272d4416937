// SQL for households and their members (the people table). Functions run on a Connection
// inside the caller's transaction; every read is scoped to one organisation and skips
// archived households, so a household of another organisation is simply not found.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "registry/household.h"
#include "store/database.h"

namespace sanad::store {

struct HouseholdWrite {
  int64_t actor_id = 0;
  int64_t now = 0;
  std::string search_text;  // normalised names, phones and document numbers (registry builds it)
};

// Inserts *h (version 1) with its members; fills h->id, member ids and timestamps.
Status InsertHousehold(Connection& c, registry::Household* h, const HouseholdWrite& w);

// NotFound when absent, archived or of another organisation.
Result<registry::Household> GetHousehold(Connection& c, int64_t organisation_id, int64_t id);

// Writes *h over the stored version `expected_version`: Conflict when the stored version
// differs (nothing changes). Members with an id of this household are updated, others
// inserted, and stored members missing from h->members are archived. Bumps h->version.
Status UpdateHousehold(Connection& c, registry::Household* h, int64_t expected_version,
                       const HouseholdWrite& w);

// Marks the household and its members archived. NotFound as GetHousehold.
Status ArchiveHousehold(Connection& c, int64_t organisation_id, int64_t id, int64_t now);

// Search terms are already normalised words; every one must occur in the search text.
struct HouseholdFilter {
  int64_t organisation_id = 0;
  std::vector<std::string> terms;
  std::string pcode;  // the place and everything under it (a P-code prefix)
  std::string status;
  int limit = 25;
  int offset = 0;
};

Result<std::vector<registry::Household>> ListHouseholds(Connection& c, const HouseholdFilter& f);
Result<int64_t> CountHouseholds(Connection& c, const HouseholdFilter& f);

}  // namespace sanad::store
