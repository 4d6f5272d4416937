// HttpClient: a blocking HTTP/1.1 client over one keep-alive connection (Boost.Beast), used by
// the benchmarks to drive a running `sanad serve`. It measures nothing itself. One client per
// thread; not thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace sanad::bench {

struct Endpoint {
  std::string host;
  std::string port;
};

// Parses "http://HOST:PORT" (what `sanad serve` prints). InvalidArgument otherwise.
Result<Endpoint> ParseEndpoint(std::string_view url);

struct HttpReply {
  int status = 0;
  std::string body;
  std::string set_cookie;
};

class HttpClient {
 public:
  explicit HttpClient(Endpoint endpoint);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends one request over the kept-alive connection, connecting first when there is none.
  // Unavailable on a network error (the connection is then dropped).
  Result<HttpReply> Send(std::string_view method, std::string_view target, std::string body = {});

  // Logs in; afterwards every request carries the session cookie and the X-CSRF-Token header.
  // Unauthenticated with the server's answer when the login is refused.
  Status Login(const std::string& username, const std::string& password);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Percent-encodes a query parameter value (UTF-8 bytes), e.g. for Arabic search terms.
std::string PercentEncode(std::string_view s);

}  // namespace sanad::bench
