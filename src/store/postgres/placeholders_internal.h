// Rewrites sanad's portable `?` placeholders to PostgreSQL's $1, $2, ... (internal to
// store/postgres). Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace sanad::store::postgres {

// Numbers every `?` that stands outside string literals ('...', E'...', $tag$...$tag$),
// quoted identifiers ("...") and comments (-- and nested /* */), left to right.
std::string RewritePlaceholders(std::string_view sql);

}  // namespace sanad::store::postgres
