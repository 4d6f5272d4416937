// SQL of offices (missions; migration 0006_programmes.sql). Every read and write names the
// organisation, so another organisation's office is never seen nor changed. Reads fill the
// counts of active staff and volunteers. Functions run on a Connection inside the caller's
// transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "programmes/programme.h"
#include "store/database.h"

namespace sanad::store {

// Search terms are normalised words; every one must occur in the office's name or Arabic name.
struct OfficeFilter {
  int64_t organisation_id = 0;
  std::vector<std::string> terms;
  std::optional<bool> active;  // nullopt = both
  bool public_only = false;
  int limit = 25;
  int offset = 0;
};

// Inserts *o (version 1, created and updated at `now`); fills id, version and times.
// `search_text` holds the words a list search matches (programmes::OfficeSearchText).
// AlreadyExists when the organisation has an office of the same name key.
Status InsertOffice(Connection& c, programmes::Office* o, const std::string& name_key,
                    const std::string& search_text, int64_t now);
Result<std::optional<programmes::Office>> GetOffice(Connection& c, int64_t organisation_id,
                                                    int64_t id);
Result<std::optional<int64_t>> FindOfficeByNameKey(Connection& c, int64_t organisation_id,
                                                   const std::string& name_key);
// Writes *o over the stored version `expected_version`: NotFound when the organisation has no
// such office, Conflict naming `version` when it is stale (nothing changes).
Status UpdateOffice(Connection& c, programmes::Office* o, int64_t expected_version,
                    const std::string& name_key, const std::string& search_text, int64_t now);
// Sorted by name, then id.
Result<std::vector<programmes::Office>> ListOffices(Connection& c, const OfficeFilter& f);
Result<int64_t> CountOffices(Connection& c, const OfficeFilter& f);

}  // namespace sanad::store
