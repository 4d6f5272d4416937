// The few facts of a project (migration 0006_programmes.sql) that rounds and cases need: that
// it is the organisation's, its code and name to show, and its office for service records.
// Read-only; runs on a Connection inside the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/status.h"
#include "store/database.h"

namespace sanad::store {

struct ProjectRef {
  int64_t id = 0;
  std::string code;
  std::string name;
  int64_t office_id = 0;  // 0 = none
};

// The organisation's project `id`; nullopt when it has none such.
Result<std::optional<ProjectRef>> FindProjectRef(Connection& c, int64_t organisation_id,
                                                 int64_t id);

}  // namespace sanad::store
