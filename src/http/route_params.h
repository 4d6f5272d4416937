// Reading the parameters routes share: a positive id in the path, and the version a change
// edits (body field `version`, else an If-Match header). Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>

#include "http/json_response.h"
#include "http/request.h"

namespace sanad::http {

// The i-th {…} path segment as a positive integer, or nullopt (then 404: no such record).
std::optional<int64_t> PathId(const Request& req, size_t i = 0);
// The version a PATCH, DELETE or action edits: body field `version`, else header If-Match
// ("3" or 3).
std::optional<int64_t> ExpectedVersion(const Request& req, const Json* body);

}  // namespace sanad::http
