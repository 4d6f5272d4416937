#include "store/embedded_migrations.h"

#include <algorithm>
#include <cstdlib>
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
      const int version = std::atoi(std::string(name.substr(0, 4)).c_str());
      out.push_back({version, name, f.data});
    }
    std::sort(out.begin(), out.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    return out;
  }();
  return kMigrations;
}

}  // namespace sanad::store
