// Request and Response: the HTTP exchange as route handlers see it, independent of Beast.
// Plain values owned by the connection that reads and writes them.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sanad::http {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded path without the query, e.g. "/api/v1/households/17"
  std::map<std::string, std::string> query;    // decoded query parameters (last one wins)
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string remote_address;
  std::vector<std::string> path_params;  // filled by the router: the {…} segments in order

  std::string Header(std::string_view name) const;
  // The value of cookie `name`, or "".
  std::string Cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// Percent-decodes a URL component ('+' as space when `plus_is_space`).
std::string UrlDecode(std::string_view s, bool plus_is_space);
// Splits "a=1&b=%D9%85" into decoded pairs.
std::map<std::string, std::string> ParseQuery(std::string_view query);

}  // namespace sanad::http
