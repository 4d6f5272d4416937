// HttpClient: a small synchronous HTTP/1.1 client for API tests, built on Boost.Beast. It
// talks to one loopback port with a fresh connection per request, keeps the `sanad_session`
// cookie and sends the `X-CSRF-Token` from the last login on state-changing requests.
// Not thread-safe: use one client per thread.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sanad::testing_support {

using Json = nlohmann::json;

// One HTTP response. `status` is 0 when the connection failed (e.g. the server was killed).
struct HttpResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names as sent
  std::string body;
  Json json;          // the parsed body; null when it is empty or not JSON
  std::string error;  // why the exchange failed, when status is 0

  // The first header called `name` (case-insensitive), or "".
  std::string Header(std::string_view name) const;
  // The `field` of every entry of error.fields, in order.
  std::vector<std::string> ErrorFields() const;
};

// How one request departs from the defaults.
struct RequestOptions {
  bool send_csrf = true;  // send X-CSRF-Token on POST/PUT/PATCH/DELETE when one is known
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
};

class HttpClient {
 public:
  explicit HttpClient(uint16_t port) : port_(port) {}

  // POST /api/v1/session; on 200 keeps the session cookie and the CSRF token.
  HttpResponse Login(const std::string& username, const std::string& password);

  HttpResponse Get(const std::string& target) { return Send("GET", target, "", {}); }
  HttpResponse Post(const std::string& target, const Json& body, const RequestOptions& o = {}) {
    return Send("POST", target, body.dump(), o);
  }
  HttpResponse Patch(const std::string& target, const Json& body, const RequestOptions& o = {}) {
    return Send("PATCH", target, body.dump(), o);
  }
  HttpResponse Delete(const std::string& target, const RequestOptions& o = {}) {
    return Send("DELETE", target, "", o);
  }
  // Any request with a raw body (which may be malformed on purpose).
  HttpResponse Send(const std::string& method, const std::string& target, std::string body,
                    const RequestOptions& options);

  const std::string& session_cookie() const { return cookie_; }
  const std::string& csrf_token() const { return csrf_; }
  void set_session_cookie(std::string cookie) { cookie_ = std::move(cookie); }

 private:
  uint16_t port_;
  std::string cookie_;  // value of sanad_session, "" when logged out
  std::string csrf_;
};

// Percent-encodes a query parameter value (UTF-8 bytes).
std::string UrlEncode(std::string_view s);

}  // namespace sanad::testing_support
