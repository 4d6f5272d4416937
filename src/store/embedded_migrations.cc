#include "store/embedded_migrations.h"

#include <algorithm>
#include <charconv>
#include <string>

#include "base/embedded_files.h"

namespace sanad::store {

const std::vector<Migration>& EmbeddedMigrations() {
  static const std::vector<Migration> kMigrations = [] {
    constexpr std::string_view kPrefix = "src/store/migrations/";
    std::vector<Migration> out;
    for (const auto& f : EmbeddedFiles()) {
      if (!f.path.starts_with(kPrefix)) continue;
      std::string_view name = f.path.substr(kPrefix.size());
      int version = 0;  // "0001_init.sql" → 1; a name without digits sorts first, and fails tests
      std::from_chars(name.data(), name.data() + std::min<size_t>(4, name.size()), version);
      out.push_back({version, name, f.data});
    }
    std::sort(out.begin(), out.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    return out;
  }();
  return kMigrations;
}

}  // namespace sanad::store
