// Reading the parameters routes share: a positive id in the path, the version a change edits
// (body field `version`, else an If-Match header), query parameters and pages; and the
// responses of a page, a created and a versioned record. Pure functions; thread-safe.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include "base/status.h"

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

// A page or limit as a service takes it: out-of-range values stay out of range (refused there).
inline int Clamp(int64_t v) { return static_cast<int>(std::clamp<int64_t>(v, -1, 1'000'000)); }

// A query parameter's text; "" when absent.
inline std::string Param(const Request& req, const char* name) {
  auto it = req.query.find(name);
  return it == req.query.end() ? std::string() : it->second;
}

// Reads integer query parameters by name into the given places; InvalidArgument naming the
// first that is not a number.
inline Status Ints(const Request& req,
                   std::initializer_list<std::pair<const char*, int64_t*>> params) {
  for (const auto& [name, out] : params) {
    auto v = IntParam(req, name, *out);
    if (!v.ok()) return v.status();
    *out = *v;
  }
  return Status::Ok();
}

// page and limit of a list query (defaults 1 and 25).
inline Status PageParams(const Request& req, int* page, int* limit) {
  int64_t p = 1;
  int64_t l = 25;
  SANAD_RETURN_IF_ERROR(Ints(req, {{"page", &p}, {"limit", &l}}));
  *page = Clamp(p);
  *limit = Clamp(l);
  return Status::Ok();
}

inline std::string ActiveParam(const Request& req) {
  const std::string active = Param(req, "active");
  return active.empty() ? "true" : active;
}

// A page of a list ({items, page, limit, total}) of any module's Page<T>.
template <typename P, typename F>
Response PageResponse(const P& page, F to_json) {
  Json items = Json::array();
  for (const auto& x : page.items) items.push_back(to_json(x));
  return JsonResponse(
      200, {{"items", items}, {"page", page.page}, {"limit", page.limit}, {"total", page.total}});
}

inline Response Versioned(int status, const Json& body, int64_t version) {
  Response r = JsonResponse(status, body);
  r.headers.emplace_back("ETag", ETagOf(version));
  return r;
}

inline Response Created(const Json& body, const std::string& location) {
  Response r = JsonResponse(201, body);
  r.headers.emplace_back("Location", location);
  return r;
}

}  // namespace sanad::http
