// The migrations compiled into the program, in order (internal to store/).
#pragma once

#include <string_view>
#include <vector>

namespace sanad::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// Parsed from the embedded files migrations/NNNN_name.sql, sorted by version.
const std::vector<Migration>& EmbeddedMigrations();

}  // namespace sanad::store
