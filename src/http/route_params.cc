#include "http/route_params.h"

#include <charconv>

namespace sanad::http {

std::optional<int64_t> PathId(const Request& req, size_t i) {
  const std::string& s = req.path_params.at(i);
  int64_t v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

std::optional<int64_t> ExpectedVersion(const Request& req, const Json* body) {
  if (body && body->contains("version") && (*body)["version"].is_number_integer()) {
    return (*body)["version"].get<int64_t>();
  }
  std::string m = req.Header("if-match");
  if (m.starts_with("W/")) m.erase(0, 2);
  if (m.size() >= 2 && m.front() == '"' && m.back() == '"') m = m.substr(1, m.size() - 2);
  int64_t v = 0;
  const auto [p, ec] = std::from_chars(m.data(), m.data() + m.size(), v);
  if (m.empty() || ec != std::errc() || p != m.data() + m.size()) return std::nullopt;
  return v;
}

std::optional<VersionedChange> ReadVersionedChange(const Request& req, const std::string& record,
                                                   Response* refused) {
  auto id = PathId(req);
  if (!id) {
    *refused = ErrorResponse(Status::NotFound(record + " not found"));
    return std::nullopt;
  }
  auto body = req.body.empty() ? Result<Json>(Json::object()) : ParseJsonObject(req.body);
  if (!body.ok()) {
    *refused = BadRequest(body.status().message());
    return std::nullopt;
  }
  const auto version = ExpectedVersion(req, &*body);
  if (!version) {
    *refused = ErrorResponse(
        Status::InvalidArgument("the version being changed is required",
                                {{"version", "is required (field or If-Match header)"}}));
    return std::nullopt;
  }
  return VersionedChange{.id = *id, .version = *version, .body = std::move(body).value()};
}

}  // namespace sanad::http
