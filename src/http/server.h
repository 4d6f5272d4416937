// Server: the HTTP/1.1 server (Boost.Beast) that reads requests, hands them to a handler and
// writes the responses, with keep-alive, a body size limit (413) and a read timeout. A fixed
// pool of threads runs both I/O and handlers; handlers may block on the database.
// Start once, Stop from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "http/request.h"

namespace sanad::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;  // 0 picks a free port
  int threads = 8;
  size_t body_limit = 1024 * 1024;
  // Requests whose path starts with one of these (file uploads) may send up to
  // `upload_body_limit` bytes instead.
  std::vector<std::string> upload_paths;
  size_t upload_body_limit = size_t{32} << 20;
};

class Server {
 public:
  Server(ServerOptions options, std::function<Response(Request&)> handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; returns Unavailable with the reason when the address is taken.
  Status Listen();
  // The port actually bound (after Listen).
  uint16_t port() const;
  // Serves until Stop() is called or SIGINT/SIGTERM arrives.
  void Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sanad::http
