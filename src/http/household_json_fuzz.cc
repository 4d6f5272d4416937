// libFuzzer target: a request body on its way to a household — JSON parsing, the wire codec
// and validation — must never crash, hang or read out of bounds, whatever the bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "http/household_json.h"
#include "http/json_response.h"
#include "registry/household_validator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  auto json = sanad::http::ParseJsonObject(body);
  if (!json.ok()) return 0;
  sanad::registry::Household h;
  if (!sanad::http::ApplyHouseholdJson(*json, &h).ok()) return 0;
  sanad::registry::ValidationContext ctx{
      .place_exists = [](std::string_view pcode) { return pcode.starts_with("IQG"); },
      .today = *sanad::ParsePartialDate("2026-11-23", nullptr)};
  const sanad::Status ignored = sanad::registry::ValidateHousehold(&h, ctx);
  (void)ignored;
  return 0;
}
