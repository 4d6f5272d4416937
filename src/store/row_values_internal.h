// Helpers shared by the stores, for this module only: flags and optional ids as bound values,
// lists kept as ",a,b," text, and telling a stale version from a missing record after an
// UPDATE … AND version = ? changed nothing. Pure or connection-scoped functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/database.h"

namespace sanad::store::row_values {

inline Value Flag(bool b) { return int64_t{b ? 1 : 0}; }
inline Value IdOrNull(int64_t id) { return id > 0 ? Value{id} : Value{}; }

// {"a", "b"} as ",a,b," so that one value is found with LIKE '%,a,%'; "" for none.
inline std::string JoinList(const std::vector<std::string>& values) {
  if (values.empty()) return "";
  std::string out = ",";
  for (const auto& v : values) out += v + ",";
  return out;
}

inline std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// After an UPDATE … AND version = ? changed nothing: NotFound when the organisation has no such
// record, else Conflict naming `version`. `version_sql` selects the version by id and
// organisation.
inline Status StaleOrMissing(Connection& c, std::string_view version_sql, const std::string& record,
                             int64_t id, int64_t organisation_id, int64_t expected) {
  const Value q[] = {id, organisation_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(version_sql, q));
  if (rows.empty()) return Status::NotFound(record + " not found");
  const std::string current = std::to_string(rows.front().Int(0));
  return Status(StatusCode::kConflict,
                record + " " + std::to_string(id) + " was changed by someone else: version " +
                    std::to_string(expected) + " is stale, the current version is " + current,
                {{"version", "is stale: the current version is " + current}});
}

}  // namespace sanad::store::row_values
