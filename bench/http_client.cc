#include "http_client.h"

// Boost 1.74's Asio uses std::exchange without including <utility> (STACK.md).
#include <utility>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>

namespace sanad::bench {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

constexpr std::string_view kHttpPrefix = "http://";
constexpr std::string_view kCookieName = "sanad_session";

}  // namespace

Result<Endpoint> ParseEndpoint(std::string_view url) {
  if (!url.starts_with(kHttpPrefix)) {
    return Status::InvalidArgument("server URL must start with http://");
  }
  url.remove_prefix(kHttpPrefix.size());
  if (const size_t slash = url.find('/'); slash != std::string_view::npos) {
    url = url.substr(0, slash);
  }
  const size_t colon = url.rfind(':');
  if (colon == std::string_view::npos || colon + 1 == url.size()) {
    return Status::InvalidArgument("server URL must name a port: http://HOST:PORT");
  }
  return Endpoint{.host = std::string(url.substr(0, colon)),
                  .port = std::string(url.substr(colon + 1))};
}

struct HttpClient::Impl {
  Endpoint endpoint;
  asio::io_context ioc;
  std::optional<beast::tcp_stream> stream;
  beast::flat_buffer buffer;
  std::string cookie;
  std::string csrf;

  Status Connect() {
    beast::error_code ec;
    tcp::resolver resolver(ioc);
    const auto results = resolver.resolve(endpoint.host, endpoint.port, ec);
    if (ec) return Status::Unavailable("resolve " + endpoint.host + ": " + ec.message());
    stream.emplace(ioc);
    stream->connect(results, ec);
    if (ec) {
      stream.reset();
      return Status::Unavailable("connect " + endpoint.host + ":" + endpoint.port + ": " +
                                 ec.message());
    }
    stream->socket().set_option(tcp::no_delay(true), ec);
    buffer.clear();
    return Status::Ok();
  }
};

HttpClient::HttpClient(Endpoint endpoint) : impl_(std::make_unique<Impl>()) {
  impl_->endpoint = std::move(endpoint);
}

HttpClient::~HttpClient() {
  if (impl_->stream) {
    beast::error_code ec;
    impl_->stream->socket().shutdown(tcp::socket::shutdown_both, ec);
  }
}

Result<HttpReply> HttpClient::Send(std::string_view method, std::string_view target,
                                   std::string body) {
  Impl& s = *impl_;
  if (!s.stream) SANAD_RETURN_IF_ERROR(s.Connect());
  bhttp::request<bhttp::string_body> req(bhttp::string_to_verb(method), target, 11);
  req.set(bhttp::field::host, s.endpoint.host);
  req.keep_alive(true);
  if (!s.cookie.empty()) req.set(bhttp::field::cookie, s.cookie);
  if (!s.csrf.empty()) req.set("X-CSRF-Token", s.csrf);
  if (!body.empty()) req.set(bhttp::field::content_type, "application/json");
  req.body() = std::move(body);
  req.prepare_payload();

  beast::error_code ec;
  bhttp::write(*s.stream, req, ec);
  bhttp::response<bhttp::string_body> res;
  if (!ec) bhttp::read(*s.stream, s.buffer, res, ec);
  if (ec) {
    s.stream.reset();
    return Status::Unavailable(std::string(method) + " " + std::string(target) + ": " +
                               ec.message());
  }
  HttpReply reply{.status = static_cast<int>(res.result_int()), .body = std::move(res.body())};
  if (auto it = res.find(bhttp::field::set_cookie); it != res.end()) {
    reply.set_cookie = std::string(it->value());
  }
  if (!res.keep_alive()) s.stream.reset();
  return reply;
}

Status HttpClient::Login(const std::string& username, const std::string& password) {
  const nlohmann::json creds = {{"username", username}, {"password", password}};
  SANAD_ASSIGN_OR_RETURN(HttpReply reply, Send("POST", "/api/v1/session", creds.dump()));
  if (reply.status != 200) {
    return Status::Unauthenticated("login as " + username + " refused (" +
                                   std::to_string(reply.status) + "): " + reply.body);
  }
  const auto j = nlohmann::json::parse(reply.body, nullptr, false);
  if (!j.is_object() || !j.contains("csrf_token") || !reply.set_cookie.starts_with(kCookieName)) {
    return Status::Internal("login answer has no session cookie or csrf_token: " + reply.body);
  }
  impl_->cookie = reply.set_cookie.substr(0, reply.set_cookie.find(';'));
  impl_->csrf = j["csrf_token"].get<std::string>();
  return Status::Ok();
}

std::string PercentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3);
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xf]);
    }
  }
  return out;
}

}  // namespace sanad::bench
