// DemoNames: the curated given and family names that demo and benchmark households are made
// of, by community, each in Arabic script with its Latin spellings (data/names/README.md
// describes the table). Views into the parsed text, which must outlive the DemoNames; the
// shipped table is embedded, parsed once and immutable, so it is safe to share between threads.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sanad::registry {

// Who a household's names come from; decides which lists are drawn on.
enum class Community { kArab, kChristian, kYazidi, kKurdish };
inline constexpr size_t kCommunityCount = 4;

// One name: its Arabic-script spelling and up to four Latin spellings, the first being the one
// most often seen on documents.
struct DemoName {
  std::string_view arabic;
  std::array<std::string_view, 4> latin;
  size_t latin_count = 0;
};

class DemoNames {
 public:
  // Parses the tab-separated table (header `kind community sex arabic latin`, `#` comments).
  // InvalidArgument naming the line on a malformed row, or when a community lacks male,
  // female or family names.
  static Result<DemoNames> Parse(std::string_view tsv);
  // The table embedded from data/names/demo_names.tsv. Aborts if it is missing or malformed,
  // which is a build mistake.
  static const DemoNames& Shipped();

  const std::vector<DemoName>& Given(Community community, bool female) const {
    return (female ? female_ : male_)[static_cast<size_t>(community)];
  }
  const std::vector<DemoName>& Family(Community community) const {
    return family_[static_cast<size_t>(community)];
  }

 private:
  using Lists = std::array<std::vector<DemoName>, kCommunityCount>;
  Lists male_;
  Lists female_;
  Lists family_;
};

}  // namespace sanad::registry
