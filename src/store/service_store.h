// SQL for the service directory (the services table of migrations/0003_cases.sql). The
// directory is shared by every organisation, so reads are not scoped; writes name the
// organisation that owns the service, so a service of another organisation is never changed.
// Functions run on a Connection inside the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "referrals/service.h"
#include "store/database.h"

namespace sanad::store {

// Search terms are already normalised words; every one must occur in the search text.
struct ServiceFilter {
  std::string type;   // "" = any
  std::string pcode;  // the place and everything under it (a P-code prefix)
  std::vector<std::string> terms;
  int64_t organisation_id = 0;  // 0 = any
  std::optional<bool> active;   // nullopt = both
  int limit = 25;
  int offset = 0;
};

// Inserts *s (version 1, created and updated at `now`); fills s->id, version and times.
Status InsertService(Connection& c, referrals::Service* s, const std::string& search_text,
                     int64_t now);
// NotFound when there is no such service.
Result<referrals::Service> GetService(Connection& c, int64_t id);
// Writes *s over the stored version `expected_version` of the same organisation and bumps
// s->version: NotFound when the organisation has no such service, Conflict when the stored
// version differs (nothing changes).
Status UpdateService(Connection& c, referrals::Service* s, int64_t expected_version,
                     const std::string& search_text, int64_t now);
// Sorted by name, then id.
Result<std::vector<referrals::Service>> ListServices(Connection& c, const ServiceFilter& f);
Result<int64_t> CountServices(Connection& c, const ServiceFilter& f);

}  // namespace sanad::store
