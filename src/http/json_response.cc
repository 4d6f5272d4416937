#include "http/json_response.h"

#include <fmt/format.h>

#include <charconv>

namespace sanad::http {

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 422;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kAlreadyExists:
      return 409;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kConflict:
      return 409;
    case StatusCode::kFailedPrecondition:
      return 409;
    case StatusCode::kResourceExhausted:
      return 429;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

Response JsonResponse(int status, const Json& body) {
  return Response{.status = status,
                  .body = body.dump(-1, ' ', false, Json::error_handler_t::replace)};
}

namespace {

// {"error": {"code", "message", "fields"?}} for `s`, with `code` as the wire code.
Json ErrorJson(const Status& s, std::string_view code) {
  Json err = {{"code", code},
              {"message", s.code() == StatusCode::kInternal ? "internal error" : s.message()}};
  if (!s.fields().empty()) {
    Json fields = Json::array();
    for (const auto& f : s.fields()) fields.push_back({{"field", f.field}, {"reason", f.reason}});
    err["fields"] = fields;
  }
  return {{"error", err}};
}

}  // namespace

Response ErrorResponse(const Status& s) {
  return JsonResponse(HttpStatusFor(s.code()), ErrorJson(s, StatusCodeName(s.code())));
}

Response BadRequest(const std::string& message) {
  return JsonResponse(400, {{"error", {{"code", "bad_request"}, {"message", message}}}});
}

Response QueryErrorResponse(const Status& s) {
  if (s.code() != StatusCode::kInvalidArgument) return ErrorResponse(s);
  return JsonResponse(400, ErrorJson(s, "bad_request"));
}

Result<Json> ParseJsonObject(const std::string& body) {
  Json j = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded())
    return Status(StatusCode::kFailedPrecondition, "the body is not valid JSON");
  if (!j.is_object())
    return Status(StatusCode::kFailedPrecondition, "the body must be a JSON object");
  return j;
}

Result<int64_t> IntParam(const Request& req, const std::string& name, int64_t fallback) {
  auto it = req.query.find(name);
  if (it == req.query.end() || it->second.empty()) return fallback;
  int64_t v = 0;
  const auto [p, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
  if (ec != std::errc() || p != it->second.data() + it->second.size()) {
    return Status::InvalidArgument("bad query", {{name, "must be a whole number"}});
  }
  return v;
}

Json ModulesJson(const access::CaseModuleSet& modules) {
  Json out = Json::array();
  for (access::CaseModule m : modules.List()) out.push_back(access::CaseModuleName(m));
  return out;
}

// fmt rather than concatenating quotes and std::to_string: GCC 12 at -O3 reports a false
// -Warray-bounds in the inlined concatenation.
std::string ETagOf(int64_t version) { return fmt::format("\"{}\"", version); }

}  // namespace sanad::http
