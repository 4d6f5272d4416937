// Helpers of the programme routes (programme_routes.cc, activity_routes.cc), for this module
// only: query parameters, pages and the responses of created and versioned records. Pure
// functions; thread-safe.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string>
#include <utility>

#include "base/status.h"
#include "http/json_response.h"
#include "http/request.h"
#include "programmes/programme_requests.h"

namespace sanad::http::programme_routes {

inline int Clamp(int64_t v) { return static_cast<int>(std::clamp<int64_t>(v, -1, 1'000'000)); }

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

template <typename T, typename F>
Response PageResponse(const programmes::Page<T>& page, F to_json) {
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

}  // namespace sanad::http::programme_routes
