// Router: maps a method and a path pattern ("/api/v1/households/{id}") to a handler.
// Routes are added at start-up, then only read, so matching is thread-safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http/request.h"

namespace sanad::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler);
  // The handler for the request (filling req.path_params), or nullptr. *path_known says
  // whether some route has this path with another method (for 405).
  const Handler* Match(Request& req, bool* path_known) const;
  // "GET /api/v1/households/{id}" for every route, in the order added.
  std::vector<std::string> Routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace sanad::http
