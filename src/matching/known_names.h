// Known names: the curated Arabic/Kurdish names with their Latin spellings
// (data/names/demo_names.tsv, embedded), so that every listed spelling of a name in any script
// has one canonical form. Built once on first use; immutable and thread-safe after that.
#pragma once

#include <string_view>

namespace sanad::matching {

// The key a spelling (NameToken::spelling) is looked up by: Arabic and Latin spellings apart.
std::string KnownKey(std::string_view spelling, bool arabic);

// The canonical form of the known name with spelling key `key`, or empty when it is not listed.
std::string_view KnownCanonical(std::string_view key);

}  // namespace sanad::matching
