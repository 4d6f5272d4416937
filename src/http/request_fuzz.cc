// libFuzzer target: query strings and cookie headers come straight from the network; decoding
// them must never crash or read out of bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "http/request.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  sanad::http::ParseQuery(input);
  sanad::http::UrlDecode(input, true);
  sanad::http::Request req;
  req.headers["cookie"] = std::string(input);
  req.Cookie("sanad_session");
  return 0;
}
