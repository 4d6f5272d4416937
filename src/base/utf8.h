// Lengths of UTF-8 text as a person counts them: characters (code points), not bytes, so that
// a limit of 200 characters is 200 Arabic or Kurdish letters too. Pure functions.
#pragma once

#include <cstddef>
#include <string_view>

namespace sanad {

// The code points of `s`: every byte that does not continue a sequence (10xxxxxx) starts one.
inline size_t Utf8Chars(std::string_view s) {
  size_t n = 0;
  for (const char ch : s) {
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace sanad
