#include "tests/support/http_client.h"

// Boost 1.74's Asio uses std::exchange without including <utility> (STACK.md).
#include <utility>

// Beast as sanad_http sees it (src/CMakeLists.txt), so both link the same inline functions.
#ifndef BOOST_BEAST_USE_STD_STRING_VIEW
#define BOOST_BEAST_USE_STD_STRING_VIEW
#endif

#include <strings.h>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cctype>
#include <optional>

namespace sanad::testing_support {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

constexpr std::string_view kCookieName = "sanad_session";
constexpr uint64_t kResponseLimit = 64 * 1024 * 1024;

bool ChangesState(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

// The value of `sanad_session=VALUE; ...` in a Set-Cookie header, or nullopt for other cookies.
std::optional<std::string> SessionCookieValue(std::string_view set_cookie) {
  const std::string prefix = std::string(kCookieName) + "=";
  if (!set_cookie.starts_with(prefix)) return std::nullopt;
  set_cookie.remove_prefix(prefix.size());
  return std::string(set_cookie.substr(0, set_cookie.find(';')));
}

}  // namespace

std::string HttpResponse::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k.size() == name.size() && strncasecmp(k.data(), name.data(), k.size()) == 0) return v;
  }
  return "";
}

std::vector<std::string> HttpResponse::ErrorFields() const {
  std::vector<std::string> out;
  if (!json.is_object() || !json.contains("error")) return out;
  const Json& fields = json["error"].value("fields", Json::array());
  for (const auto& f : fields) out.push_back(f.value("field", ""));
  return out;
}

HttpResponse HttpClient::Login(const std::string& username, const std::string& password) {
  HttpResponse r =
      Send("POST", "/api/v1/session", Json{{"username", username}, {"password", password}}.dump(),
           {.send_csrf = false});
  if (r.status == 200 && r.json.is_object()) csrf_ = r.json.value("csrf_token", "");
  return r;
}

HttpResponse HttpClient::Send(const std::string& method, const std::string& target,
                              std::string body, const RequestOptions& options) {
  HttpResponse out;
  asio::io_context ioc;
  tcp::socket socket(ioc);
  beast::error_code ec;
  socket.connect(tcp::endpoint(asio::ip::make_address_v4("127.0.0.1"), port_), ec);
  if (ec) {
    out.error = "connect: " + ec.message();
    return out;
  }
  bhttp::request<bhttp::string_body> req(bhttp::string_to_verb(method), target, 11);
  req.set(bhttp::field::host, "127.0.0.1:" + std::to_string(port_));
  req.set(bhttp::field::accept, "application/json");
  if (!body.empty() || ChangesState(method)) {
    req.set(bhttp::field::content_type, options.content_type);
  }
  if (!cookie_.empty()) req.set(bhttp::field::cookie, std::string(kCookieName) + "=" + cookie_);
  if (options.send_csrf && ChangesState(method) && !csrf_.empty()) req.set("X-CSRF-Token", csrf_);
  for (const auto& [k, v] : options.headers) req.set(k, v);
  req.keep_alive(false);
  req.body() = std::move(body);
  req.prepare_payload();
  beast::error_code write_ec;
  bhttp::write(socket, req, write_ec);
  // The server may answer (e.g. 413) and close before reading the whole body: read anyway.
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(kResponseLimit);
  bhttp::read(socket, buffer, parser, ec);
  if (ec) {
    out.error = "read: " + ec.message() + (write_ec ? "; write: " + write_ec.message() : "");
    return out;
  }
  auto res = parser.release();
  out.status = static_cast<int>(res.result_int());
  for (const auto& field : res) {
    out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    if (field.name() == bhttp::field::set_cookie) {
      const auto value = field.value();
      if (auto v = SessionCookieValue(std::string_view(value.data(), value.size()))) cookie_ = *v;
    }
  }
  out.body = std::move(res.body());
  out.json = Json::parse(out.body, nullptr, /*allow_exceptions=*/false);
  if (out.json.is_discarded()) out.json = nullptr;
  socket.shutdown(tcp::socket::shutdown_both, ec);
  return out;
}

std::string UrlEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(ch);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

}  // namespace sanad::testing_support
