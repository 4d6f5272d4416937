#include "results.h"

#include <fmt/format.h>

#include <fstream>
#include <iostream>

namespace sanad::bench::dedup {

void Results::Add(const std::string& key, double value) {
  lines_.emplace_back(prefix_ + key, fmt::format("{:.6g}", value));
}

void Results::Add(const std::string& key, const std::string& value) {
  lines_.emplace_back(prefix_ + key, value);
}

bool Results::Flush(const std::string& path) const {
  for (const auto& [key, value] : lines_) std::cout << fmt::format("  {:<28} {}\n", key, value);
  if (path.empty()) return true;
  std::ofstream out(path, std::ios::app);
  for (const auto& [key, value] : lines_) out << key << '\t' << value << '\n';
  out.flush();
  return static_cast<bool>(out);
}

}  // namespace sanad::bench::dedup
