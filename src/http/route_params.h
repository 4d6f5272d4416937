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

// What a change to one record carries: its {id}, the JSON body ({} when the body is empty)
// and the version the change was made on.
struct VersionedChange {
  int64_t id = 0;
  int64_t version = 0;
  Json body;
};
// Reads a VersionedChange, or sets *refused: 404 "<record> not found" for a bad id, 400 for a
// malformed body, 422 naming `version` when neither the body nor If-Match gives one.
std::optional<VersionedChange> ReadVersionedChange(const Request& req, const std::string& record,
                                                   Response* refused);

}  // namespace sanad::http
