// TestServer: the real `sanad` binary serving one database on a random loopback port, for API
// tests. It creates fixture users with `sanad user add`, starts `sanad serve --listen
// 127.0.0.1:0`, learns the port from its first line of output, and stops it (SIGTERM) when
// destroyed; it can also kill it (SIGKILL) and start it again on the same database.
// Failures throw std::runtime_error carrying the server's output. Not thread-safe.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "tests/support/http_client.h"

namespace sanad::testing_support {

class TestServer {
 public:
  // `binary` is the sanad executable. Does not start the server; call AddUser, then Start.
  TestServer(std::string binary, std::string db_url);
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  // Runs `sanad user add` (creating the organisation when missing); the server may be running.
  // `modules`: the protection modules of a caseworker or supervisor ("gbv,mhpss"), or "".
  void AddUser(const std::string& username, const std::string& role,
               const std::string& organisation, const std::string& password,
               const std::string& modules = "");

  // The data key the server seals case fields with (created by `sanad key init` on the first
  // Start, in the server's scratch directory).
  std::string key_file() const { return dir_ + "/sanad.key"; }

  // Starts `sanad serve --key-file key_file()` and waits until it listens.
  void Start();
  // More arguments of `sanad serve` from the next Start on, e.g. {"--disclosure-threshold", "3"}.
  void set_serve_args(std::vector<std::string> args) { serve_args_ = std::move(args); }
  // SIGTERM, then waits for the process. No-op when not running.
  void Stop();
  // SIGKILL, then waits for the process: a crash at an arbitrary point.
  void Kill();

  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  uint16_t port() const { return port_; }
  const std::string& db_url() const { return db_url_; }
  // A new client of this server, not logged in.
  HttpClient Client() const { return HttpClient(port_); }
  // A new client logged in as `username` (throws when the login fails).
  HttpClient LoggedIn(const std::string& username, const std::string& password) const;
  // Everything the server wrote to stdout and stderr so far.
  std::string Output() const;

 private:
  void Signal(int signal);
  void EnsureKey();

  std::string binary_;
  std::string db_url_;
  std::string dir_;  // scratch directory for the server's output
  pid_t pid_ = -1;
  uint16_t port_ = 0;
  int starts_ = 0;
  std::vector<std::string> serve_args_;
};

}  // namespace sanad::testing_support
