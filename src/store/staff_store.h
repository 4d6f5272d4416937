// SQL of the staff and volunteer roster (migration 0006_programmes.sql). Every read and write
// names the organisation, so another organisation's roster is never seen nor changed. Functions
// run on a Connection inside the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "programmes/programme.h"
#include "store/database.h"

namespace sanad::store {

// Search terms are normalised words; every one must occur in the search text.
struct StaffFilter {
  int64_t organisation_id = 0;
  int64_t office_id = 0;  // 0 = any
  std::string kind;       // "" = any
  std::optional<bool> deployable;
  std::optional<bool> active;
  std::vector<std::string> terms;
  int limit = 25;
  int offset = 0;
};

// Inserts *s (version 1); fills id, version and times.
Status InsertStaffMember(Connection& c, programmes::StaffMember* s, const std::string& search_text,
                         int64_t now);
// With the office's name.
Result<std::optional<programmes::StaffMember>> GetStaffMember(Connection& c,
                                                              int64_t organisation_id, int64_t id);
// Writes *s over the stored version `expected_version`: NotFound or Conflict naming `version`.
Status UpdateStaffMember(Connection& c, programmes::StaffMember* s, int64_t expected_version,
                         const std::string& search_text, int64_t now);
// Sorted by name, then id.
Result<std::vector<programmes::StaffMember>> ListStaffMembers(Connection& c, const StaffFilter& f);
Result<int64_t> CountStaffMembers(Connection& c, const StaffFilter& f);

}  // namespace sanad::store
