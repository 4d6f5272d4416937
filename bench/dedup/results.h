// The results file of a dedup benchmark run: `key<TAB>value` lines appended by each mode
// (engine, peer), read back by scripts/bench-dedup.sh to write the Markdown table. Not safe to
// append from two processes at once.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sanad::bench::dedup {

class Results {
 public:
  explicit Results(std::string prefix) : prefix_(std::move(prefix)) {}
  void Add(const std::string& key, double value);
  void Add(const std::string& key, const std::string& value);
  // Appends to `path` (nothing when empty) and prints to stdout. False when it cannot write.
  bool Flush(const std::string& path) const;

 private:
  std::string prefix_;
  std::vector<std::pair<std::string, std::string>> lines_;
};

}  // namespace sanad::bench::dedup
