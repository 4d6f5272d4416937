// Text helpers of the stores' SQL, for this module only: a LIKE pattern's wildcards escaped,
// a prefix turned into a byte range an index serves on both backends, and lists of placeholders
// with their bound values. Pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace sanad::store {

// `s` with LIKE's wildcards (and the escape itself) escaped by '\'; use with ESCAPE '\'.
std::string EscapeLike(const std::string& s);
// The least string above every string that starts with `prefix`, comparing bytes; "" when
// there is none.
std::string PrefixEnd(std::string prefix);

// "?, ?, ?" for `n` values.
std::string Placeholders(size_t n);
// " AND column IN (?, …)" with `values` bound; nothing when there are none.
void AddIn(std::string_view column, const std::vector<std::string>& values, std::string* where,
           std::vector<Value>* params);
// "(column >= ? AND column < ?)": `column` at or under the P-code `pcode`, as a byte range an
// index serves (P-codes compare bytewise on both backends).
std::string Under(std::string_view column, const std::string& pcode, std::vector<Value>* params);
// `column` under any of `pcodes`, as Under's ranges joined by OR.
std::string UnderAny(std::string_view column, const std::vector<std::string>& pcodes,
                     std::vector<Value>* params);

}  // namespace sanad::store
