// Text helpers of the stores' SQL, for this module only: a LIKE pattern's wildcards escaped,
// and a prefix turned into a byte range an index serves on both backends. Pure functions.
#pragma once

#include <string>

namespace sanad::store {

// `s` with LIKE's wildcards (and the escape itself) escaped by '\'; use with ESCAPE '\'.
std::string EscapeLike(const std::string& s);
// The least string above every string that starts with `prefix`, comparing bytes; "" when
// there is none.
std::string PrefixEnd(std::string prefix);

}  // namespace sanad::store
