// The API's registration rate: N clients, each logged in with its own session and its own
// keep-alive connection, POST distinct households to /api/v1/households back to back (a closed
// loop: a client sends its next request when the previous answer arrived). Bodies are
// generated and encoded before the clock starts.
#pragma once

#include <string>

#include "base/status.h"
#include "measurement.h"

namespace sanad::bench {

struct ApiLoadOptions {
  std::string server_url;  // http://127.0.0.1:PORT
  std::string db_url;      // the server's database, read for the places the bodies use
  std::string organisation;
  std::string username;
  std::string password;
  std::string backend;  // label for the results
  int server_pid = 0;   // for the server's CPU time; 0 = not measured
  int clients = 1;
  double seconds = 8;
  uint64_t seed = 2;
};

// Every answer other than 201 counts as an error; the first one is kept in the note.
Result<Measurement> RunApiLoad(const ApiLoadOptions& options);

}  // namespace sanad::bench
