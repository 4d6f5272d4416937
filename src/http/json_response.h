// Building JSON responses and the one error body shape, and mapping Status codes to HTTP
// statuses (the table of docs/api.md). Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "access/case_module.h"
#include "base/clock.h"
#include "base/status.h"
#include "http/request.h"

namespace sanad::http {

using Json = nlohmann::json;

Response JsonResponse(int status, const Json& body);
// A time on the wire: "YYYY-MM-DDTHH:MM:SSZ", or null for 0 (not yet, never).
inline Json TimeOrNull(int64_t t) { return t == 0 ? Json(nullptr) : Json(FormatUtc(t)); }
// The ETag of a record at `version`: the version in double quotes, as If-Match sends it back.
std::string ETagOf(int64_t version);
// {"error": {"code", "message", "fields"?}} with the HTTP status for the code.
Response ErrorResponse(const Status& status);
Response BadRequest(const std::string& message);
// For a list's query parameters: InvalidArgument is a bad query, so 400 `bad_request` with
// the offending parameters in `fields` (docs/api.md); other codes as ErrorResponse.
Response QueryErrorResponse(const Status& status);
int HttpStatusFor(StatusCode code);

// ["gbv", "mhpss"]: the protection modules of a user.
Json ModulesJson(const access::CaseModuleSet& modules);

// Parses a JSON object body; 400 on malformed JSON or a non-object.
Result<Json> ParseJsonObject(const std::string& body);

// Reads an optional integer query parameter; InvalidArgument naming it when not a number.
Result<int64_t> IntParam(const Request& req, const std::string& name, int64_t fallback);

}  // namespace sanad::http
